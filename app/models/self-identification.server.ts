// Where a candidate's self-identification is written, and the only per-candidate read of it: whether
// they have answered, for their own page. The answers themselves are read only by the counts in
// fairness.server.ts and by the candidate's own subject-access export; nothing a hiring team opens
// shows them (docs/decisions/011-fairness-kept-apart.md).
import { eq } from "drizzle-orm";
import { assignments, candidates, selfIdentifications } from "#db/schema";
import { db, type Tx } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import type { SelfIdAnswers } from "./self-identification";

/** The candidate a self-identification link is for: null when there is none, or they were erased. */
export function selfIdStatus(candidateId: number): { answered: boolean } | null {
  const c = db().select({ erasedAt: candidates.erasedAt }).from(candidates).where(eq(candidates.id, candidateId)).get();
  if (!c || c.erasedAt) return null;
  const row = db()
    .select({ id: selfIdentifications.id })
    .from(selfIdentifications)
    .where(eq(selfIdentifications.candidateId, candidateId))
    .get();
  return { answered: Boolean(row) };
}

/** The candidate an exercise link is for, so its page can point them to the questions. */
export function candidateOfAssignment(assignmentId: number): number | null {
  return db().select({ id: assignments.candidateId }).from(assignments).where(eq(assignments.id, assignmentId)).get()?.id ?? null;
}

export const ALREADY_ANSWERED =
  "You have already answered these questions, and your answers were saved. They can't be changed from this link; the company's data protection contact can delete them on request.";

export type SelfIdResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

/**
 * Saves the answers once. A second submission (another tab, a replayed request) is refused rather
 * than overwriting, so what was saved is what the candidate chose the first time. The audit entry
 * says that someone answered, never who or what.
 */
export function recordSelfIdentification(candidateId: number, answers: SelfIdAnswers, now: Date): SelfIdResult {
  return db().transaction((tx): SelfIdResult => {
    const status = selfIdStatus(candidateId);
    if (!status) return { ok: false, status: 404, message: "This link doesn't work any more." };
    if (status.answered) return { ok: false, status: 409, message: ALREADY_ANSWERED };
    const row = tx
      .insert(selfIdentifications)
      .values({ candidateId, ...answers, answeredAt: now })
      .returning({ id: selfIdentifications.id })
      .get();
    recordAudit(tx, {
      actor: { id: null, name: "Candidate" },
      at: now,
      action: "create",
      entityType: "self_identification",
      entityId: row.id,
      summary: "A candidate answered the voluntary self-identification questions (answers are never logged)",
    });
    return { ok: true };
  });
}

/** Part of an erasure: the answers go with the candidate (the totals already reported stay). */
export function eraseSelfIdentification(tx: Tx, candidateId: number): number {
  return tx.delete(selfIdentifications).where(eq(selfIdentifications.candidateId, candidateId)).run().changes;
}
