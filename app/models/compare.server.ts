// S, band (raw and calibrated), gates and dimension scores for many loops at once: the compare
// view, the pipeline and the results export. Grouped in SQL, then computed by the same
// recommendationFromPanel as the candidate page, with the same leniency table, so a candidate's
// figures are identical on every page and in every export.
import { sql, type SQL } from "drizzle-orm";
import { db, type Db } from "#app/utils/db.server";
import { getLeniencyTable } from "./calibration.server";
import { cachedByDataVersion } from "./data-version.server";
import { recommendationFromPanel, type OverallRecommendation, type RatingGroup, type RedFlag } from "./recommendation";
import { getRubricDetail } from "./rubric.server";

type LoopRow = {
  loopId: number;
  rubricVersionId: number;
  candidateId: number;
  candidateName: string;
  loopStatus: string;
  scheduled: number;
  submitted: number;
  yes: number;
  no: number;
  decision: string | null;
};

/** The figures of every loop whose id `loopIds` (a SQL subquery) selects, by loop id. */
export function loopRecommendations(loopIds: SQL) {
  const loops = db().all<LoopRow>(sql`
    with chosen as (select id from loops where id in ${loopIds}),
    counts as (
      select i.loop_id,
        count(*) as scheduled,
        sum(case when s.status = 'submitted' then 1 else 0 end) as submitted,
        sum(case when s.status = 'submitted' and s.recommendation in ('yes', 'strong_yes') then 1 else 0 end) as yes,
        sum(case when s.status = 'submitted' and s.recommendation in ('no', 'strong_no') then 1 else 0 end) as no
      from chosen join interviews i on i.loop_id = chosen.id and i.status != 'cancelled'
      left join scorecards s on s.interview_id = i.id
      group by i.loop_id
    )
    select l.id as loopId, l.rubric_version_id as rubricVersionId, c.id as candidateId, c.name as candidateName, l.status as loopStatus,
      coalesce(counts.scheduled, 0) as scheduled, coalesce(counts.submitted, 0) as submitted,
      coalesce(counts.yes, 0) as yes, coalesce(counts.no, 0) as no, d.decision as decision
    from chosen join loops l on l.id = chosen.id join candidates c on c.id = l.candidate_id and c.erased_at is null
    left join counts on counts.loop_id = l.id
    left join decisions d on d.loop_id = l.id`);
  const groups = db().all<RatingGroup & { loopId: number }>(sql`
    select i.loop_id as loopId, s.interviewer_id as interviewerId, r.dimension_key as dimensionKey,
      sum(r.level) as sum, count(*) as count, min(r.level) as min, max(r.level) as max
    from interviews i
    join scorecards s on s.interview_id = i.id and s.status = 'submitted'
    join ratings r on r.scorecard_id = s.id and r.level is not null
    where i.loop_id in ${loopIds} and i.status != 'cancelled'
    group by 1, 2, 3`);
  const flags = db().all<RedFlag & { loopId: number }>(sql`
    select i.loop_id as loopId, s.interviewer_id as interviewerId, ss.signal_key as key, rs.text as text, ss.note as note
    from interviews i join loops l on l.id = i.loop_id
    join scorecards s on s.interview_id = i.id and s.status = 'submitted'
    join scorecard_signals ss on ss.scorecard_id = s.id
    join rubric_signals rs on rs.rubric_version_id = l.rubric_version_id and rs.key = ss.signal_key and rs.kind = 'red_flag'
    where i.loop_id in ${loopIds} and i.status != 'cancelled'`);
  const groupsByLoop = bucket(groups);
  const flagsByLoop = bucket(flags);
  const table = getLeniencyTable();
  const leniency = Object.fromEntries([...table].map(([id, l]) => [id, l.leniency]));
  const result = new Map<number, LoopRow & ReturnType<typeof figures>>();
  for (const l of loops) {
    const rubric = getRubricDetail(l.rubricVersionId)!;
    const rec = recommendationFromPanel({
      rubric,
      groups: groupsByLoop.get(l.loopId) ?? [],
      // Only the yes/no split matters to the gate, so counts stand in for the individual answers.
      recommendations: [...Array<OverallRecommendation>(l.yes).fill("yes"), ...Array<OverallRecommendation>(l.no).fill("no")],
      redFlags: flagsByLoop.get(l.loopId) ?? [],
      scheduledInterviews: l.scheduled,
      submittedInterviews: l.submitted,
      leniency,
    });
    result.set(l.loopId, { ...l, ...figures(rec, rubric.version) });
  }
  return result;
}

function figures(rec: ReturnType<typeof recommendationFromPanel>, rubricVersion: number) {
  return {
    score: rec.score,
    band: rec.band,
    calibratedScore: rec.calibratedScore,
    calibratedBand: rec.calibratedBand,
    coverage: rec.coverage,
    gates: rec.gates.map((g) => g.kind),
    interviewerCount: rec.interviewerCount,
    dimensionScores: Object.fromEntries(rec.dimensions.map((d) => [d.key, d.score])),
    rubricVersion,
  };
}

function bucket<T extends { loopId: number }>(rows: T[]) {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.loopId);
    if (list) list.push(r);
    else out.set(r.loopId, [r]);
  }
  return out;
}

/** Candidates for one position (their latest loop each), with their figures. */
export function compareCandidates(positionId: number) {
  const latest = sql`(select max(l.id) from loops l join candidates c on c.id = l.candidate_id
      where c.position_id = ${positionId} and c.erased_at is null group by l.candidate_id)`;
  return [...loopRecommendations(latest).values()];
}

export type CompareRow = ReturnType<typeof compareCandidates>[number];

const comparisonCache = new WeakMap<Db, Map<string, { version: string; value: CompareRow[] }>>();

/** compareCandidates, kept until a candidate, loop, interview, scorecard or decision changes. */
export function getComparison(positionId: number): CompareRow[] {
  return cachedByDataVersion(comparisonCache, String(positionId), () => compareCandidates(positionId));
}
