// How every number is rounded and shown, on every page and in every export: one rule, here.
//
// - Rounding is decimal half-up (half away from zero), as on paper: 3.175 → 3.18, 3.025 → 3.03,
//   −0.125 → −0.13. Binary floating point stores 3.175 as 3.17499…, so a value within a
//   billionth of a half-way point counts as on it; scores here are ratios of small integers, so
//   no true value lies that close without being exactly half-way.
// - Zero has no sign: −0.004 shows as "0.00", never "-0.00".
// - S and every figure on its 1–4 scale show two decimals; its band is read from the number as
//   shown (see bandFor in recommendation.ts), so "3.50" always sits beside Strong hire.

const HALF_WAY_TOLERANCE = 1e-9;

export function roundHalfUp(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.floor(Math.abs(x) * factor + 0.5 + HALF_WAY_TOLERANCE) / factor;
  // `|| 0` turns −0 into 0.
  return Math.sign(x) * rounded || 0;
}

/** x rounded half-up and written with exactly `decimals` decimals. */
export function formatFixed(x: number, decimals: number): string {
  return roundHalfUp(x, decimals).toFixed(decimals);
}

/** Decimals for figures on the 1–4 rating scale (S, dimension scores, leniency, spreads). */
export const SCALE_DECIMALS = 2;

/** A score on the 1–4 scale as shown: two decimals, or "—" when there is none. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "—" : formatFixed(score, SCALE_DECIMALS);
}

/** The score as shown, as a number: what bands are read from and exports carry. */
export function shownScore(score: number | null): number | null {
  return score === null ? null : roundHalfUp(score, SCALE_DECIMALS);
}

/** "+0.25", "−0.10", "±0.00": an offset on the rating scale, with a real minus sign. */
export function formatSigned(x: number, decimals = SCALE_DECIMALS): string {
  const r = roundHalfUp(x, decimals);
  return `${r > 0 ? "+" : r < 0 ? "−" : "±"}${Math.abs(r).toFixed(decimals)}`;
}

/** A share as a whole percentage: 0.845 → "85%". */
export function formatPercent(share: number): string {
  return `${roundHalfUp(share * 100, 0)}%`;
}
