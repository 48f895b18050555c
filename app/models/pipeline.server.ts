// The pipeline of open loops: each stage's state, and each loop's figures (compare.server.ts).
import { prepared } from "#app/utils/db.server";
import type { InterviewStatus, StageKey } from "#db/schema";
import { loopFigures } from "./compare.server";
import { interviewState, type InterviewState } from "./interview-status";
import type { PipelineState } from "./pipeline-state";

type Stage = { interviewId: number; stage: StageKey; interviewerName: string; state: InterviewState };

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
  // The counts and the filter need every open loop's stage states (thousands of loops at a real
  // company's size), so those are read lean, as arrays; names are read for the page shown only.
  const rows = prepared(
    `select l.id, c.name, i.id, i.status, i.scheduled_at, i.duration_minutes, s.status, s.submitted_at
     from loops l
     join candidates c on c.id = l.candidate_id and c.erased_at is null
     left join interviews i on i.loop_id = l.id and i.status != 'cancelled'
     left join scorecards s on s.interview_id = i.id
     where l.status = 'open' and (@position is null or c.position_id = @position)`,
  )
    .raw()
    .all({ position: positionId ?? null }) as [
    loopId: number,
    candidateName: string,
    interviewId: number | null,
    status: InterviewStatus | null,
    scheduledAt: number | null,
    durationMinutes: number | null,
    scorecardStatus: "draft" | "submitted" | null,
    submittedAt: number | null,
  ][];
  const loops = new Map<
    number,
    { loopId: number; candidateName: string; stages: { interviewId: number; at: number; state: InterviewState }[] }
  >();
  for (const [loopId, candidateName, interviewId, status, scheduledAt, durationMinutes, scorecardStatus, submittedAt] of rows) {
    let loop = loops.get(loopId);
    if (!loop) loops.set(loopId, (loop = { loopId, candidateName, stages: [] }));
    if (interviewId === null || status === null) continue;
    loop.stages.push({
      interviewId,
      at: scheduledAt!,
      state: interviewState(
        { status, scheduledAt: new Date(scheduledAt!), durationMinutes: durationMinutes! },
        scorecardStatus ? { status: scorecardStatus, submittedAt: submittedAt === null ? null : new Date(submittedAt) } : null,
        now,
      ),
    });
  }
  const byName = (a: { candidateName: string; loopId: number }, b: { candidateName: string; loopId: number }) =>
    a.candidateName < b.candidateName ? -1 : a.candidateName > b.candidateName ? 1 : a.loopId - b.loopId;
  const all = [...loops.values()].sort(byName).map((l) => ({
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
  // Names and figures only for the loops on this page: the rest would be read to be thrown away.
  const ids = JSON.stringify(shown.map((l) => l.loopId));
  const loopNames = new Map(
    (
      prepared(
        `select l.id, c.id, p.title from loops l join candidates c on c.id = l.candidate_id join positions p on p.id = c.position_id
         where l.id in (select value from json_each(?))`,
      )
        .raw()
        .all(ids) as [number, number, string][]
    ).map(([loopId, candidateId, positionTitle]) => [loopId, { candidateId, positionTitle }]),
  );
  const stageNames = new Map(
    (
      prepared(
        `select i.id, i.stage, u.name from interviews i join users u on u.id = i.interviewer_id
         where i.loop_id in (select value from json_each(?))`,
      )
        .raw()
        .all(ids) as [number, StageKey, string][]
    ).map(([interviewId, stage, interviewerName]) => [interviewId, { stage, interviewerName }]),
  );
  const figures = loopFigures(shown.map((l) => l.loopId));
  return {
    loops: shown.map((l) => ({
      loopId: l.loopId,
      candidateName: l.candidateName,
      ...loopNames.get(l.loopId)!,
      stages: l.stages
        .sort((a, b) => a.at - b.at || a.interviewId - b.interviewId)
        .map((s): Stage => ({ interviewId: s.interviewId, ...stageNames.get(s.interviewId)!, state: s.state })),
      owed: l.owed,
      ready: l.ready,
      figures: figures.get(l.loopId) ?? null,
    })),
    total: filtered.length,
    counts: { all: all.length, owed: all.filter((l) => l.owed).length, ready: all.filter((l) => l.ready).length },
  };
}
