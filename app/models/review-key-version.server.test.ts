import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assignments, auditLog, exercises, interviews, reviewGrades } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser } from "#tests/factories";
import { createCandidate } from "./candidate.server";
import { addComment, createAssignment, getAssignment, saveSummary, startAssignment } from "./assignment.server";
import { NO_DECISIONS } from "./code-review-scoring";
import { codeReviewExerciseOf } from "./code-review-version.server";
import { loadExercises } from "./exercise.server";
import { scheduleLoop } from "./loop.server";
import { getReviewResult, saveGrade } from "./review-grade.server";
import { keyVersionState, regradeUnderCurrentKey } from "./review-key-version.server";

const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

/**
 * A database that loaded `slug` at an earlier version before versions were kept whole: its row has
 * the hash it was loaded with and no content. Loading the exercises fills it from the archive.
 */
function earlierVersionLoaded(slug: string, version: number) {
  const archived = JSON.parse(readFileSync(path.resolve("exercises", slug, "versions", `v${version}.json`), "utf8"));
  const row = db()
    .insert(exercises)
    .values({
      slug,
      kind: "code_review",
      stage: "code_review",
      title: archived.meta.title,
      summary: archived.meta.summary,
      durationMinutes: archived.meta.durationMinutes,
      version,
      contentHash: archived.contentHash,
      content: null,
      active: false,
      createdAt: hoursAgo(24 * 90),
    })
    .returning()
    .get();
  loadExercises({ now: NOW });
  return row.id;
}

/** A submitted and graded review of `exerciseId` with the given comments. */
async function gradedReview(
  { position, rubricVersionId }: ReturnType<typeof makeOrganisation>,
  exerciseId: number,
  comments: { filePath: string; line: number; body: string }[],
) {
  const hm = await makeUser("hiring_manager");
  const grader = await makeUser("interviewer");
  const candidate = createCandidate(
    hm,
    { name: "Ada Obi", email: "ada@example.com", positionId: position.id, source: "referral", notes: "" },
    NOW,
  );
  const loop = scheduleLoop(hm, {
    candidateId: candidate.id,
    rubricVersionId,
    interviews: [{ stage: "code_review", interviewerId: grader.id, scheduledAt: hoursAgo(30), durationMinutes: 60, exerciseId }],
    now: hoursAgo(48),
  });
  const interview = db().select().from(interviews).where(eq(interviews.loopId, loop.id)).get()!;
  const { id } = createAssignment(hm, { interviewId: interview.id, timeLimitMinutes: 60, extraTimePercent: 100 }, hoursAgo(40));
  db().update(assignments).set({ exerciseId }).where(eq(assignments.id, id)).run();
  startAssignment(id, hoursAgo(30));
  for (const c of comments) addComment(id, c, hoursAgo(29.5));
  saveSummary(id, { summary: "Needs work.", verdict: "request_changes", revision: 0, submit: true }, hoursAgo(29.2));
  saveGrade(grader, getAssignment(id)!, NO_DECISIONS, hoursAgo(20));
  return { assignmentId: id, grader };
}

describe("answer-key versions", () => {
  it("a version loaded before content was kept is filled in from its archive, checked against its hash", () => {
    makeOrganisation();
    const id = earlierVersionLoaded("churn-training-eval", 2);
    const v2 = codeReviewExerciseOf(id);
    expect(v2.meta.version).toBe(2);
    // The archived key predates minimums to credit.
    expect(v2.defects.every((d) => d.minimumToCredit === undefined)).toBe(true);
  });

  it("a loader refuses an archive whose content isn't what the version was loaded with", () => {
    makeOrganisation();
    db()
      .insert(exercises)
      .values({
        slug: "churn-training-eval",
        kind: "code_review",
        stage: "code_review",
        title: "t",
        summary: "s",
        durationMinutes: 40,
        version: 2,
        contentHash: "0".repeat(64),
        content: null,
        active: false,
        createdAt: NOW,
      })
      .run();
    expect(() => loadExercises({ now: NOW })).toThrow(/No copy of churn-training-eval version 2/);
  });

  it("a review taken on the old key stays scored by it; regrading under the current key is the grader's choice, audited", async () => {
    const org = makeOrganisation();
    const v2 = earlierVersionLoaded("churn-training-eval", 2);
    const old = codeReviewExerciseOf(v2);
    const [first, second] = old.defects;
    const { assignmentId, grader } = await gradedReview(org, v2, [
      // Position alone credited these on the old key; the current key reads the text.
      { filePath: first!.anchors[0]!.file, line: first!.anchors[0]!.lines[0], body: "ok" },
      { filePath: second!.anchors[0]!.file, line: second!.anchors[0]!.lines[0], body: "?" },
    ]);
    const assignment = getAssignment(assignmentId)!;
    const graded = db().select().from(reviewGrades).where(eq(reviewGrades.assignmentId, assignmentId)).get()!;
    expect(graded.score).toBeGreaterThan(0);
    // Recomputed under its own version, the grade is what it was.
    expect(getReviewResult(assignment).current.recall).toBeCloseTo(graded.score!, 10);

    const current = db()
      .select()
      .from(exercises)
      .where(and(eq(exercises.slug, "churn-training-eval"), eq(exercises.active, true)))
      .get()!;
    expect(keyVersionState(assignment)).toEqual({ kind: "can_regrade", version: 2, current: current.version });
    expect(regradeUnderCurrentKey(grader, assignment, NOW)).toEqual({ ok: true });

    const regraded = db().select().from(reviewGrades).where(eq(reviewGrades.assignmentId, assignmentId)).get()!;
    expect(regraded.score).toBe(0);
    expect(getAssignment(assignmentId)!.exerciseId).toBe(current.id);
    const entry = db().select().from(auditLog).where(eq(auditLog.entityType, "assignment")).all().at(-1)!;
    expect(entry.summary).toMatch(new RegExp(`under answer key version ${current.version} \\(was 2\\): \\d+% → 0%`));
    expect(keyVersionState(getAssignment(assignmentId)!)).toMatchObject({ kind: "current" });
    expect(regradeUnderCurrentKey(grader, getAssignment(assignmentId)!, NOW)).toMatchObject({ ok: false });
  });

  it("is not offered when the pull request itself changed (the comments would sit on other lines)", async () => {
    const org = makeOrganisation();
    const v2 = earlierVersionLoaded("fraud-scoring-endpoint", 2);
    const { assignmentId, grader } = await gradedReview(org, v2, [
      { filePath: "fraud_service/config.py", line: 33, body: "Hard-coded secrets" },
    ]);
    const assignment = getAssignment(assignmentId)!;
    expect(keyVersionState(assignment)).toMatchObject({ kind: "pull_request_changed", version: 2 });
    expect(regradeUnderCurrentKey(grader, assignment, NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/pull request itself changed .* stays scored under version 2/),
    });
    expect(getAssignment(assignmentId)!.exerciseId).toBe(v2);
  });
});
