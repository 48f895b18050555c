// The hiring manager's cross-candidate views: the pipeline of open loops and the comparison of
// candidates for one position. Aggregated in SQL so they stay fast with thousands of loops.
import { sql } from "drizzle-orm";
import { db, type Db } from "#app/utils/db.server";
import { cachedByDataVersion } from "./data-version.server";
import type { StageKey } from "#db/schema";
import { interviewState, type InterviewState } from "./interview-status";
import { recommendationFromAggregates, type LoopAggregates } from "./recommendation";
import { getRubricDetail } from "./rubric.server";

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

/** Every open loop with each stage's state; filtered by position and by what the loop needs. */
export function listPipeline({ positionId, state, now = new Date() }: { positionId?: number; state: PipelineState; now?: Date }) {
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
    where l.status = 'open' ${positionId ? sql`and c.position_id = ${positionId}` : sql``}
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
  return { loops: filtered, counts: { all: all.length, owed: all.filter((l) => l.owed).length, ready: all.filter((l) => l.ready).length } };
}

type AggregateRow = { loopId: number; dimensionKey: string; total: number; n: number; lo: number; hi: number };
type LoopRow = {
  loopId: number;
  rubricVersionId: number;
  candidateId: number;
  candidateName: string;
  loopStatus: string;
  scheduled: number;
  submitted: number;
  redFlags: number;
  yes: number;
  no: number;
  decision: string | null;
};

/**
 * Candidates for one position (their latest loop each) with S, band, gates and every dimension's
 * score, computed from SQL aggregates rather than by loading every rating.
 */
export function compareCandidates(positionId: number) {
  // One grouped pass per table instead of per-loop subqueries: this stays flat at 2,500 loops.
  const latest = sql`(select max(l.id) as id from loops l join candidates c on c.id = l.candidate_id
      where c.position_id = ${positionId} and c.erased_at is null group by l.candidate_id)`;
  const loops = db().all<LoopRow>(sql`
    with latest as ${latest},
    counts as (
      select i.loop_id,
        count(*) as scheduled,
        sum(case when s.status = 'submitted' then 1 else 0 end) as submitted,
        sum(case when s.status = 'submitted' and s.recommendation in ('yes', 'strong_yes') then 1 else 0 end) as yes,
        sum(case when s.status = 'submitted' and s.recommendation in ('no', 'strong_no') then 1 else 0 end) as no
      from latest join interviews i on i.loop_id = latest.id and i.status != 'cancelled'
      left join scorecards s on s.interview_id = i.id
      group by i.loop_id
    ),
    flags as (
      select i.loop_id, count(*) as n
      from latest join loops l on l.id = latest.id
      join interviews i on i.loop_id = l.id and i.status != 'cancelled'
      join scorecards s on s.interview_id = i.id and s.status = 'submitted'
      join scorecard_signals ss on ss.scorecard_id = s.id
      join rubric_signals rs on rs.rubric_version_id = l.rubric_version_id and rs.key = ss.signal_key and rs.kind = 'red_flag'
      group by i.loop_id
    )
    select l.id as loopId, l.rubric_version_id as rubricVersionId, c.id as candidateId, c.name as candidateName, l.status as loopStatus,
      coalesce(counts.scheduled, 0) as scheduled, coalesce(counts.submitted, 0) as submitted,
      coalesce(flags.n, 0) as redFlags, coalesce(counts.yes, 0) as yes, coalesce(counts.no, 0) as no, d.decision as decision
    from latest join loops l on l.id = latest.id join candidates c on c.id = l.candidate_id
    left join counts on counts.loop_id = l.id left join flags on flags.loop_id = l.id
    left join decisions d on d.loop_id = l.id`);
  const aggregates = db().all<AggregateRow>(sql`
    with latest as ${latest}
    select i.loop_id as loopId, r.dimension_key as dimensionKey, sum(r.level) as total, count(*) as n, min(r.level) as lo, max(r.level) as hi
    from latest
    join interviews i on i.loop_id = latest.id and i.status != 'cancelled'
    join scorecards s on s.interview_id = i.id and s.status = 'submitted'
    join ratings r on r.scorecard_id = s.id and r.level is not null
    group by i.loop_id, r.dimension_key`);
  const byLoop = new Map<number, LoopAggregates["dimensions"]>();
  for (const a of aggregates) {
    const dims = byLoop.get(a.loopId) ?? {};
    dims[a.dimensionKey] = { sum: a.total, count: a.n, min: a.lo, max: a.hi };
    byLoop.set(a.loopId, dims);
  }
  return loops.map((l) => {
    const rubric = getRubricDetail(l.rubricVersionId)!;
    const result = recommendationFromAggregates(rubric, {
      dimensions: byLoop.get(l.loopId) ?? {},
      redFlags: l.redFlags,
      yes: l.yes,
      no: l.no,
      scheduledInterviews: l.scheduled,
      submittedInterviews: l.submitted,
    });
    return { ...l, ...result, rubricVersion: rubric.version };
  });
}

export type CompareRow = ReturnType<typeof compareCandidates>[number];

const comparisonCache = new WeakMap<Db, Map<string, { version: string; value: CompareRow[] }>>();

/** compareCandidates, kept until a candidate, loop, interview, scorecard or decision changes. */
export function getComparison(positionId: number): CompareRow[] {
  return cachedByDataVersion(comparisonCache, String(positionId), () => compareCandidates(positionId));
}
