// Interviewer calibration and panel agreement over every submitted scorecard, read from the
// aggregates maintained as scorecards are submitted and loops decided (aggregates.server.ts):
// leniency totals, level counts and submission figures per interviewer, and alpha's units. Kept
// in memory until the aggregates change.
import { sql } from "drizzle-orm";
import { db, prepared } from "#app/utils/db.server";
import { cachedByAggregates } from "./aggregates.server";
import { agreementFromCounts, agreementFromPackedUnits, PACKED_CANDIDATE, type UnitCounts } from "./agreement";
import { leniencyFromSums, type Leniency, type LeniencySums } from "./leniency";

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

/**
 * Who has rated whom on submitted scorecards, once per interviewer and candidate: the live half of
 * the rater-candidate network. Distinct pairs in SQL (a fifth of the per-dimension voices at 5k
 * candidates), kept until a write changes the aggregates.
 */
export function raterCandidatePairs(): { interviewerId: number; candidateId: number }[] {
  return cachedByAggregates("rater-candidate-pairs", () =>
    db().all<{ interviewerId: number; candidateId: number }>(sql`
      select distinct interviewer_id as interviewerId, candidate_id as candidateId from rating_voices`),
  );
}

export type Calibration = ReturnType<typeof computeCalibration>;

export function computeCalibration() {
  const people = db().all<{
    id: number;
    name: string;
    title: string;
    scorecards: number;
    medianHoursToSubmit: number | null;
    matched: number;
    decided: number;
  }>(sql`
    select u.id, u.name, u.title, x.scorecards, x.median_hours_to_submit as medianHoursToSubmit, x.matched, x.decided
    from interviewer_submissions x join users u on u.id = x.interviewer_id
    order by u.name`);
  const distribution = new Map<number, Record<string, [number, number, number, number]>>();
  for (const [interviewerId, dimensionKey, level, n] of prepared(
    "select interviewer_id, dimension_key, level, n from interviewer_level_counts",
  )
    .raw()
    .all() as [number, string, number, number][]) {
    let dist = distribution.get(interviewerId);
    if (!dist) distribution.set(interviewerId, (dist = {}));
    (dist[dimensionKey] ??= [0, 0, 0, 0])[level - 1] = n;
  }
  const leniency = getLeniencyTable();
  return {
    people: people.map((p) => {
      const l = leniency.get(p.id);
      return {
        ...p,
        leniency: l?.leniency ?? 0,
        rawLeniency: l?.raw ?? 0,
        pairs: l?.pairs ?? 0,
        candidates: l?.candidates ?? 0,
        interval: l?.interval ?? null,
        distribution: distribution.get(p.id) ?? {},
      };
    }),
    agreement: panelAgreement(),
  };
}

/**
 * Krippendorff's alpha per dimension and overall, from the maintained units: one per candidate's
 * dimension, each the number of voices at each level (aggregates.server.ts). Read one number per
 * unit where every count fits the packing (agreementFromPackedUnits), as rows otherwise.
 */
function panelAgreement() {
  const dimensions = (prepared("select distinct dimension_key from agreement_units").pluck().all() as string[]).sort();
  if (dimensions.length && dimensions.length <= 32) {
    const dimension = `case dimension_key ${dimensions.map((_, i) => `when ? then ${i}`).join(" ")} end`;
    const packed = prepared(
      `select case when max(n1, n2, n3, n4) < 16 and candidate_id < 4294967296
         then candidate_id * ${PACKED_CANDIDATE} + ${dimension} * 65536 + n1 + n2 * 16 + n3 * 256 + n4 * 4096 end
       from agreement_units order by candidate_id`,
    )
      .pluck()
      .all(...dimensions) as (number | null)[];
    if (!packed.includes(null)) return agreementFromPackedUnits(dimensions, packed as number[]);
  }
  // The columns n1…n4 of agreement_units: voices at each level of the rating scale.
  const rows = prepared("select candidate_id, dimension_key, n1, n2, n3, n4 from agreement_units order by candidate_id")
    .raw()
    .all() as UnitCounts[];
  return agreementFromCounts([1, 2, 3, 4], rows);
}
