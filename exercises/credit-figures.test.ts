// What the answer keys' minimums to credit do to real and gamed reviews, per pull request, printed
// so the figures can be quoted. Gamed: contentless comments ("ok", "?", "LGTM"), generic review
// phrases, and all of those phrases at once, on every 5th line of every file, must each earn at
// most 10% of the key automatically. Real (exercises/<slug>/reference-reviews.json): the key
// author's strong and terse reviews, and a blind review by a Lead ML engineer who saw only the
// pull request, must keep at least 85% of what position alone credited them. A key whose minimums
// are too strict or too loose fails here.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readCodeReviewExercise, type CodeReviewExercise } from "#app/models/code-review-exercise.server";
import { autoScore, type KeyItem, type ReviewComment } from "#app/models/code-review-scoring";
import { keyItems } from "#app/models/review-grade.server";

const SLUGS = ["fraud-scoring-endpoint", "feature-backfill-pipeline", "churn-training-eval", "help-centre-answers-rag"];

const ReviewSchema = z.object({
  verdict: z.enum(["approve", "request_changes", "comment"]),
  summary: z.string().min(1),
  comments: z.array(
    z.object({
      file: z.string(),
      line: z.number().int().min(1),
      endLine: z.number().int().optional(),
      priority: z.enum(["blocking", "nit"]).nullable().optional(),
      body: z.string().min(1),
    }),
  ),
});
const ReferenceReviewsSchema = z.object({ strong: ReviewSchema, terse: ReviewSchema, blind: ReviewSchema });

const asComments = (review: z.infer<typeof ReviewSchema>): ReviewComment[] =>
  review.comments.map((c, i) => ({ id: i + 1, filePath: c.file, line: c.line, endLine: c.endLine ?? null, body: c.body }));

const GENERIC = [
  "Missing error handling here",
  "Add input validation",
  "Needs tests",
  "Add logging and metrics",
  "Possible security issue",
  "Hard-coded value, move this to config",
  "Consider caching this",
  "Potential performance problem",
  "What if this is None?",
  "Race condition?",
  "This could leak data",
  "Use a timeout",
  "Add retries",
];

/** What a reviewer with no judgement writes on every 5th line of every file, three ways. */
const GAMES: Record<string, (line: number, n: number) => string> = {
  contentless: (_line, n) => ["ok", "?", "LGTM", "nit", "hmm", "+1"][n % 6]!,
  "generic phrases": (_line, n) => GENERIC[n % GENERIC.length]!,
  // Every generic phrase in one comment, made unique per line so it isn't merely pasted.
  "every generic phrase at once": (line) => `${GENERIC.join(", ")} (line ${line})`,
};

function gamed(e: CodeReviewExercise, body: (line: number, n: number) => string): ReviewComment[] {
  const out: ReviewComment[] = [];
  for (const f of e.files)
    for (let line = 1; line <= f.lineCount; line += 5) out.push({ id: out.length + 1, filePath: f.path, line, body: body(line, out.length) });
  return out;
}

const positionOnly = (items: KeyItem[]) => items.map(({ credit: _, ...item }) => item);
const pct = (x: number) => `${Math.round(x * 100)}%`;

describe.each(SLUGS)("%s: credit reads the comment", (slug) => {
  const dir = path.resolve("exercises", slug);
  const exercise = readCodeReviewExercise(dir);
  const items = keyItems(exercise);
  const file = path.join(dir, "reference-reviews.json");

  it("every anchored item has a minimum to credit", () => {
    expect(items.filter((i) => !i.credit).map((i) => i.id)).toEqual([]);
  });

  it.each(Object.keys(GAMES))("%s comments on every 5th line earn at most 10% of the key automatically", (game) => {
    const comments = gamed(exercise, GAMES[game]!);
    const now = autoScore(items, comments);
    const before = autoScore(positionOnly(items), comments);
    console.log(`${slug}: ${game} on every 5th line: ${pct(now.recall)} automatic (position alone: ${pct(before.recall)})`);
    expect(now.recall).toBeLessThanOrEqual(0.1);
  });

  it.each(["strong", "terse", "blind"] as const)("a %s reviewer's real comments keep at least 85% of the credit position alone gave them", (kind) => {
    expect(existsSync(file), `${slug}/reference-reviews.json`).toBe(true);
    const review = ReferenceReviewsSchema.parse(JSON.parse(readFileSync(file, "utf8")))[kind];
    const comments = asComments(review);
    for (const c of comments) {
      const f = exercise.files.find((x) => x.path === c.filePath);
      expect(f && c.line <= f.lineCount, `${c.filePath}:${c.line} is a line of the pull request`).toBe(true);
    }
    const now = autoScore(items, comments);
    const before = autoScore(positionOnly(items), comments);
    const kept = before.foundWeight ? now.foundWeight / before.foundWeight : 1;
    const lost = before.items.filter((i) => i.found && !now.items.find((n) => n.id === i.id)!.found).map((i) => i.id);
    console.log(
      `${slug}: ${kind} review: ${pct(now.recall)} automatic with text (position alone ${pct(before.recall)}): keeps ${pct(kept)}${lost.length ? `; not credited: ${lost.join(", ")}` : ""}`,
    );
    expect(kept).toBeGreaterThanOrEqual(0.85);
  });
});
