import { and, asc, desc, eq } from "drizzle-orm";
import { candidates, exercises, interviews, loops, scorecards, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { refreshLoopAggregates } from "./aggregates.server";
import { insertInterview, type InterviewPlan } from "./interview.server";

export function getOpenLoop(candidateId: number) {
  return (
    db()
      .select()
      .from(loops)
      .where(and(eq(loops.candidateId, candidateId), eq(loops.status, "open")))
      .get() ?? null
  );
}

/** The candidate's most recent loop with its interviews, interviewers and scorecard states. */
export function getLatestLoop(candidateId: number) {
  const loop = db().select().from(loops).where(eq(loops.candidateId, candidateId)).orderBy(desc(loops.id)).get();
  if (!loop) return null;
  const rows = db()
    .select({
      id: interviews.id,
      stage: interviews.stage,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      status: interviews.status,
      interviewerId: interviews.interviewerId,
      interviewerName: users.name,
      interviewerTitle: users.title,
      interviewerActive: users.active,
      exerciseTitle: exercises.title,
      exerciseKind: exercises.kind,
      // A code-review exercise's time limit, set from the size of its pull request.
      exerciseMinutes: exercises.durationMinutes,
      scorecardStatus: scorecards.status,
      scorecardSubmittedAt: scorecards.submittedAt,
    })
    .from(interviews)
    .innerJoin(users, eq(users.id, interviews.interviewerId))
    .leftJoin(exercises, eq(exercises.id, interviews.exerciseId))
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(eq(interviews.loopId, loop.id))
    .orderBy(asc(interviews.scheduledAt), asc(interviews.id))
    .all();
  return { ...loop, interviews: rows };
}

export function scheduleLoop(
  actor: AuditActor,
  input: { candidateId: number; rubricVersionId: number; interviews: InterviewPlan[]; now: Date },
) {
  return db().transaction((tx) => {
    const loop = tx
      .insert(loops)
      .values({
        candidateId: input.candidateId,
        rubricVersionId: input.rubricVersionId,
        createdById: actor.id,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning()
      .get();
    const candidate = tx.select({ name: candidates.name }).from(candidates).where(eq(candidates.id, input.candidateId)).get();
    recordAudit(tx, {
      actor,
      at: input.now,
      action: "create",
      entityType: "loop",
      entityId: loop.id,
      summary: `Scheduled a loop of ${input.interviews.length} interview${input.interviews.length === 1 ? "" : "s"} for ${candidate?.name ?? "a candidate"}`,
      after: { candidateId: loop.candidateId, rubricVersionId: loop.rubricVersionId, status: loop.status },
    });
    for (const plan of input.interviews) insertInterview(tx, actor, loop.id, plan, "Scheduled", input.now);
    refreshLoopAggregates(loop.id);
    return loop;
  });
}
