// The shipped pre-graded code reviews: valid files, every comment on a real line of the exercise
// version it names, the expert rating exactly the code-review stage's focus, and reviews that
// differ the way the expert's ratings say (so a grader has something to get right).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getCodeReviewExercise } from "./code-review-exercise.server";
import { autoScore } from "./code-review-scoring";
import { GradingSampleFileError, misplacedComments, readGradingSampleFile } from "./grading-sample-file.server";
import { keyItems } from "./review-grade.server";
import { readRubricFile } from "./rubric.server";

const DIR = path.resolve("rubrics/gold-samples/grading");
const samples = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => readGradingSampleFile(path.join(DIR, f)));

const comments = (s: (typeof samples)[number]) =>
  s.review.comments.map((c, i) => ({ id: i + 1, filePath: c.file, line: c.line, body: c.body }));
const found = (s: (typeof samples)[number]) =>
  autoScore(keyItems(getCodeReviewExercise(s.exercise.slug)), comments(s))
    .items.filter((i) => i.matches.length)
    .map((i) => i.id);

describe("the pre-graded code reviews", () => {
  it("are at least three, on more than one pull request, with distinct slugs", () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(new Set(samples.map((s) => s.exercise.slug)).size).toBeGreaterThan(1);
    expect(new Set(samples.map((s) => s.slug)).size).toBe(samples.length);
  });

  it.each(samples.map((s) => [s.slug, s] as const))("%s: every comment is on a real, non-blank line of the file it names", (_slug, s) => {
    const exercise = getCodeReviewExercise(s.exercise.slug);
    // The version the sample was written against is the one the folder holds now.
    expect(exercise.meta.version).toBe(s.exercise.version);
    expect(misplacedComments(s, exercise)).toEqual([]);
    for (const c of s.review.comments) {
      const line = exercise.files.find((f) => f.path === c.file)!.after.split("\n")[c.line - 1]!;
      expect(line.trim(), `${c.file}:${c.line}`).not.toBe("");
    }
  });

  it.each(samples.map((s) => [s.slug, s] as const))(
    "%s: the expert rates exactly the code-review focus of its rubric version",
    (_slug, s) => {
      const rubric = readRubricFile(path.resolve("rubrics", `${s.rubric.key}.v${s.rubric.version}.json`));
      const focus = rubric.stages.find((st) => st.key === "code_review")!.focus;
      expect(Object.keys(s.expert.ratings).sort()).toEqual([...focus].sort());
    },
  );

  it("differ as the expert's ratings say: the Lead's review credits the blockers, the nits' review none of them", () => {
    const bySlug = new Map(samples.map((s) => [s.slug, s]));
    const lead = found(bySlug.get("cr-fraud-lead-prioritised")!);
    const nits = found(bySlug.get("cr-fraud-many-nits")!);
    const terse = found(bySlug.get("cr-fraud-terse-right")!);
    for (const blocker of ["hardcoded-secrets", "fail-open-swallowed-errors", "missing-history-ratio-filled"]) {
      expect(lead).toContain(blocker);
      expect(terse).toContain(blocker);
      expect(nits).not.toContain(blocker);
    }
    expect(lead.length).toBeGreaterThan(terse.length);
    expect(bySlug.get("cr-fraud-many-nits")!.expert.ratings.software_engineering!.level).toBe(1);
    // Sharp on the code, blind to the data: the token and the swallowed error, none of the leaks.
    const blind = found(bySlug.get("cr-churn-clean-code-blind-to-data")!);
    expect(blind).toEqual(expect.arrayContaining(["hardcoded-registry-token", "swallowed-registration-error"]));
    for (const leak of ["preprocessor-fit-before-split", "random-split-on-time-ordered-data", "model-registered-without-preprocessing"])
      expect(blind).not.toContain(leak);
  });

  it("says which file and field is wrong, and refuses a comment past the end of its file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "grading-"));
    const good = JSON.parse(readFileSync(path.join(DIR, "cr-fraud-terse-right.json"), "utf8"));
    const bad = path.join(dir, "bad.json");
    writeFileSync(
      bad,
      JSON.stringify({ ...good, expert: { ...good.expert, ratings: { software_engineering: { level: 5, reason: "x" } } } }),
    );
    expect(() => readGradingSampleFile(bad)).toThrow(GradingSampleFileError);
    expect(() => readGradingSampleFile(bad)).toThrow(/bad\.json: expert\.ratings\.software_engineering\.level: .*4/);
    writeFileSync(bad, "{ not json");
    expect(() => readGradingSampleFile(bad)).toThrow(/bad\.json: not valid JSON/);

    const past = {
      ...good,
      review: { ...good.review, comments: [{ file: "fraud_service/api.py", line: 400, priority: null, body: "Here." }] },
    };
    expect(misplacedComments(past, getCodeReviewExercise("fraud-scoring-endpoint"))).toEqual([
      "review.comments.0: fraud_service/api.py has 87 lines; the comment is on line 400",
    ]);
    const elsewhere = { ...good, review: { ...good.review, comments: [{ file: "README.md", line: 1, priority: null, body: "Here." }] } };
    expect(misplacedComments(elsewhere, getCodeReviewExercise("fraud-scoring-endpoint"))).toEqual([
      "review.comments.0: README.md is not a file of the pull request",
    ]);
  });
});
