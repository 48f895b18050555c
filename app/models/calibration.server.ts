// Interviewer calibration and panel agreement over every submitted scorecard, read from the
// aggregates maintained as scorecards are submitted (aggregates.server.ts): leniency totals per
// interviewer, level counts, and voices per candidate and dimension for alpha. Kept in memory
// until the aggregates change.
import { sql } from "drizzle-orm";
import { db, prepared } from "#app/utils/db.server";
import { cachedByAggregates } from "./aggregates.server";
import { agreementFromCounts, type UnitCounts } from "./agreement";
import { leniencyFromSums, type Leniency, type LeniencySums, type Voice } from "./leniency";

export function getCalibration(): Calibration {
  return cachedByAggregates("calibration", computeCalibration);
}

/** Every interviewer's leniency, for the calibrated score on candidate pages, compare and exports. */
export function getLeniencyTable(): Map<number, Leniency> {
  return cachedByAggregates("leniency", () => {
    const rows = db().all<LeniencySums & { interviewerId: number }>(sql`
      select interviewer_id as interviewerId, pairs, sum, sum_sq as sumSq, sum_sn as sumSn, sum_nsq as sumNsq, candidates
      from interviewer_leniency`);
    return new Map(rows.map((r) => [r.interviewerId, leniencyFromSums(r.interviewerId, r)]));
  });
}

/** Each interviewer's voice per (candidate, dimension) over submitted scorecards (leniency.ts). */
export function submittedVoices(): Voice[] {
  return db().all<Voice>(sql`
    select interviewer_id as interviewerId, candidate_id as candidateId, dimension_key as dimensionKey, sum, count
    from rating_voices`);
}

export type Calibration = ReturnType<typeof computeCalibration>;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function computeCalibration() {
  // One row per submitted scorecard (tens of thousands): read as arrays.
  const submissions = prepared(
    `select s.interviewer_id, (s.submitted_at - (i.scheduled_at + i.duration_minutes * 60000)) / 3600000.0
     from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
     where s.status = 'submitted' and s.submitted_at is not null`,
  )
    .raw()
    .all() as [interviewerId: number, hours: number][];
  const byInterviewer = new Map<number, number[]>();
  for (const [interviewerId, hours] of submissions) {
    const list = byInterviewer.get(interviewerId);
    if (list) list.push(hours);
    else byInterviewer.set(interviewerId, [hours]);
  }

  // Everyone with a submitted scorecard (users are few; their scorecards were just read).
  const people = db()
    .all<{ id: number; name: string; title: string }>(sql`select id, name, title from users order by name`)
    .filter((u) => byInterviewer.has(u.id));

  const distribution = db().all<{ interviewerId: number; dimensionKey: string; level: number; n: number }>(sql`
    select interviewer_id as interviewerId, dimension_key as dimensionKey, level, n from interviewer_level_counts`);

  const matches = db().all<{ interviewerId: number; matched: number; decided: number }>(sql`
    select s.interviewer_id as interviewerId,
      sum(case when (d.decision = 'hire' and s.recommendation in ('yes', 'strong_yes'))
                 or (d.decision = 'no_hire' and s.recommendation in ('no', 'strong_no')) then 1 else 0 end) as matched,
      count(*) as decided
    from decisions d join interviews i on i.loop_id = d.loop_id and i.status != 'cancelled'
    join scorecards s on s.interview_id = i.id
    where d.decision in ('hire', 'no_hire') and s.status = 'submitted' and s.recommendation is not null group by 1`);

  const leniency = getLeniencyTable();
  return {
    people: people.map((p) => {
      const l = leniency.get(p.id);
      const m = matches.find((x) => x.interviewerId === p.id);
      const dist: Record<string, [number, number, number, number]> = {};
      for (const d of distribution.filter((x) => x.interviewerId === p.id)) (dist[d.dimensionKey] ??= [0, 0, 0, 0])[d.level - 1] = d.n;
      return {
        ...p,
        scorecards: byInterviewer.get(p.id)?.length ?? 0,
        medianHoursToSubmit: median(byInterviewer.get(p.id) ?? []),
        leniency: l?.leniency ?? 0,
        rawLeniency: l?.raw ?? 0,
        pairs: l?.pairs ?? 0,
        candidates: l?.candidates ?? 0,
        interval: l?.interval ?? null,
        matched: m?.matched ?? 0,
        decided: m?.decided ?? 0,
        distribution: dist,
      };
    }),
    agreement: panelAgreement(),
  };
}

/**
 * Krippendorff's alpha per dimension and overall, from the maintained units: one per candidate's
 * dimension, each the number of voices at each level (aggregates.server.ts).
 */
// The columns n1…n4 of agreement_units: voices at each level of the rating scale.
const RATING_LEVELS = [1, 2, 3, 4];

function panelAgreement() {
  // Tens of thousands of rows at a real company's size: read as arrays and handed over as they are.
  const rows = prepared("select candidate_id, dimension_key, n1, n2, n3, n4 from agreement_units order by candidate_id")
    .raw()
    .all() as UnitCounts[];
  return agreementFromCounts(RATING_LEVELS, rows);
}
