// Interviewer calibration and panel agreement over every submitted scorecard. Aggregated in SQL;
// the result is cached per database until a scorecard or decision changes.
import { sql } from "drizzle-orm";
import { db, type Db } from "#app/utils/db.server";
import { cachedByDataVersion } from "./data-version.server";
import { krippendorffAlpha, MIN_PAIRABLE, type AlphaResult } from "./agreement";
import { shrink, SHRINKAGE_PAIRS } from "./leniency";
import { leniencyInputs } from "./scorecard.server";

const calibrationCache = new WeakMap<Db, Map<string, { version: string; value: Calibration }>>();
const leniencyCache = new WeakMap<Db, Map<string, { version: string; value: Map<number, { leniency: number; pairs: number }> }>>();

export function getCalibration(): Calibration {
  return cachedByDataVersion(calibrationCache, "all", computeCalibration);
}

/**
 * Every interviewer's shrunk leniency, for the calibrated score on candidate pages. Computed over
 * the whole history in SQL, then kept until the data changes.
 */
export function getLeniencyTable() {
  return cachedByDataVersion(
    leniencyCache,
    "all",
    () => new Map(leniencyInputs().map((r) => [r.interviewerId, { leniency: shrink(r.diffSum, r.pairs).leniency, pairs: r.pairs }])),
  );
}

export type Calibration = ReturnType<typeof computeCalibration>;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function computeCalibration() {
  const interviewers = db().all<{ id: number; name: string; title: string; scorecards: number }>(sql`
    select u.id, u.name, u.title, count(s.id) as scorecards
    from users u join scorecards s on s.interviewer_id = u.id and s.status = 'submitted'
    join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    group by u.id order by u.name`);

  const delays = db().all<{ interviewerId: number; hours: number }>(sql`
    select s.interviewer_id as interviewerId,
           (s.submitted_at - (i.scheduled_at + i.duration_minutes * 60000)) / 3600000.0 as hours
    from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    where s.status = 'submitted' and s.submitted_at is not null`);

  const distribution = db().all<{ interviewerId: number; dimensionKey: string; level: number; n: number }>(sql`
    select s.interviewer_id as interviewerId, r.dimension_key as dimensionKey, r.level as level, count(*) as n
    from ratings r join scorecards s on s.id = r.scorecard_id and s.status = 'submitted'
    join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    where r.level is not null group by 1, 2, 3`);

  // Differences from colleagues on the same candidate and dimension, with their squares for an
  // uncertainty band (see leniency.ts for the definition).
  const leniency = db().all<{ interviewerId: number; diffSum: number; diffSq: number; pairs: number }>(sql`
    with rated as (
      select s.interviewer_id, l.candidate_id, r.dimension_key, r.level
      from ratings r join scorecards s on s.id = r.scorecard_id and s.status = 'submitted'
      join interviews i on i.id = s.interview_id and i.status != 'cancelled'
      join loops l on l.id = i.loop_id where r.level is not null
    ),
    grouped as (select candidate_id, dimension_key, sum(level) as total, count(*) as n from rated group by 1, 2 having count(*) > 1),
    diffs as (
      select rated.interviewer_id as interviewerId, rated.level - (g.total - rated.level) * 1.0 / (g.n - 1) as d
      from rated join grouped g on g.candidate_id = rated.candidate_id and g.dimension_key = rated.dimension_key
    )
    select interviewerId, sum(d) as diffSum, sum(d * d) as diffSq, count(*) as pairs from diffs group by interviewerId`);

  const matches = db().all<{ interviewerId: number; matched: number; decided: number }>(sql`
    select s.interviewer_id as interviewerId,
      sum(case when (d.decision = 'hire' and s.recommendation in ('yes', 'strong_yes'))
                 or (d.decision = 'no_hire' and s.recommendation in ('no', 'strong_no')) then 1 else 0 end) as matched,
      count(*) as decided
    from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    join decisions d on d.loop_id = i.loop_id and d.decision in ('hire', 'no_hire')
    where s.status = 'submitted' and s.recommendation is not null group by 1`);

  const people = interviewers.map((p) => {
    const l = leniency.find((x) => x.interviewerId === p.id);
    const pairs = l?.pairs ?? 0;
    const { raw, leniency: shrunk } = shrink(l?.diffSum ?? 0, pairs);
    // A 95% interval for the raw mean difference, shrunk by the same factor as the estimate.
    const variance = pairs > 1 ? Math.max(0, (l!.diffSq - (l!.diffSum * l!.diffSum) / pairs) / (pairs - 1)) : null;
    const factor = pairs / (pairs + SHRINKAGE_PAIRS);
    const halfWidth = variance !== null ? 1.96 * Math.sqrt(variance / pairs) * factor : null;
    const m = matches.find((x) => x.interviewerId === p.id);
    const dist: Record<string, [number, number, number, number]> = {};
    for (const d of distribution.filter((x) => x.interviewerId === p.id)) (dist[d.dimensionKey] ??= [0, 0, 0, 0])[d.level - 1] = d.n;
    return {
      ...p,
      medianHoursToSubmit: median(delays.filter((x) => x.interviewerId === p.id).map((x) => x.hours)),
      leniency: shrunk,
      rawLeniency: raw,
      pairs,
      interval: halfWidth === null ? null : { low: shrunk - halfWidth, high: shrunk + halfWidth },
      matchRate: m && m.decided ? m.matched / m.decided : null,
      decided: m?.decided ?? 0,
      distribution: dist,
    };
  });

  return { people, agreement: panelAgreement() };
}

/** Krippendorff's alpha per dimension and overall (units: candidate × dimension). */
function panelAgreement() {
  const counts = db().all<{ candidateId: number; dimensionKey: string; level: number; n: number }>(sql`
    select l.candidate_id as candidateId, r.dimension_key as dimensionKey, r.level as level, count(*) as n
    from ratings r join scorecards s on s.id = r.scorecard_id and s.status = 'submitted'
    join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    join loops l on l.id = i.loop_id where r.level is not null group by 1, 2, 3`);
  const units = new Map<string, { dimension: string; values: number[] }>();
  for (const c of counts) {
    const key = `${c.candidateId}:${c.dimensionKey}`;
    const unit = units.get(key) ?? { dimension: c.dimensionKey, values: [] };
    for (let i = 0; i < c.n; i++) unit.values.push(c.level);
    units.set(key, unit);
  }
  const all = [...units.values()];
  const dimensions = [...new Set(all.map((u) => u.dimension))].sort();
  const measure = (values: number[][]) => {
    const interval = krippendorffAlpha(values, "interval");
    const ordinal = krippendorffAlpha(values, "ordinal");
    return {
      interval: interval.alpha,
      ordinal: ordinal.alpha,
      pairable: interval.pairable,
      units: interval.units,
      enough: interval.pairable >= MIN_PAIRABLE,
    };
  };
  return {
    overall: measure(all.map((u) => u.values)),
    byDimension: Object.fromEntries(dimensions.map((d) => [d, measure(all.filter((u) => u.dimension === d).map((u) => u.values))])),
  };
}

export type AgreementMeasure = {
  interval: AlphaResult["alpha"];
  ordinal: AlphaResult["alpha"];
  pairable: number;
  units: number;
  enough: boolean;
};
