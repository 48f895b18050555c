import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anchorDistance,
  applySuggestionRules,
  autoScore,
  gradedScore,
  matchComment,
  NO_DECISIONS,
  placeComment,
  reviewFacts,
  suggestedLevel,
  type CommentPriority,
  type KeyItem,
  type SuggestionRule,
} from "./code-review-scoring";
import { compileRule } from "./review-credit";

const items: KeyItem[] = [
  { id: "secrets", anchors: [{ file: "svc/config.py", lines: [33, 34] }], severity: "critical", dimension: "software_engineering" },
  {
    id: "model-per-request",
    anchors: [
      { file: "svc/api.py", lines: [40, 42] },
      { file: "svc/loader.py", lines: [10, 12] },
    ],
    severity: "major",
    dimension: "mlops_operations",
  },
  { id: "no-metrics", anchors: [{ file: "svc/api.py", lines: [50, 50] }], severity: "minor", dimension: "mlops_operations" },
  { id: "skew", anchors: [{ file: "svc/features.py", lines: [10, 12] }], severity: "critical", dimension: "data_quality" },
  { id: "rollout", anchors: [], severity: "major", dimension: "ml_system_design" },
];
const c = (id: number, filePath: string, line: number, endLine?: number) => ({ id, filePath, line, endLine });
const credited = (score: ReturnType<typeof autoScore>) => score.items.filter((i) => i.found).map((i) => i.id);

describe("matching a comment to an anchor", () => {
  const anchor = items[0]!.anchors[0]!;
  it("is distance 0 anywhere inside the anchor", () => {
    expect(anchorDistance(c(1, "svc/config.py", 33), anchor)).toBe(0);
    expect(anchorDistance(c(1, "svc/config.py", 34), anchor)).toBe(0);
  });
  it("allows two lines either side, not three", () => {
    expect(anchorDistance(c(1, "svc/config.py", 31), anchor)).toBe(2);
    expect(anchorDistance(c(1, "svc/config.py", 36), anchor)).toBe(2);
    expect(anchorDistance(c(1, "svc/config.py", 30), anchor)).toBeNull();
    expect(anchorDistance(c(1, "svc/config.py", 37), anchor)).toBeNull();
  });
  it("never matches another file with the same line numbers", () => {
    expect(anchorDistance(c(1, "svc/api.py", 33), anchor)).toBeNull();
  });
  it("a whole-file comment matches by its first line only", () => {
    expect(matchComment(c(1, "svc/api.py", 1, 120), items)).toBeNull();
    expect(matchComment(c(1, "svc/api.py", 38, 45), items)).toBe("model-per-request");
  });
  it("any anchor of a defect credits it: the definition and the call site", () => {
    expect(matchComment(c(1, "svc/api.py", 41), items)).toBe("model-per-request");
    expect(matchComment(c(2, "svc/loader.py", 11), items)).toBe("model-per-request");
  });
  it("a PR-level item has no anchor, so no comment ever matches it", () => {
    const rollout = items.filter((i) => i.id === "rollout");
    for (const line of [1, 41, 50]) expect(matchComment(c(1, "svc/api.py", line), rollout)).toBeNull();
  });
});

describe("auto-scoring", () => {
  it("weights recall by severity (critical 3, major 2, minor 1) over the whole key and lists unmatched comments", () => {
    const score = autoScore(items, [c(1, "svc/config.py", 33), c(2, "svc/api.py", 41), c(3, "svc/api.py", 5)]);
    // found 3 + 2 of 3 + 2 + 1 + 3 + 2 = 5 / 11
    expect(score.foundWeight).toBe(5);
    expect(score.totalWeight).toBe(11);
    expect(score.recall).toBeCloseTo(5 / 11, 10);
    expect(score.unmatchedCommentIds).toEqual([3]);
    expect(score.byDimension).toEqual({
      software_engineering: { found: 3, total: 3, recall: 1, credited: 0 },
      mlops_operations: { found: 2, total: 3, recall: 2 / 3, credited: 0 },
      data_quality: { found: 0, total: 3, recall: 0, credited: 0 },
      ml_system_design: { found: 0, total: 2, recall: 0, credited: 0 },
    });
  });

  it("counts a defect once however many comments hit it, on however many anchors", () => {
    const score = autoScore(items, [c(1, "svc/api.py", 40), c(2, "svc/loader.py", 10), c(3, "svc/api.py", 42)]);
    expect(score.foundWeight).toBe(2);
    expect(score.items[1]!.matches.map((m) => m.commentId)).toEqual([1, 2, 3]);
  });

  it("one comment credits one defect: the nearest anchor, the more severe on a tie", () => {
    const spanning = autoScore(items, [c(1, "svc/api.py", 41, 50)]);
    expect(credited(spanning)).toEqual(["model-per-request"]);
    // Line 48 is 6 lines after one anchor and 2 before the other: the nearer one wins.
    expect(matchComment(c(1, "svc/api.py", 48), items)).toBe("no-metrics");
    const tie: KeyItem[] = [
      { id: "minor-one", anchors: [{ file: "a.py", lines: [10, 10] }], severity: "minor", dimension: "x" },
      { id: "critical-one", anchors: [{ file: "a.py", lines: [14, 14] }], severity: "critical", dimension: "x" },
    ];
    expect(matchComment(c(1, "a.py", 12), tie)).toBe("critical-one");
  });

  it("no comments: zero recall, nothing unmatched", () => {
    expect(autoScore(items, [])).toMatchObject({ recall: 0, foundWeight: 0, unmatchedCommentIds: [] });
  });
});

describe("grading", () => {
  const comments = [c(1, "svc/config.py", 33), c(2, "svc/api.py", 41), c(3, "svc/api.py", 5)];

  it("rejected matches stop counting; credited findings are reported beside recall, not inside it", () => {
    const graded = gradedScore(items, comments, new Map(), {
      rejected: ["model-per-request"],
      credited: [{ commentId: 3, severity: "major", dimension: "data_quality" }],
      fromSummary: [],
    });
    expect(graded.foundWeight).toBe(3);
    expect(graded.creditedWeight).toBe(2);
    expect(graded.byDimension.mlops_operations).toEqual({ found: 0, total: 3, recall: 0, credited: 0 });
    expect(graded.byDimension.data_quality).toEqual({ found: 0, total: 3, recall: 0, credited: 2 });
    expect(graded.unmatchedCommentIds).toEqual([3]);
    expect(graded.credits).toEqual([{ commentId: 3, severity: "major", dimension: "data_quality" }]);
  });

  it("a PR-level item counts when the grader credits it from the summary", () => {
    expect(gradedScore(items, [], new Map(), { ...NO_DECISIONS, fromSummary: ["rollout"] })).toMatchObject({
      foundWeight: 2,
      recall: 2 / 11,
    });
  });

  it("the grader moves a comment onto the defect it names, or off every defect, and recall follows", () => {
    // Comment 3 sits on an unrelated line but describes the skew.
    const moved = gradedScore(items, comments, new Map([[3, "skew"]]), NO_DECISIONS);
    expect(credited(moved)).toEqual(["secrets", "model-per-request", "skew"]);
    expect(moved.items.find((i) => i.id === "skew")!.matches).toEqual([{ commentId: 3, by: "grader" }]);
    expect(moved.foundWeight).toBe(8);
    // Un-matching comment 2 takes its defect away and lists it outside the key.
    const unmatched = gradedScore(items, comments, new Map([[2, null]]), NO_DECISIONS);
    expect(credited(unmatched)).toEqual(["secrets"]);
    expect(unmatched.unmatchedCommentIds).toEqual([2, 3]);
  });

  it("a credit for a comment the grader has since moved onto a defect no longer counts twice", () => {
    const graded = gradedScore(items, comments, new Map([[3, "skew"]]), {
      ...NO_DECISIONS,
      credited: [{ commentId: 3, severity: "major", dimension: "data_quality" }],
    });
    expect(graded.creditedWeight).toBe(0);
    expect(graded.byDimension.data_quality).toMatchObject({ found: 3, credited: 0 });
  });

  it("a move to an id the key no longer has falls back to the comment's line", () => {
    expect(credited(gradedScore(items, comments, new Map([[1, "gone"]]), NO_DECISIONS))).toContain("secrets");
  });
});

describe("suggested ratings", () => {
  const r = (found: number, total: number, credited = 0) => ({ found, total, recall: found / total, credited });
  it("suggests a level from recall, only where the key tests the dimension", () => {
    expect(suggestedLevel(r(3, 4))).toBe(4);
    expect(suggestedLevel(r(2, 4))).toBe(3);
    expect(suggestedLevel(r(1, 4))).toBe(2);
    expect(suggestedLevel(r(1, 5))).toBe(1);
    expect(suggestedLevel(r(2, 2))).toBeNull();
    expect(suggestedLevel(r(2, 4, 2))).toBe(4);
  });
  it("suggests nothing where the candidate found nothing, instead of a pre-selected 1", () => {
    expect(suggestedLevel(r(0, 7))).toBeNull();
    // A credited finding outside the key is something found.
    expect(suggestedLevel(r(0, 7, 2))).toBe(2);
  });
});

describe("credit reads the comment", () => {
  const rule = (...concepts: string[][]) =>
    compileRule({ says: "test", concepts: concepts.map((terms, i) => ({ concept: `c${i}`, terms })) });
  const keyed: KeyItem[] = [
    {
      id: "secrets",
      anchors: [{ file: "svc/config.py", lines: [33, 34] }],
      severity: "critical",
      dimension: "software_engineering",
      credit: rule(["password", "secret*", "api key", "credential*"], ["hard code*", "commit*", "in source", "literal*", "vault", "env*"]),
    },
    {
      id: "timeout",
      anchors: [{ file: "svc/config.py", lines: [37, 37] }],
      severity: "minor",
      dimension: "mlops_operations",
      credit: rule(["timeout*", "time out"]),
    },
    {
      id: "skew",
      anchors: [{ file: "svc/features.py", lines: [10, 12] }],
      severity: "critical",
      dimension: "data_quality",
      credit: rule(["unit*", "cents", "minor"], ["training", "skew*", "offline"]),
    },
  ];
  const say = (id: number, filePath: string, line: number, body: string) => ({ id, filePath, line, body });

  it("on the anchor and naming every concept: credited", () => {
    expect(placeComment(say(1, "svc/config.py", 33, "Hard-coded Redis password"), keyed)).toEqual({ credits: "secrets", near: null });
  });

  it("on the anchor, text that doesn't name it: near the item, never credited", () => {
    expect(placeComment(say(1, "svc/config.py", 33, "LGTM"), keyed)).toEqual({ credits: null, near: "secrets" });
    // Half the minimum is not the minimum.
    expect(placeComment(say(1, "svc/config.py", 33, "the password is here"), keyed)).toEqual({ credits: null, near: "secrets" });
    const score = autoScore(keyed, [say(1, "svc/config.py", 33, "ok")]);
    expect(score.foundWeight).toBe(0);
    expect(score.near.get(1)).toEqual({ itemId: "secrets", why: "text" });
  });

  it("the right text in the wrong place credits nothing and is near nothing", () => {
    expect(placeComment(say(1, "svc/config.py", 20, "Hard-coded Redis password"), keyed)).toEqual({ credits: null, near: null });
    // Two lines from the anchor is still on it; three is not.
    expect(placeComment(say(1, "svc/config.py", 31, "Hard-coded Redis password"), keyed).credits).toBe("secrets");
    expect(placeComment(say(1, "svc/config.py", 30, "Hard-coded Redis password"), keyed).credits).toBeNull();
  });

  it("between two items, the text decides which one it credits", () => {
    // Line 35 is 1 from the secrets anchor and 2 from the timeout anchor.
    expect(placeComment(say(1, "svc/config.py", 35, "25 ms timeout is far too tight"), keyed).credits).toBe("timeout");
    expect(placeComment(say(1, "svc/config.py", 35, "API key committed in plain text"), keyed).credits).toBe("secrets");
  });

  it("the same text pasted on many lines credits nothing automatically", () => {
    const pasted = [33, 37, 11].map((line, i) =>
      say(i + 1, line === 11 ? "svc/features.py" : "svc/config.py", line, "Possible hardcoded secret or timeout or unit skew"),
    );
    const score = autoScore(keyed, pasted);
    expect(score.foundWeight).toBe(0);
    expect([...score.near.values()].map((n) => n.why)).toEqual(["repeated", "repeated", "repeated"]);
  });

  it("a keyword list naming three items at once credits nothing automatically", () => {
    const soup = "hardcoded password, timeout, unit skew vs training";
    const score = autoScore(keyed, [say(1, "svc/config.py", 33, soup)]);
    expect(score.foundWeight).toBe(0);
    expect(score.near.get(1)).toEqual({ itemId: "secrets", why: "keyword_list" });
    // Naming two at once is a real comment about two things.
    expect(autoScore(keyed, [say(1, "svc/config.py", 33, "hardcoded password; and the timeout")]).foundWeight).toBe(3);
  });

  it("the grader's move credits a comment whatever its text", () => {
    const score = gradedScore(keyed, [say(1, "svc/config.py", 33, "see my summary")], new Map([[1, "secrets"]]), NO_DECISIONS);
    expect(score.foundWeight).toBe(3);
    expect(score.near.size).toBe(0);
  });

  it("an item without a minimum (a key from before minimums existed) credits by position, as it was graded", () => {
    const legacy = keyed.map(({ credit: _, ...item }) => item);
    expect(placeComment(say(1, "svc/config.py", 33, "ok"), legacy).credits).toBe("secrets");
  });

  it("property: adding contentless comments never raises the automatic score", () => {
    const filler = fc.constantFrom("ok", "?", "LGTM", "nit", "+1", "looks fine", "why?", "hmm", "", "see above");
    const comment = (body: fc.Arbitrary<string>) =>
      fc.record({
        filePath: fc.constantFrom("svc/config.py", "svc/features.py"),
        line: fc.integer({ min: 1, max: 60 }),
        body,
      });
    const real = fc.constantFrom("Hard-coded Redis password", "timeout too tight", "amount in minor units vs training skew", "nice");
    fc.assert(
      fc.property(fc.array(comment(real), { maxLength: 8 }), fc.array(comment(filler), { maxLength: 40 }), (mine, noise) => {
        const withIds = (cs: { filePath: string; line: number; body: string }[], from: number) =>
          cs.map((c, i) => ({ ...c, id: from + i }));
        const before = autoScore(keyed, withIds(mine, 1)).foundWeight;
        const after = autoScore(keyed, [...withIds(mine, 1), ...withIds(noise, 1000)]).foundWeight;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});

describe("cut-offs per pull request", () => {
  const r = (found: number, total: number) => ({ found, total, recall: found / total, credited: 0 });
  it("reads the levels from the pull request's own cut-offs, on both sides of each", () => {
    const cutoffs = { 4: 0.6, 3: 0.4, 2: 0.2 };
    expect(suggestedLevel(r(6, 10), cutoffs)).toBe(4);
    expect(suggestedLevel(r(5, 10), cutoffs)).toBe(3);
    expect(suggestedLevel(r(4, 10), cutoffs)).toBe(3);
    expect(suggestedLevel(r(3, 10), cutoffs)).toBe(2);
    expect(suggestedLevel(r(2, 10), cutoffs)).toBe(2);
    expect(suggestedLevel(r(1, 10), cutoffs)).toBe(1);
  });
});

describe("the rubric's rules for suggested ratings", () => {
  const rules: SuggestionRule[] = [
    {
      dimension: "software_engineering",
      when: "decoy_flagged_blocking",
      capAt: 3,
      says: "Level 4 recognises plausible lines that are fine.",
    },
    {
      dimension: "software_engineering",
      when: "approved_with_open_critical",
      capAt: 2,
      says: "Approving with a critical security hole open is below the bar.",
    },
  ];
  const clean = { decoysFlaggedBlocking: 0, approvedWithOpenCritical: [] };

  it("leave a level alone when nothing holds, and never touch another dimension", () => {
    expect(applySuggestionRules(4, "software_engineering", rules, clean)).toEqual({ level: 4, applied: [] });
    expect(applySuggestionRules(4, "data_quality", rules, { decoysFlaggedBlocking: 2, approvedWithOpenCritical: ["x"] }).level).toBe(4);
  });

  it("a blocking comment on a decoy caps software engineering at 3; at 3 or below nothing changes", () => {
    const facts = { ...clean, decoysFlaggedBlocking: 1 };
    expect(applySuggestionRules(4, "software_engineering", rules, facts)).toEqual({ level: 3, applied: [rules[0]] });
    expect(applySuggestionRules(3, "software_engineering", rules, facts)).toEqual({ level: 3, applied: [] });
  });

  it("approving with a critical security item open caps at 2, the lower cap wins, and no suggestion stays none", () => {
    const facts = { decoysFlaggedBlocking: 1, approvedWithOpenCritical: ["secrets"] };
    expect(applySuggestionRules(4, "software_engineering", rules, facts)).toEqual({ level: 2, applied: rules });
    expect(applySuggestionRules(null, "software_engineering", rules, facts)).toEqual({ level: null, applied: [] });
  });

  it("facts: only blocking comments on decoys count, and only an approval with a critical security or privacy item unfound", () => {
    const score = autoScore(items, [c(1, "svc/features.py", 11)]);
    const categories = new Map([
      ["secrets", "security"],
      ["skew", "training_serving_skew"],
    ]);
    const base = {
      score,
      categories,
      decoyCommentIds: [[7], [8]],
      priorities: new Map<number, CommentPriority | null>([
        [7, "nit"],
        [8, "blocking"],
      ]),
    };
    expect(reviewFacts({ ...base, verdict: "approve" })).toEqual({ decoysFlaggedBlocking: 1, approvedWithOpenCritical: ["secrets"] });
    expect(reviewFacts({ ...base, verdict: "request_changes" }).approvedWithOpenCritical).toEqual([]);
    expect(reviewFacts({ ...base, priorities: new Map(), verdict: null }).decoysFlaggedBlocking).toBe(0);
  });
});
