// Many loops' panels read at once, and their figures computed with any rubric: the impact preview
// of a draft rubric version (rubric-preview.server.ts) computes every scored candidate twice from
// one read. Same tables and same recommendationFromPanel as compare and the candidate page.
import { sql, type SQL } from "drizzle-orm";
import { db } from "#app/utils/db.server";
import { getLeniencyTable } from "./calibration.server";
import { recommendationFromPanel, type OverallRecommendation, type RatingGroup, type RedFlag } from "./recommendation";
import type { RubricDetail } from "./rubric.server";

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
  redFlags: number;
  decision: string | null;
};

/** What the figures of those loops are computed from, read once (a preview computes them twice). */
export function loopPanels(loopIds: SQL) {
  // Tallies and rating groups are maintained as scorecards are submitted (aggregates.server.ts).
  const loops = db().all<LoopRow>(sql`
    select l.id as loopId, l.rubric_version_id as rubricVersionId, c.id as candidateId, c.name as candidateName, l.status as loopStatus,
      coalesce(t.scheduled, 0) as scheduled, coalesce(t.submitted, 0) as submitted,
      coalesce(t.yes, 0) as yes, coalesce(t.no, 0) as no, coalesce(t.red_flags, 0) as redFlags, d.decision as decision
    from loops l join candidates c on c.id = l.candidate_id and c.erased_at is null
    left join loop_tallies t on t.loop_id = l.id
    left join decisions d on d.loop_id = l.id
    where l.id in ${loopIds}`);
  const groups = db().all<RatingGroup & { loopId: number }>(sql`
    select loop_id as loopId, interviewer_id as interviewerId, dimension_key as dimensionKey, sum, count, min, max
    from panel_rating_groups where loop_id in ${loopIds}`);
  // Red flags are rare: their text is read only for the loops that have some.
  const flagged = loops.filter((l) => l.redFlags > 0).map((l) => l.loopId);
  const flags = flagged.length
    ? db().all<RedFlag & { loopId: number }>(sql`
    select i.loop_id as loopId, s.interviewer_id as interviewerId, ss.signal_key as key, rs.text as text, ss.note as note
    from interviews i join loops l on l.id = i.loop_id
    join scorecards s on s.interview_id = i.id and s.status = 'submitted'
    join scorecard_signals ss on ss.scorecard_id = s.id
    join rubric_signals rs on rs.rubric_version_id = l.rubric_version_id and rs.key = ss.signal_key and rs.kind = 'red_flag'
    where i.loop_id in (${sql.join(
      flagged.map((id) => sql`${id}`),
      sql`, `,
    )}) and i.status != 'cancelled'`)
    : [];
  const table = getLeniencyTable();
  return {
    loops,
    groupsByLoop: bucket(groups),
    flagsByLoop: bucket(flags),
    leniency: Object.fromEntries([...table].map(([id, l]) => [id, l.leniency])),
  };
}

/** The loops' figures, each computed under the rubric `rubricOf` gives it. */
export function figuresOf(
  { loops, groupsByLoop, flagsByLoop, leniency }: ReturnType<typeof loopPanels>,
  rubricOf: (loop: LoopRow) => RubricDetail,
) {
  const result = new Map<number, LoopRow & ReturnType<typeof figures>>();
  for (const l of loops) {
    const rubric = rubricOf(l);
    const rec = recommendationFromPanel({
      rubric,
      groups: groupsByLoop.get(l.loopId) ?? [],
      // Only the yes/no split matters to the gate, so counts stand in for the individual answers.
      recommendations: [...Array<OverallRecommendation>(l.yes).fill("yes"), ...Array<OverallRecommendation>(l.no).fill("no")],
      redFlags: flagsByLoop.get(l.loopId) ?? [],
      scheduledInterviews: l.scheduled,
      submittedInterviews: l.submitted,
      leniency,
      skipSpread: true,
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
    panelIn: rec.panelIn,
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
