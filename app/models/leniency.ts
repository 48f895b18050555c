// Interviewer leniency (product.md, "Calibrated view"). Pure; the calibration model feeds it
// from the database and is checked against computeLeniency.
//
// - An interviewer's voice on a candidate's dimension is the mean of their own ratings of it: one
//   who sat two stages of a loop is one voice, never paired with themselves.
// - A paired rating is a voice on a (candidate, dimension) that at least one other interviewer
//   also rated; its difference is the voice minus the mean of the other interviewers' voices.
// - Raw leniency is the mean of those differences. Ratings of one candidate move together (one
//   impression of one person), so the candidate, not the rating, is the unit of evidence: the
//   estimate is shrunk toward 0 by the number of candidates, raw × G ÷ (G + K), and its 95%
//   interval is cluster-robust over candidates (CR1 standard error with a t quantile on G − 1
//   degrees of freedom), shrunk by the same factor.

export interface RatingRecord {
  interviewerId: number;
  candidateId: number;
  dimensionKey: string;
  level: number;
}

export interface Leniency {
  interviewerId: number;
  /** Mean difference from colleagues, before shrinkage. */
  raw: number;
  /** raw × G ÷ (G + K): what calibration subtracts. */
  leniency: number;
  /** Paired ratings (voices with a colleague to compare with). */
  pairs: number;
  /** Candidates those pairs come from: G. */
  candidates: number;
  /** 95% interval of `leniency`; null with fewer than two candidates. */
  interval: { low: number; high: number } | null;
}

/**
 * Pseudo-candidates of zero difference: with three candidates rated alongside colleagues, half of
 * the raw offset is used. Three is about one week of a busy interviewer's loops: enough that a
 * habit, rather than one unusual candidate, is being corrected.
 */
export const SHRINKAGE_CANDIDATES = 3;

/** Per-candidate sums from which leniency and its interval follow (also kept by the database). */
export interface LeniencySums {
  /** Σ over candidates of n_c: paired ratings. */
  pairs: number;
  /** Σ S_c: the sum of differences. */
  sum: number;
  /** Σ S_c², Σ S_c·n_c and Σ n_c²: what the cluster-robust variance needs. */
  sumSq: number;
  sumSn: number;
  sumNsq: number;
  /** G: candidates with at least one paired rating. */
  candidates: number;
}

// Two-sided 95% t quantiles by degrees of freedom; between rows the smaller df is used (wider).
const T95: [number, number][] = [
  [1, 12.706],
  [2, 4.303],
  [3, 3.182],
  [4, 2.776],
  [5, 2.571],
  [6, 2.447],
  [7, 2.365],
  [8, 2.306],
  [9, 2.262],
  [10, 2.228],
  [12, 2.179],
  [15, 2.131],
  [20, 2.086],
  [25, 2.06],
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
];

export function t95(df: number): number {
  if (df >= 1000) return 1.96;
  let q = T95[0]![1];
  for (const [d, v] of T95) if (df >= d) q = v;
  return q;
}

export function leniencyFromSums(interviewerId: number, s: LeniencySums, k = SHRINKAGE_CANDIDATES): Leniency {
  if (s.pairs === 0) return { interviewerId, raw: 0, leniency: 0, pairs: 0, candidates: 0, interval: null };
  const raw = s.sum / s.pairs;
  const factor = s.candidates / (s.candidates + k);
  let interval: Leniency["interval"] = null;
  if (s.candidates >= 2) {
    // Σ_c (S_c − n_c·raw)², expanded so it can be kept as running sums.
    const residual = Math.max(0, s.sumSq - 2 * raw * s.sumSn + raw * raw * s.sumNsq);
    const se = Math.sqrt((s.candidates / (s.candidates - 1)) * residual) / s.pairs;
    const half = t95(s.candidates - 1) * se;
    interval = { low: (raw - half) * factor, high: (raw + half) * factor };
  }
  return { interviewerId, raw, leniency: raw * factor, pairs: s.pairs, candidates: s.candidates, interval };
}

/** An interviewer's voice on one candidate's dimension: `sum` ÷ `count` of their ratings of it. */
export interface Voice {
  interviewerId: number;
  candidateId: number;
  dimensionKey: string;
  sum: number;
  count: number;
}

/** One interviewer's voice per (candidate, dimension): the mean of their ratings of it. */
export function voices(ratings: RatingRecord[]): Voice[] {
  const acc = new Map<string, { interviewerId: number; candidateId: number; dimensionKey: string; sum: number; count: number }>();
  for (const r of ratings) {
    const key = `${r.candidateId}\u0000${r.dimensionKey}\u0000${r.interviewerId}`;
    const v = acc.get(key) ?? {
      interviewerId: r.interviewerId,
      candidateId: r.candidateId,
      dimensionKey: r.dimensionKey,
      sum: 0,
      count: 0,
    };
    v.sum += r.level;
    v.count += 1;
    acc.set(key, v);
  }
  return [...acc.values()];
}

/** Voices grouped by (candidate, dimension): the units colleagues are compared on. */
export function unitsOf(all: Voice[]): Voice[][] {
  const units = new Map<string, Voice[]>();
  for (const v of all) {
    const key = `${v.candidateId}\u0000${v.dimensionKey}`;
    const unit = units.get(key);
    if (unit) unit.push(v);
    else units.set(key, [v]);
  }
  return [...units.values()];
}

/** Each voice's difference from the mean of the other interviewers' voices on the same unit. */
export function pairedDifferences(all: Voice[]) {
  const out: { interviewerId: number; candidateId: number; diff: number }[] = [];
  for (const unit of unitsOf(all)) {
    if (unit.length < 2) continue;
    const levels = unit.map((v) => v.sum / v.count);
    const total = levels.reduce((a, b) => a + b, 0);
    unit.forEach((v, i) =>
      out.push({ interviewerId: v.interviewerId, candidateId: v.candidateId, diff: levels[i]! - (total - levels[i]!) / (unit.length - 1) }),
    );
  }
  return out;
}

/** Folds per-candidate (S_c, n_c) into the sums leniencyFromSums needs. */
export function sumsFromCandidates(perCandidate: Iterable<{ sum: number; count: number }>): LeniencySums {
  const s: LeniencySums = { pairs: 0, sum: 0, sumSq: 0, sumSn: 0, sumNsq: 0, candidates: 0 };
  for (const c of perCandidate) {
    if (c.count === 0) continue;
    s.pairs += c.count;
    s.sum += c.sum;
    s.sumSq += c.sum * c.sum;
    s.sumSn += c.sum * c.count;
    s.sumNsq += c.count * c.count;
    s.candidates += 1;
  }
  return s;
}

export function computeLeniency(ratings: RatingRecord[], k = SHRINKAGE_CANDIDATES): Map<number, Leniency> {
  return leniencyFromVoices(voices(ratings), k);
}

/** Leniency of every interviewer who has a voice (0 with no colleague to compare with). */
export function leniencyFromVoices(all: Voice[], k = SHRINKAGE_CANDIDATES): Map<number, Leniency> {
  const byInterviewer = new Map<number, Map<number, { sum: number; count: number }>>();
  for (const d of pairedDifferences(all)) {
    const perCandidate = byInterviewer.get(d.interviewerId) ?? new Map<number, { sum: number; count: number }>();
    const c = perCandidate.get(d.candidateId) ?? { sum: 0, count: 0 };
    c.sum += d.diff;
    c.count += 1;
    perCandidate.set(d.candidateId, c);
    byInterviewer.set(d.interviewerId, perCandidate);
  }
  const interviewers = new Set(all.map((v) => v.interviewerId));
  return new Map([...interviewers].map((id) => [id, leniencyFromSums(id, sumsFromCandidates(byInterviewer.get(id)?.values() ?? []), k)]));
}
