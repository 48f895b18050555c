// Answer-key versions, like rubric versions: a review stays scored under the key of the version
// it was taken on, so a better key never changes a grade by itself. Regrading under the current
// key is the grader's choice, audited, and only offered when the pull request the candidate read is
// the same in both versions (a changed diff would put the comments on other lines).
import { and, eq } from "drizzle-orm";
import { assignments, exercises, reviewGrades } from "#db/schema";
import { db } from "#app/utils/db.server";
import type { Assignment } from "./assignment.server";
import { recordAudit, type AuditActor } from "./audit.server";
import type { CodeReviewExercise } from "./code-review-exercise.server";
import { codeReviewExerciseOf } from "./code-review-version.server";
import { getReviewResult, writeGrade } from "./review-grade.server";

export type KeyVersionState =
  | { kind: "current"; version: number }
  | { kind: "can_regrade"; version: number; current: number }
  | { kind: "pull_request_changed"; version: number; current: number };

const samePullRequest = (a: CodeReviewExercise, b: CodeReviewExercise) =>
  JSON.stringify(a.files.map((f) => [f.path, f.before, f.after])) === JSON.stringify(b.files.map((f) => [f.path, f.before, f.after]));

function currentVersionOf(slug: string) {
  return (
    db()
      .select({ id: exercises.id, version: exercises.version })
      .from(exercises)
      .where(and(eq(exercises.slug, slug), eq(exercises.kind, "code_review"), eq(exercises.active, true)))
      .get() ?? null
  );
}

/** Which key the review is scored under, and whether the current one could regrade it. */
export function keyVersionState(assignment: Assignment): KeyVersionState {
  const taken = codeReviewExerciseOf(assignment.exerciseId);
  const current = currentVersionOf(assignment.exerciseSlug);
  if (!current || current.id === assignment.exerciseId) return { kind: "current", version: taken.meta.version };
  const same = samePullRequest(taken, codeReviewExerciseOf(current.id));
  return { kind: same ? "can_regrade" : "pull_request_changed", version: taken.meta.version, current: current.version };
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "ungraded" : `${Math.round(x * 100)}%`);

/**
 * Moves the review onto the current key and rescores a saved grade with the grader's decisions
 * (those about items the new key no longer has fall away). Audited with both scores.
 */
export function regradeUnderCurrentKey(
  actor: AuditActor & { id: number },
  assignment: Assignment,
  now: Date,
): { ok: true } | { ok: false; message: string } {
  const state = keyVersionState(assignment);
  if (state.kind === "current") return { ok: false, message: "This review is already scored under the current answer key." };
  if (state.kind === "pull_request_changed")
    return {
      ok: false,
      message: `The pull request itself changed in version ${state.current}, so this review stays scored under version ${state.version}.`,
    };
  const current = currentVersionOf(assignment.exerciseSlug)!;
  return db().transaction((tx) => {
    const before = tx.select().from(reviewGrades).where(eq(reviewGrades.assignmentId, assignment.id)).get();
    tx.update(assignments).set({ exerciseId: current.id, updatedAt: now }).where(eq(assignments.id, assignment.id)).run();
    const moved = { ...assignment, exerciseId: current.id };
    const result = getReviewResult(moved);
    if (before && result.grade) {
      tx.update(reviewGrades)
        .set({ autoScore: result.auto.recall, score: result.current.recall, updatedAt: now })
        .where(eq(reviewGrades.id, before.id))
        .run();
      writeGrade(tx, before.id, result.current, result.grade.decisions);
    }
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "assignment",
      entityId: assignment.id,
      summary: `Regraded a code review under answer key version ${state.current} (was ${state.version}): ${pct(before?.score)} → ${pct(before ? result.current.recall : null)}`,
      before: { keyVersion: state.version, score: before?.score ?? null, autoScore: before?.autoScore ?? null },
      after: { keyVersion: state.current, score: before ? result.current.recall : null, autoScore: result.auto.recall },
    });
    return { ok: true as const };
  });
}
