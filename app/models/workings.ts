// The workings line under S, written so a reader can check it by hand and it never disagrees
// with the S and band beside it: each term is exact (a mean that doesn't end after two decimals
// is written as a fraction, 10/3), the sum is given with as many decimals as it takes for
// "sum ÷ weight", rounded half-up, to give the S shown.
import { formatFixed, formatScore, roundHalfUp, SCALE_DECIMALS } from "./numbers";

export interface WorkingsTerm {
  weight: number;
  /** The dimension's ratings: their sum and how many. */
  ratingSum: number;
  ratingCount: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/** A mean of whole ratings, exactly: "3.50", "4", or "10/3" when decimals would never end. */
export function exactMean(sum: number, count: number): string {
  const mean = sum / count;
  if (Number.isInteger(mean)) return String(mean);
  if (Number.isInteger(roundHalfUp(mean * 100, 6))) return formatFixed(mean, 2).replace(/0$/, "");
  const g = gcd(sum, count);
  return `${sum / g}/${count / g}`;
}

export function describeWorkings(terms: WorkingsTerm[]): { terms: string; sum: string; weight: number; score: string } | null {
  const weight = terms.reduce((a, t) => a + t.weight, 0);
  if (!weight) return null;
  const sum = terms.reduce((a, t) => a + (t.weight * t.ratingSum) / t.ratingCount, 0);
  const shown = formatScore(sum / weight);
  let decimals = 2;
  while (decimals < 8 && formatFixed(roundHalfUp(sum, decimals) / weight, SCALE_DECIMALS) !== shown) decimals += 1;
  return {
    terms: terms.map((t) => `${t.weight}×${exactMean(t.ratingSum, t.ratingCount)}`).join(" + "),
    sum: formatFixed(sum, decimals),
    weight,
    score: shown,
  };
}
