// Interviewer leniency (product.md, "Calibrated view"): the mean, over an interviewer's ratings,
// of (their rating − the mean of the other interviewers' ratings of the same candidate and
// dimension), shrunk toward 0 when they have few such paired ratings. Pure: the SQL version in
// scorecard.server.ts is checked against this one.

export interface RatingRecord {
  interviewerId: number;
  candidateId: number;
  dimensionKey: string;
  level: number;
}

export interface Leniency {
  interviewerId: number;
  /** Unshrunk mean difference. */
  raw: number;
  /** raw × n ÷ (n + k): what calibration subtracts. */
  leniency: number;
  /** Ratings that had at least one colleague's rating to compare with. */
  pairs: number;
}

/** Pseudo-count of zero-difference ratings: with 5 pairs, half the raw offset is used. */
export const SHRINKAGE_PAIRS = 5;

export function shrink(diffSum: number, pairs: number, k = SHRINKAGE_PAIRS): { raw: number; leniency: number } {
  if (pairs === 0) return { raw: 0, leniency: 0 };
  return { raw: diffSum / pairs, leniency: diffSum / (pairs + k) };
}

export function computeLeniency(ratings: RatingRecord[], k = SHRINKAGE_PAIRS): Map<number, Leniency> {
  const groups = new Map<string, { sum: number; count: number }>();
  const keyOf = (r: RatingRecord) => `${r.candidateId}\u0000${r.dimensionKey}`;
  for (const r of ratings) {
    const g = groups.get(keyOf(r)) ?? { sum: 0, count: 0 };
    g.sum += r.level;
    g.count += 1;
    groups.set(keyOf(r), g);
  }
  const acc = new Map<number, { diffSum: number; pairs: number }>();
  for (const r of ratings) {
    const entry = acc.get(r.interviewerId) ?? { diffSum: 0, pairs: 0 };
    const g = groups.get(keyOf(r))!;
    if (g.count > 1) {
      entry.diffSum += r.level - (g.sum - r.level) / (g.count - 1);
      entry.pairs += 1;
    }
    acc.set(r.interviewerId, entry);
  }
  const result = new Map<number, Leniency>();
  for (const [interviewerId, { diffSum, pairs }] of acc) result.set(interviewerId, { interviewerId, pairs, ...shrink(diffSum, pairs, k) });
  return result;
}
