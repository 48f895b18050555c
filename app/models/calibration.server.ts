// Interviewer calibration and panel agreement over every submitted scorecard: counts and
// distributions in SQL, leniency (leniency.ts) and alpha (agreement.ts) from one grouped scan of
// the interviewers' voices. Cached per database until the data changes.
import { sql } from "drizzle-orm";
import { db, type Db } from "#app/utils/db.server";
import { cachedByDataVersion } from "./data-version.server";
import { agreementOverCandidates, type AgreementMeasure } from "./agreement";
import { leniencyFromVoices, unitsOf, type Leniency, type Voice } from "./leniency";

const calibrationCache = new WeakMap<Db, Map<string, { version: string; value: Calibration }>>();
const leniencyCache = new WeakMap<Db, Map<string, { version: string; value: Map<number, Leniency> }>>();

export function getCalibration(): Calibration {
  return cachedByDataVersion(calibrationCache, "all", computeCalibration);
}

/** Every interviewer's leniency, for the calibrated score on candidate pages, compare and exports. */
export function getLeniencyTable(): Map<number, Leniency> {
  return cachedByDataVersion(leniencyCache, "all", () => leniencyFromVoices(submittedVoices()));
}

/** Each interviewer's voice per (candidate, dimension) over submitted scorecards (leniency.ts). */
export function submittedVoices(): Voice[] {
  return db().all<Voice>(sql`
    select s.interviewer_id as interviewerId, l.candidate_id as candidateId, r.dimension_key as dimensionKey,
           sum(r.level) as sum, count(*) as count
    from ratings r join scorecards s on s.id = r.scorecard_id and s.status = 'submitted'
    join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    join loops l on l.id = i.loop_id
    where r.level is not null
    group by 1, 2, 3`);
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

  const matches = db().all<{ interviewerId: number; matched: number; decided: number }>(sql`
    select s.interviewer_id as interviewerId,
      sum(case when (d.decision = 'hire' and s.recommendation in ('yes', 'strong_yes'))
                 or (d.decision = 'no_hire' and s.recommendation in ('no', 'strong_no')) then 1 else 0 end) as matched,
      count(*) as decided
    from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    join decisions d on d.loop_id = i.loop_id and d.decision in ('hire', 'no_hire')
    where s.status = 'submitted' and s.recommendation is not null group by 1`);

  const voices = submittedVoices();
  const leniency = leniencyFromVoices(voices);
  const people = interviewers.map((p) => {
    const l = leniency.get(p.id);
    const m = matches.find((x) => x.interviewerId === p.id);
    const dist: Record<string, [number, number, number, number]> = {};
    for (const d of distribution.filter((x) => x.interviewerId === p.id)) (dist[d.dimensionKey] ??= [0, 0, 0, 0])[d.level - 1] = d.n;
    return {
      ...p,
      medianHoursToSubmit: median(delays.filter((x) => x.interviewerId === p.id).map((x) => x.hours)),
      leniency: l?.leniency ?? 0,
      rawLeniency: l?.raw ?? 0,
      pairs: l?.pairs ?? 0,
      candidates: l?.candidates ?? 0,
      interval: l?.interval ?? null,
      matched: m?.matched ?? 0,
      decided: m?.decided ?? 0,
      distribution: dist,
    };
  });

  return { people, agreement: panelAgreement(voices) };
}

/** Krippendorff's alpha per dimension and overall; a unit is one candidate's dimension. */
function panelAgreement(voices: Voice[]) {
  const units = unitsOf(voices);
  const measure = (keep: (dimensionKey: string) => boolean): AgreementMeasure => {
    const byCandidate = new Map<number, number[][]>();
    for (const unit of units) {
      const first = unit[0]!;
      if (!keep(first.dimensionKey)) continue;
      const list = byCandidate.get(first.candidateId) ?? [];
      list.push(unit.map((v) => v.sum / v.count));
      byCandidate.set(first.candidateId, list);
    }
    return agreementOverCandidates([...byCandidate.values()]);
  };
  const dimensions = [...new Set(voices.map((v) => v.dimensionKey))].sort();
  return {
    overall: measure(() => true),
    byDimension: Object.fromEntries(dimensions.map((d) => [d, measure((k) => k === d)])),
  };
}
