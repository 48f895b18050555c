import { randomUUID } from "node:crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import { assignments, type COMMENT_PRIORITIES, exercises, interviews, loops, reviewComments, users } from "#db/schema";
import { db, prepared, type Tx } from "#app/utils/db.server";
import { allowedMs, assignmentPhase, linkExpiredBeforeStart, PHASE_REFUSALS, type ExtraTimePercent } from "./assignment-phase";
import { recordAudit, type AuditActor } from "./audit.server";

export const LINK_VALID_DAYS = 7;
export const MAX_COMMENTS = 200;
const DAY = 24 * 3600_000;

const assignmentColumns = {
  id: assignments.id,
  candidateId: assignments.candidateId,
  interviewId: assignments.interviewId,
  exerciseId: assignments.exerciseId,
  exerciseSlug: exercises.slug,
  exerciseTitle: exercises.title,
  status: assignments.status,
  tokenId: assignments.tokenId,
  linkExpiresAt: assignments.linkExpiresAt,
  timeLimitMinutes: assignments.timeLimitMinutes,
  extraTimePercent: assignments.extraTimePercent,
  startedAt: assignments.startedAt,
  deadlineAt: assignments.deadlineAt,
  submittedAt: assignments.submittedAt,
  summary: assignments.summary,
  verdict: assignments.verdict,
  revision: assignments.revision,
  commentDraft: assignments.commentDraft,
  createdAt: assignments.createdAt,
};

export type Assignment = NonNullable<ReturnType<typeof getAssignment>>;

export function getAssignment(id: number) {
  return (
    db()
      .select(assignmentColumns)
      .from(assignments)
      .innerJoin(exercises, eq(exercises.id, assignments.exerciseId))
      .where(eq(assignments.id, id))
      .get() ?? null
  );
}

/** The interview an assignment belongs to: a candidate's link names the assignment, pages the interview. */
export function interviewOfAssignment(assignmentId: number): number | null {
  return (
    db().select({ interviewId: assignments.interviewId }).from(assignments).where(eq(assignments.id, assignmentId)).get()?.interviewId ??
    null
  );
}

/** The live (not revoked) assignment of an interview, if one was made. */
export function getAssignmentForInterview(interviewId: number) {
  return (
    db()
      .select(assignmentColumns)
      .from(assignments)
      .innerJoin(exercises, eq(exercises.id, assignments.exerciseId))
      .where(and(eq(assignments.interviewId, interviewId), ne(assignments.status, "revoked")))
      .get() ?? null
  );
}

/**
 * Creates the candidate's assignment for a code-review interview, or returns the one that
 * exists (a second click doesn't make a second link). Extra time is an accommodation: the
 * candidate and the grader see it, the audit log records it, nothing else shows it.
 */
export function createAssignment(
  actor: AuditActor,
  input: { interviewId: number; timeLimitMinutes: number; extraTimePercent: ExtraTimePercent },
  now: Date,
) {
  return db().transaction((tx) => {
    const made = insertAssignmentOnce(tx, actor, input.interviewId, now, {
      linkExpiresAt: new Date(now.getTime() + LINK_VALID_DAYS * DAY),
      timeLimitMinutes: input.timeLimitMinutes,
      extraTimePercent: input.extraTimePercent,
    });
    if (!made.created) return made;
    const { row } = made;
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "assignment",
      entityId: row.id,
      summary: `Created a code-review link (${row.timeLimitMinutes} min${row.extraTimePercent > 100 ? `, extra time ×${row.extraTimePercent / 100}` : ""})`,
      after: {
        interviewId: row.interviewId,
        exerciseId: row.exerciseId,
        timeLimitMinutes: row.timeLimitMinutes,
        extraTimePercent: row.extraTimePercent,
      },
    });
    return { id: row.id, created: true };
  });
}

type AssignmentTerms = Pick<
  typeof assignments.$inferInsert,
  "linkExpiresAt" | "timeLimitMinutes" | "extraTimePercent" | "status" | "startedAt" | "deadlineAt"
>;

/**
 * The interview's live assignment if it has one (a second click makes no second link), else a
 * new one on the interview's exercise with these terms. Code review, incident and take-home links
 * are all made here, inside the caller's transaction; the caller writes its own audit entry.
 */
export function insertAssignmentOnce(
  tx: Tx,
  actor: AuditActor,
  interviewId: number,
  now: Date,
  terms: AssignmentTerms,
): { id: number; created: false } | { id: number; created: true; row: typeof assignments.$inferSelect } {
  const existing = tx
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.interviewId, interviewId), ne(assignments.status, "revoked")))
    .get();
  if (existing) return { id: existing.id, created: false };
  const interview = tx
    .select({ candidateId: loops.candidateId, exerciseId: interviews.exerciseId })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .where(eq(interviews.id, interviewId))
    .get();
  if (!interview?.exerciseId) throw new Error(`Interview ${interviewId} has no exercise to make a link for`);
  const row = tx
    .insert(assignments)
    .values({
      ...terms,
      candidateId: interview.candidateId,
      interviewId,
      exerciseId: interview.exerciseId,
      tokenId: randomUUID(),
      createdById: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  return { id: row.id, created: true, row };
}

/** A fresh link: the old one stops working at once. Not possible after submission. */
export function reissueLink(actor: AuditActor, assignmentId: number, now: Date) {
  return db().transaction((tx) => {
    const current = tx.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
    if (!current || current.status === "submitted" || current.status === "revoked") return false;
    tx.update(assignments)
      .set({ tokenId: randomUUID(), linkExpiresAt: new Date(now.getTime() + LINK_VALID_DAYS * DAY), updatedAt: now })
      .where(eq(assignments.id, assignmentId))
      .run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "assignment",
      entityId: assignmentId,
      summary: "Issued a new candidate link; the old one no longer works",
    });
    return true;
  });
}

/**
 * Fixes the deadline on the server: now plus the time limit and any extra time. Starting twice
 * (two tabs, a double click) changes nothing. A candidate's link can't be started once its
 * validity has passed (checked here, in the transaction, whatever page asked); an interviewer-led
 * run has no link, so `viaLink: false` skips that check.
 */
export function startAssignment(assignmentId: number, now: Date, { viaLink = true }: { viaLink?: boolean } = {}): StartResult {
  return db().transaction((tx) => {
    const a = tx.select().from(assignments).where(eq(assignments.id, assignmentId)).get();
    if (!a || a.status !== "assigned") return { ok: true };
    if (viaLink && linkExpiredBeforeStart(a, now)) return { ok: false, reason: "link_expired" };
    tx.update(assignments)
      .set({ status: "started", startedAt: now, deadlineAt: new Date(now.getTime() + allowedMs(a)), updatedAt: now })
      .where(eq(assignments.id, assignmentId))
      .run();
    return { ok: true };
  });
}

export type StartResult = { ok: true } | { ok: false; reason: "link_expired" };

/**
 * What a candidate whose link expired unstarted is told: when it expired, and the person who sent
 * it (by name only, and only while they still work here), so they know whom to ask for a new one.
 */
export function expiredLinkNotice(assignmentId: number, now: Date): { at: number; sentBy: string | null } | null {
  const a = db()
    .select({ status: assignments.status, linkExpiresAt: assignments.linkExpiresAt, sender: users.name, senderActive: users.active })
    .from(assignments)
    .leftJoin(users, eq(users.id, assignments.createdById))
    .where(eq(assignments.id, assignmentId))
    .get();
  if (!a || !linkExpiredBeforeStart(a, now)) return null;
  return { at: a.linkExpiresAt.getTime(), sentBy: a.senderActive ? a.sender : null };
}

export function listComments(assignmentId: number) {
  return db()
    .select({
      id: reviewComments.id,
      filePath: reviewComments.filePath,
      line: reviewComments.line,
      body: reviewComments.body,
      priority: reviewComments.priority,
      updatedAt: reviewComments.updatedAt,
    })
    .from(reviewComments)
    .where(eq(reviewComments.assignmentId, assignmentId))
    .orderBy(asc(reviewComments.filePath), asc(reviewComments.line), asc(reviewComments.id))
    .all();
}

export type WriteResult = { ok: true } | { ok: false; status: number; message: string };

/**
 * Runs a candidate's write only while the exercise is in progress, checked inside the
 * transaction; otherwise refuses it with the exercise's own words for why. A candidate saves
 * comments as they go, about as often as an interviewer autosaves: the statement is prepared once.
 */
export function whileInProgress(
  assignmentId: number,
  now: Date,
  write: (tx: Tx) => WriteResult,
  refusals: Record<Exclude<ReturnType<typeof assignmentPhase>, "in_progress">, string> = PHASE_REFUSALS,
): WriteResult {
  return db().transaction((tx) => {
    const row = prepared("select status, deadline_at as deadlineAt from assignments where id = ?").get(assignmentId) as
      { status: Assignment["status"]; deadlineAt: number | null } | undefined;
    if (!row) return { ok: false, status: 404, message: "This exercise no longer exists." };
    const phase = assignmentPhase({ status: row.status, deadlineAt: row.deadlineAt === null ? null : new Date(row.deadlineAt) }, now);
    if (phase !== "in_progress") return { ok: false, status: 409, message: refusals[phase] };
    return write(tx);
  });
}

/** Saves a comment; the draft it was typed from is cleared in the same write. */
export type CommentPriority = (typeof COMMENT_PRIORITIES)[number];

export function addComment(
  assignmentId: number,
  input: { filePath: string; line: number; body: string; priority?: CommentPriority | null },
  now: Date,
): WriteResult {
  return whileInProgress(assignmentId, now, () => {
    const { n } = prepared("select count(*) as n from review_comments where assignment_id = ?").get(assignmentId) as { n: number };
    if (n >= MAX_COMMENTS) return { ok: false, status: 400, message: `A review can have at most ${MAX_COMMENTS} comments.` };
    prepared(
      "insert into review_comments (assignment_id, file_path, line, body, priority, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
    ).run(assignmentId, input.filePath, input.line, input.body, input.priority ?? null, now.getTime(), now.getTime());
    prepared("update assignments set comment_draft = null where id = ?").run(assignmentId);
    return { ok: true };
  });
}

export function updateComment(
  assignmentId: number,
  commentId: number,
  input: { body: string; priority: CommentPriority | null },
  now: Date,
): WriteResult {
  return whileInProgress(assignmentId, now, (tx) => {
    const done = tx
      .update(reviewComments)
      .set({ body: input.body, priority: input.priority, updatedAt: now })
      .where(and(eq(reviewComments.id, commentId), eq(reviewComments.assignmentId, assignmentId)))
      .run();
    // Another tab may have deleted it; say so rather than silently recreate it.
    return done.changes ? { ok: true } : { ok: false, status: 404, message: "That comment was deleted (perhaps in another tab)." };
  });
}

export function deleteComment(assignmentId: number, commentId: number, now: Date): WriteResult {
  return whileInProgress(assignmentId, now, (tx) => {
    tx.delete(reviewComments)
      .where(and(eq(reviewComments.id, commentId), eq(reviewComments.assignmentId, assignmentId)))
      .run();
    return { ok: true };
  });
}

/**
 * Saves the summary and verdict. `revision` is the one the page started from: if another tab
 * saved in between, this save is refused (the typed text stays on the page) instead of
 * overwriting the other tab's work.
 */
export function saveSummary(
  assignmentId: number,
  input: { summary: string; verdict: "approve" | "request_changes" | "comment" | null; revision: number; submit: boolean },
  now: Date,
): WriteResult & { revision?: number } {
  let revision = input.revision;
  const result = whileInProgress(assignmentId, now, (tx) => {
    const a = tx.select({ revision: assignments.revision }).from(assignments).where(eq(assignments.id, assignmentId)).get()!;
    if (a.revision !== input.revision)
      return { ok: false, status: 409, message: "The summary was changed in another tab. Copy your text, reload, and save again." };
    revision = a.revision + 1;
    tx.update(assignments)
      .set({
        summary: input.summary,
        verdict: input.verdict,
        revision,
        updatedAt: now,
        ...(input.submit ? { status: "submitted" as const, submittedAt: now } : {}),
      })
      .where(eq(assignments.id, assignmentId))
      .run();
    return { ok: true };
  });
  return { ...result, revision };
}

/**
 * The comment being typed, saved as it is typed (null clears it). Like every candidate write,
 * only while the clock runs.
 */
export function saveCommentDraft(
  assignmentId: number,
  draft: { filePath: string; line: number | null; body: string } | null,
  now: Date,
): WriteResult {
  return whileInProgress(assignmentId, now, () => {
    prepared("update assignments set comment_draft = ? where id = ?").run(draft ? JSON.stringify(draft) : null, assignmentId);
    return { ok: true };
  });
}
