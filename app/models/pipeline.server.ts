// The pipeline of open loops: each stage's state, and each loop's figures (compare.server.ts).
import { sql } from "drizzle-orm";
import { db } from "#app/utils/db.server";
import type { StageKey } from "#db/schema";
import { loopFigures } from "./compare.server";
import { interviewState, type InterviewState } from "./interview-status";

import type { PipelineState } from "./pipeline-state";

type PipelineRow = {
  loopId: number;
  candidateId: number;
  candidateName: string;
  positionId: number;
  positionTitle: string;
  interviewId: number | null;
  stage: StageKey | null;
  interviewerName: string | null;
  scheduledAt: number | null;
  durationMinutes: number | null;
  status: "scheduled" | "completed" | "cancelled" | null;
  scorecardStatus: "draft" | "submitted" | null;
  submittedAt: number | null;
};

/**
 * One page of open loops with each stage's state and the loop's figures, filtered by position and
 * by what the loop needs; with the counts over every open loop for the header.
 */
export function listPipeline({
  positionId,
  state,
  now,
  page = 1,
  pageSize = 50,
}: {
  positionId?: number;
  state: PipelineState;
  now: Date;
  page?: number;
  pageSize?: number;
}) {
  const positionFilter = positionId ? sql`and c.position_id = ${positionId}` : sql``;
  const rows = db().all<PipelineRow>(sql`
    select l.id as loopId, c.id as candidateId, c.name as candidateName, p.id as positionId, p.title as positionTitle,
           i.id as interviewId, i.stage as stage, u.name as interviewerName, i.scheduled_at as scheduledAt,
           i.duration_minutes as durationMinutes, i.status as status, s.status as scorecardStatus, s.submitted_at as submittedAt
    from loops l
    join candidates c on c.id = l.candidate_id and c.erased_at is null
    join positions p on p.id = c.position_id
    left join interviews i on i.loop_id = l.id and i.status != 'cancelled'
    left join users u on u.id = i.interviewer_id
    left join scorecards s on s.interview_id = i.id
    where l.status = 'open' ${positionFilter}
    order by c.name, l.id, i.scheduled_at`);
  const loops = new Map<
    number,
    {
      loopId: number;
      candidateId: number;
      candidateName: string;
      positionTitle: string;
      stages: { interviewId: number; stage: StageKey; interviewerName: string; state: InterviewState }[];
    }
  >();
  for (const r of rows) {
    let loop = loops.get(r.loopId);
    if (!loop) {
      loop = { loopId: r.loopId, candidateId: r.candidateId, candidateName: r.candidateName, positionTitle: r.positionTitle, stages: [] };
      loops.set(r.loopId, loop);
    }
    if (r.interviewId === null || r.stage === null || r.status === null) continue;
    loop.stages.push({
      interviewId: r.interviewId,
      stage: r.stage,
      interviewerName: r.interviewerName ?? "",
      state: interviewState(
        { status: r.status, scheduledAt: new Date(r.scheduledAt!), durationMinutes: r.durationMinutes! },
        r.scorecardStatus ? { status: r.scorecardStatus, submittedAt: r.submittedAt ? new Date(r.submittedAt) : null } : null,
        now,
      ),
    });
  }
  const all = [...loops.values()].map((l) => ({
    ...l,
    owed: l.stages.filter((s) => s.state.kind === "scorecard_owed").length,
    ready: l.stages.length > 0 && l.stages.every((s) => s.state.kind === "submitted"),
  }));
  const filtered = all.filter((l) =>
    state === "owed"
      ? l.owed > 0
      : state === "ready"
        ? l.ready
        : state === "scheduled"
          ? l.stages.some((s) => s.state.kind === "upcoming")
          : true,
  );
  const shown = filtered.slice((page - 1) * pageSize, page * pageSize);
  // Figures only for the loops on this page: the rest would be computed to be thrown away.
  const figures = loopFigures(shown.map((l) => l.loopId));
  return {
    loops: shown.map((l) => ({ ...l, figures: figures.get(l.loopId) ?? null })),
    total: filtered.length,
    counts: { all: all.length, owed: all.filter((l) => l.owed).length, ready: all.filter((l) => l.ready).length },
  };
}
