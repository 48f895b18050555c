import { STAGE_LABELS } from "./labels";
import { aliasedTable, and, asc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import {
  assignments,
  candidates,
  exercises,
  interviews,
  loops,
  positions,
  reviewGrades,
  scorecards,
  takeHomeGrades,
  users,
  type InterviewStatus,
  type StageKey,
} from "#db/schema";
import { db, type Tx } from "#app/utils/db.server";
import { changedFields, recordAudit, type AuditActor } from "./audit.server";
import { refreshLoopAggregates } from "./aggregates.server";

export type InterviewPlan = {
  stage: StageKey;
  interviewerId: number;
  scheduledAt: Date;
  durationMinutes: number;
  exerciseId: number | null;
};

export function addInterview(actor: AuditActor, loopId: number, plan: InterviewPlan, now: Date) {
  return db().transaction((tx) => {
    const row = insertInterview(tx, actor, loopId, plan, "Added", now);
    refreshLoopAggregates(loopId);
    return row;
  });
}

export function insertInterview(tx: Tx, actor: AuditActor, loopId: number, plan: InterviewPlan, verb: string, now: Date) {
  const row = tx
    .insert(interviews)
    .values({ loopId, ...plan, createdAt: now, updatedAt: now })
    .returning()
    .get();
  recordAudit(tx, {
    actor,
    at: now,
    action: "create",
    entityType: "interview",
    entityId: row.id,
    summary: `${verb} ${describe(tx, row)}`,
    after: auditView(row),
  });
  return row;
}

/** "Debugging with Aisha Bello for Ada Obi": the readable part of an interview's audit entry. */
function describe(tx: Tx, row: { loopId: number; stage: StageKey; interviewerId: number }) {
  const who = tx.select({ name: users.name }).from(users).where(eq(users.id, row.interviewerId)).get()?.name ?? `user ${row.interviewerId}`;
  const candidate =
    tx
      .select({ name: candidates.name })
      .from(loops)
      .innerJoin(candidates, eq(candidates.id, loops.candidateId))
      .where(eq(loops.id, row.loopId))
      .get()?.name ?? "a candidate";
  return `${STAGE_LABELS[row.stage]} with ${who} for ${candidate}`;
}

function auditView(row: typeof interviews.$inferSelect) {
  return {
    loopId: row.loopId,
    stage: row.stage,
    interviewerId: row.interviewerId,
    exerciseId: row.exerciseId,
    scheduledAt: row.scheduledAt.toISOString(),
    durationMinutes: row.durationMinutes,
    status: row.status,
  };
}

/** Changes that make a calendar event out of date: when, how long, whose, and whether it happens. */
const CALENDAR_FIELDS = ["scheduledAt", "durationMinutes", "interviewerId", "status"] as const;

export function updateInterview(
  actor: AuditActor,
  id: number,
  input: { interviewerId: number; scheduledAt: Date; durationMinutes: number; exerciseId: number | null; status: InterviewStatus },
  now: Date,
) {
  return db().transaction((tx) => {
    const before = tx.select().from(interviews).where(eq(interviews.id, id)).get();
    if (!before) return null;
    const diff = changedFields(auditView(before), auditView({ ...before, ...input }));
    if (!diff.changed) return before;
    // A calendar replaces its copy of the event only when SEQUENCE goes up (RFC 5545 3.8.7.4).
    const moved = CALENDAR_FIELDS.some((field) => field in diff.after);
    const row = tx
      .update(interviews)
      .set({ ...input, calendarSequence: before.calendarSequence + (moved ? 1 : 0), updatedAt: now })
      .where(eq(interviews.id, id))
      .returning()
      .get();
    refreshLoopAggregates(row.loopId);
    const verb = input.status === "cancelled" && before.status !== "cancelled" ? "Cancelled" : "Changed";
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "interview",
      entityId: id,
      summary: `${verb} ${describe(tx, row)}`,
      before: diff.before,
      after: diff.after,
    });
    return row;
  });
}

/** Deleting is only for interviews nobody has written a scorecard for; others are cancelled. */
export function deleteInterview(actor: AuditActor, id: number, now: Date) {
  return db().transaction((tx) => {
    const before = tx.select().from(interviews).where(eq(interviews.id, id)).get();
    if (!before) return false;
    const card = tx.select({ id: scorecards.id }).from(scorecards).where(eq(scorecards.interviewId, id)).get();
    if (card) return false;
    const summary = `Deleted ${describe(tx, before)}`;
    tx.delete(interviews).where(eq(interviews.id, id)).run();
    refreshLoopAggregates(before.loopId);
    recordAudit(tx, { actor, at: now, action: "delete", entityType: "interview", entityId: id, summary, before: auditView(before) });
    return true;
  });
}

const interviewer = aliasedTable(users, "interviewer");

/**
 * For a code-review or take-home interview whose work is waiting to be graded: the assignment id,
 * so the grader can be shown "Candidate R-0007" instead of a name until the grade is saved.
 */
export const blindReviewId = sql<number | null>`(
  select a.id from ${assignments} a
  where a.interview_id = ${interviews.id} and a.status != 'revoked'
    and ((${interviews.stage} = 'code_review'
          and not exists (select 1 from ${reviewGrades} g where g.assignment_id = a.id and g.saved_at is not null))
      or (${interviews.stage} = 'take_home'
          and not exists (select 1 from ${takeHomeGrades} t where t.assignment_id = a.id)))
  limit 1)`;

/** One interview with what its page needs: candidate, position, loop and the interviewer. */
export function getInterview(id: number) {
  return (
    db()
      .select({
        id: interviews.id,
        loopId: interviews.loopId,
        loopStatus: loops.status,
        rubricVersionId: loops.rubricVersionId,
        stage: interviews.stage,
        scheduledAt: interviews.scheduledAt,
        durationMinutes: interviews.durationMinutes,
        status: interviews.status,
        exerciseId: interviews.exerciseId,
        exerciseTitle: exercises.title,
        exerciseSummary: exercises.summary,
        exerciseSlug: exercises.slug,
        exerciseMinutes: exercises.durationMinutes,
        interviewerId: interviews.interviewerId,
        interviewerName: interviewer.name,
        candidateId: candidates.id,
        candidateName: candidates.name,
        panelSummary: candidates.panelSummary,
        positionTitle: positions.title,
        scorecardStatus: scorecards.status,
        scorecardSubmittedAt: scorecards.submittedAt,
        blindReviewId,
      })
      .from(interviews)
      .innerJoin(loops, eq(loops.id, interviews.loopId))
      .innerJoin(candidates, eq(candidates.id, loops.candidateId))
      .innerJoin(positions, eq(positions.id, candidates.positionId))
      .innerJoin(interviewer, eq(interviewer.id, interviews.interviewerId))
      .leftJoin(exercises, eq(exercises.id, interviews.exerciseId))
      .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
      // An erased candidate's interviews are gone from every page, though their ratings count on.
      .where(and(eq(interviews.id, id), isNull(candidates.erasedAt)))
      .get() ?? null
  );
}

/** "My interviews": only the interviews this person is on, never the rest of the panel. */
export function listInterviewsFor(interviewerId: number) {
  return db()
    .select({
      id: interviews.id,
      interviewerId: interviews.interviewerId,
      stage: interviews.stage,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      status: interviews.status,
      candidateName: candidates.name,
      positionTitle: positions.title,
      exerciseTitle: exercises.title,
      scorecardStatus: scorecards.status,
      scorecardSubmittedAt: scorecards.submittedAt,
      blindReviewId,
    })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .innerJoin(candidates, eq(candidates.id, loops.candidateId))
    .innerJoin(positions, eq(positions.id, candidates.positionId))
    .leftJoin(exercises, eq(exercises.id, interviews.exerciseId))
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(and(eq(interviews.interviewerId, interviewerId), ne(interviews.status, "cancelled"), isNull(candidates.erasedAt)))
    .orderBy(asc(interviews.scheduledAt))
    .all();
}

/** Whether this person already sits on another (non-cancelled) interview of the same loop. */
export function isOnPanel(loopId: number, interviewerId: number, exceptInterviewId?: number) {
  return db()
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.loopId, loopId), eq(interviews.interviewerId, interviewerId), ne(interviews.status, "cancelled")))
    .all()
    .some((r) => r.id !== exceptInterviewId);
}

/**
 * Another non-cancelled interview of this person, or of this candidate, that overlaps
 * [start, start + minutes). Used to stop double-booking an interviewer or a candidate.
 */
export function findClash({
  interviewerId,
  candidateId,
  start,
  minutes,
  exceptInterviewId,
}: {
  interviewerId: number;
  candidateId: number;
  start: Date;
  minutes: number;
  exceptInterviewId?: number;
}) {
  const end = new Date(start.getTime() + minutes * 60_000);
  const overlapping = db()
    .select({
      id: interviews.id,
      stage: interviews.stage,
      scheduledAt: interviews.scheduledAt,
      interviewerId: interviews.interviewerId,
      candidateId: loops.candidateId,
      candidateName: candidates.name,
    })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .innerJoin(candidates, eq(candidates.id, loops.candidateId))
    .where(
      and(
        ne(interviews.status, "cancelled"),
        lt(interviews.scheduledAt, end),
        gt(sql`${interviews.scheduledAt} + ${interviews.durationMinutes} * 60000`, start.getTime()),
        sql`(${interviews.interviewerId} = ${interviewerId} or ${loops.candidateId} = ${candidateId})`,
        exceptInterviewId ? ne(interviews.id, exceptInterviewId) : undefined,
      ),
    )
    .all();
  const forInterviewer = overlapping.find((o) => o.interviewerId === interviewerId);
  const forCandidate = overlapping.find((o) => o.candidateId === candidateId);
  return { forInterviewer: forInterviewer ?? null, forCandidate: forCandidate ?? null };
}

/** The loop's active interview of this stage, if there already is one. */
export function findActiveStage(loopId: number, stage: StageKey, exceptInterviewId?: number) {
  return (
    db()
      .select({ id: interviews.id })
      .from(interviews)
      .where(
        and(
          eq(interviews.loopId, loopId),
          eq(interviews.stage, stage),
          ne(interviews.status, "cancelled"),
          exceptInterviewId ? ne(interviews.id, exceptInterviewId) : undefined,
        ),
      )
      .get() ?? null
  );
}

/** "Candidate R-0007": how a blind-graded candidate is referred to before the grade is saved. */
export function blindReference(assignmentId: number) {
  return `Candidate R-${String(assignmentId).padStart(4, "0")}`;
}

/**
 * The candidate's name as this viewer may see it. Blind grading: the interviewer on a code
 * review or a take-home sees a reference instead, until their grade is saved; everyone else
 * sees the name.
 */
export function candidateNameFor(row: { candidateName: string; blindReviewId: number | null; interviewerId: number }, viewerId: number) {
  return isBlindTo(row, viewerId) ? blindReference(row.blindReviewId!) : row.candidateName;
}

/**
 * The recruiter's summary for the panel as this viewer may see it: withheld, like the name, from
 * a blind grader (a current employer or a career story identifies a person as well as a name).
 */
export function panelSummaryFor(row: { panelSummary: string; blindReviewId: number | null; interviewerId: number }, viewerId: number) {
  return isBlindTo(row, viewerId) ? null : row.panelSummary;
}

const isBlindTo = (row: { blindReviewId: number | null; interviewerId: number }, viewerId: number) =>
  Boolean(row.blindReviewId) && row.interviewerId === viewerId;
