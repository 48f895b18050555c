import { describe, expect, it } from "vitest";
import { autoScore, commentMatchesDefect, gradedScore, suggestedLevel, type KeyDefect } from "./code-review-scoring";

const defects: KeyDefect[] = [
  { id: "secrets", file: "svc/config.py", lines: [33, 34], severity: "critical", dimension: "software_engineering" },
  { id: "model-per-request", file: "svc/api.py", lines: [40, 42], severity: "major", dimension: "mlops_operations" },
  { id: "no-metrics", file: "svc/api.py", lines: [50, 50], severity: "minor", dimension: "mlops_operations" },
  { id: "skew", file: "svc/features.py", lines: [10, 12], severity: "critical", dimension: "data_quality" },
];
const c = (id: number, filePath: string, line: number, endLine?: number) => ({ id, filePath, line, endLine });

describe("matching a comment to a planted defect", () => {
  it("matches on the exact line and anywhere inside the range", () => {
    expect(commentMatchesDefect(c(1, "svc/config.py", 33), defects[0]!)).toBe(true);
    expect(commentMatchesDefect(c(1, "svc/config.py", 34), defects[0]!)).toBe(true);
  });
  it("allows two lines either side, not three", () => {
    expect(commentMatchesDefect(c(1, "svc/config.py", 31), defects[0]!)).toBe(true);
    expect(commentMatchesDefect(c(1, "svc/config.py", 36), defects[0]!)).toBe(true);
    expect(commentMatchesDefect(c(1, "svc/config.py", 30), defects[0]!)).toBe(false);
    expect(commentMatchesDefect(c(1, "svc/config.py", 37), defects[0]!)).toBe(false);
  });
  it("never matches another file with the same line numbers", () => {
    expect(commentMatchesDefect(c(1, "svc/api.py", 33), defects[0]!)).toBe(false);
  });
  it("a whole-file comment matches by its first line only", () => {
    expect(commentMatchesDefect(c(1, "svc/api.py", 1, 120), defects[1]!)).toBe(false);
    expect(commentMatchesDefect(c(1, "svc/api.py", 38, 45), defects[1]!)).toBe(true);
  });
});

describe("auto-scoring", () => {
  it("weights recall by severity (critical 3, major 2, minor 1) and lists unmatched comments", () => {
    const score = autoScore(defects, [c(1, "svc/config.py", 33), c(2, "svc/api.py", 41), c(3, "svc/api.py", 5)]);
    // found 3 + 2 of 3 + 2 + 1 + 3 = 5 / 9
    expect(score.foundWeight).toBe(5);
    expect(score.totalWeight).toBe(9);
    expect(score.recall).toBeCloseTo(5 / 9, 10);
    expect(score.unmatchedCommentIds).toEqual([3]);
    expect(score.byDimension).toEqual({
      software_engineering: { found: 3, total: 3, recall: 1, credited: 0 },
      mlops_operations: { found: 2, total: 3, recall: 2 / 3, credited: 0 },
      data_quality: { found: 0, total: 3, recall: 0, credited: 0 },
    });
  });

  it("counts a defect once however many comments hit it", () => {
    const score = autoScore(defects, [c(1, "svc/config.py", 33), c(2, "svc/config.py", 34), c(3, "svc/config.py", 35)]);
    expect(score.foundWeight).toBe(3);
    expect(score.defects[0]!.matchedCommentIds).toEqual([1, 2, 3]);
  });

  it("one comment spanning two defects credits only one: the nearest, the more severe on a tie", () => {
    const spanning = autoScore(defects, [c(1, "svc/api.py", 41, 50)]);
    expect(spanning.defects.filter((d) => d.matchedCommentIds.length).map((d) => d.id)).toEqual(["model-per-request"]);
    expect(spanning.foundWeight).toBe(2);
    // Line 48 is 6 lines after one defect and 2 before the other: the nearer one wins.
    const between = autoScore(defects, [c(1, "svc/api.py", 48)]);
    expect(between.defects.filter((d) => d.matchedCommentIds.length).map((d) => d.id)).toEqual(["no-metrics"]);
  });

  it("no comments: zero recall, nothing unmatched", () => {
    expect(autoScore(defects, [])).toMatchObject({ recall: 0, foundWeight: 0, unmatchedCommentIds: [] });
  });
});

describe("grading", () => {
  it("rejected matches stop counting; credited findings are reported beside recall, not inside it", () => {
    const comments = [c(1, "svc/config.py", 33), c(2, "svc/api.py", 41), c(3, "svc/api.py", 5)];
    const graded = gradedScore(defects, comments, {
      rejected: ["model-per-request"],
      credited: [{ commentId: 3, severity: "major", dimension: "data_quality" }],
    });
    expect(graded.foundWeight).toBe(3);
    expect(graded.creditedWeight).toBe(2);
    expect(graded.byDimension.mlops_operations).toEqual({ found: 0, total: 3, recall: 0, credited: 0 });
    expect(graded.byDimension.data_quality).toEqual({ found: 0, total: 3, recall: 0, credited: 2 });
    expect(graded.unmatchedCommentIds).toEqual([]);
  });

  it("suggests a rating from recall, only where the key tests the dimension", () => {
    expect(suggestedLevel({ found: 3, total: 4, recall: 0.75 })).toBe(4);
    expect(suggestedLevel({ found: 2, total: 4, recall: 0.5 })).toBe(3);
    expect(suggestedLevel({ found: 1, total: 4, recall: 0.25 })).toBe(2);
    expect(suggestedLevel({ found: 0, total: 4, recall: 0 })).toBe(1);
    expect(suggestedLevel({ found: 2, total: 2, recall: 1 })).toBeNull();
    expect(suggestedLevel({ found: 2, total: 4, recall: 0.5, credited: 2 })).toBe(4);
  });
});
