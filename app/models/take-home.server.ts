// The take-home: sent on a private link with a deadline in days, submitted as an archive or a
// repository URL, graded blind against the kit's checklist.
import { and, eq, ne } from "drizzle-orm";
import { assignments, takeHomeGrades, takeHomeSubmissions, users, type TAKE_HOME_ARCHIVE_TYPES } from "#db/schema";
import { db } from "#app/utils/db.server";
import { insertAssignmentOnce, interviewOfAssignment, whileInProgress, type WriteResult } from "./assignment.server";
import { recordAudit, type AuditActor } from "./audit.server";

const DAY = 24 * 3600_000;

export const TAKE_HOME_REFUSALS = {
  not_started: "This take-home hasn't been sent yet.",
  submitted: "Your take-home has been submitted; it can't be replaced.",
  time_up: "The deadline has passed, so the take-home can no longer be submitted. Ask your recruiter if you need more time.",
  revoked: "This link is no longer valid.",
} as const;

/** The live take-home of an interview, with its submission and grade, or null. */
export function getTakeHome(interviewId: number) {
  const a = db()
    .select({
      assignmentId: assignments.id,
      exerciseId: assignments.exerciseId,
      status: assignments.status,
      tokenId: assignments.tokenId,
      startedAt: assignments.startedAt,
      deadlineAt: assignments.deadlineAt,
      submittedAt: assignments.submittedAt,
      linkExpiresAt: assignments.linkExpiresAt,
    })
    .from(assignments)
    .where(and(eq(assignments.interviewId, interviewId), ne(assignments.status, "revoked")))
    .get();
  if (!a) return null;
  const submission = db().select().from(takeHomeSubmissions).where(eq(takeHomeSubmissions.assignmentId, a.assignmentId)).get() ?? null;
  const grade =
    db()
      .select({ checked: takeHomeGrades.checked, notes: takeHomeGrades.notes, savedAt: takeHomeGrades.savedAt, graderName: users.name })
      .from(takeHomeGrades)
      .innerJoin(users, eq(users.id, takeHomeGrades.graderId))
      .where(eq(takeHomeGrades.assignmentId, a.assignmentId))
      .get() ?? null;
  return { ...a, submission, grade };
}

export type TakeHome = NonNullable<ReturnType<typeof getTakeHome>>;

/** The take-home a link opens, by its assignment id. */
export function getTakeHomeByAssignment(assignmentId: number) {
  const interviewId = interviewOfAssignment(assignmentId);
  return interviewId ? getTakeHome(interviewId) : null;
}

/**
 * Sends the take-home: the deadline is fixed now, `days` ahead, and the link lasts until then.
 * One per interview; sending again returns the one there is.
 */
export function sendTakeHome(actor: AuditActor, input: { interviewId: number; days: number }, now: Date) {
  return db().transaction((tx) => {
    const deadlineAt = new Date(now.getTime() + input.days * DAY);
    const made = insertAssignmentOnce(tx, actor, input.interviewId, now, {
      status: "started",
      linkExpiresAt: deadlineAt,
      timeLimitMinutes: input.days * 24 * 60,
      startedAt: now,
      deadlineAt,
    });
    if (!made.created) return { id: made.id, created: false };
    const { row } = made;
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "assignment",
      entityId: row.id,
      summary: `Sent the take-home (deadline in ${input.days} days)`,
      after: { interviewId: input.interviewId, exerciseId: row.exerciseId, deadlineAt: deadlineAt.toISOString() },
    });
    return { id: row.id, created: true };
  });
}

export type Submission =
  | {
      kind: "archive";
      fileName: string;
      storedName: string;
      archiveType: (typeof TAKE_HOME_ARCHIVE_TYPES)[number];
      bytes: number;
      sha256: string;
      notes: string;
    }
  | { kind: "repository"; repositoryUrl: string; notes: string };

/** Records the submission, once, before the deadline the server keeps. */
export function submitTakeHome(assignmentId: number, submission: Submission, now: Date): WriteResult {
  return whileInProgress(
    assignmentId,
    now,
    (tx) => {
      tx.insert(takeHomeSubmissions)
        .values({
          assignmentId,
          ...(submission.kind === "archive"
            ? {
                fileName: submission.fileName,
                storedName: submission.storedName,
                archiveType: submission.archiveType,
                bytes: submission.bytes,
                sha256: submission.sha256,
              }
            : { repositoryUrl: submission.repositoryUrl }),
          notes: submission.notes,
          submittedAt: now,
        })
        .run();
      tx.update(assignments).set({ status: "submitted", submittedAt: now, updatedAt: now }).where(eq(assignments.id, assignmentId)).run();
      return { ok: true };
    },
    TAKE_HOME_REFUSALS,
  );
}

/** Saves the grader's checklist; the first save lifts the blind. Written to the audit log. */
export function saveTakeHomeGrade(
  actor: AuditActor & { id: number },
  assignmentId: number,
  input: { checked: string[]; notes: string },
  now: Date,
) {
  db().transaction((tx) => {
    const before = tx.select().from(takeHomeGrades).where(eq(takeHomeGrades.assignmentId, assignmentId)).get();
    const values = { graderId: actor.id, checked: input.checked, notes: input.notes, savedAt: now };
    if (before) tx.update(takeHomeGrades).set(values).where(eq(takeHomeGrades.assignmentId, assignmentId)).run();
    else
      tx.insert(takeHomeGrades)
        .values({ assignmentId, ...values })
        .run();
    recordAudit(tx, {
      actor,
      at: now,
      action: before ? "update" : "create",
      entityType: "take_home_grade",
      entityId: assignmentId,
      summary: `Graded the take-home (${input.checked.length} checklist item${input.checked.length === 1 ? "" : "s"} ticked)`,
      before: before ? { checked: before.checked, notes: before.notes } : undefined,
      after: { checked: input.checked, notes: input.notes },
    });
  });
}
