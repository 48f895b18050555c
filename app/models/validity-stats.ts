// Does the loop predict the job? The statistics behind the validity page, pure so they can be
// checked against worked examples and an independent reference (reference/validity_bootstrap.py).
// Why Spearman, why these minimums, and what the figures cannot say:
// docs/decisions/012-validity-statistics.md.
import { mulberry32 } from "./agreement";

/** The same seed on every load, so the page's intervals do not move between visits. */
export const VALIDITY_SEED = 20261208;
export const REPLICATES = 2000;

/**
 * How many hires with outcomes a figure needs before it is shown at all, each with its reason.
 * Below these the page says how many more it needs and shows no number.
 */
export const MINIMUM_HIRES = {
  correlation: {
    n: 10,
    reason:
      "Below 10 hires a rank correlation's 95% interval spans most of −1 to 1 whatever the data, and a bootstrap over so few people repeats the same handful: a number would look like evidence and be none.",
  },
  weights: {
    n: 15,
    reason:
      "Fitting seven weights needs more people than reading one correlation: below 15 hires the fitted weights swing from one resample to the next by more than the weights themselves.",
  },
} as const;

export type Interval = { low: number; high: number };

/** Ranks 1..n, ties sharing the mean of the ranks they span (the usual rule for Spearman's rho). */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]![1]] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's r, or null when either side does not vary (no correlation is defined). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A spread this small is rounding noise on identical values.
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Spearman's rho: Pearson's r on average ranks, so ties (an outcome scale of four levels) count fairly. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** The 2.5th and 97.5th percentiles, linear between order statistics (as agreement.ts does). */
export function percentile95(values: readonly number[]): Interval {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const pos = p * (s.length - 1);
    const lo = Math.floor(pos);
    return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
  };
  return { low: at(0.025), high: at(0.975) };
}

/**
 * Resamples of n people with replacement, the same ones for every figure computed from the same
 * people and seed. Bootstrapping people (not ratings) keeps one hire's numbers together.
 */
export function resamples(n: number, { replicates = REPLICATES, seed = VALIDITY_SEED } = {}): number[][] {
  const random = mulberry32(seed);
  return Array.from({ length: replicates }, () => Array.from({ length: n }, () => Math.floor(random() * n)));
}

export type Correlation =
  | { enough: false; n: number; needed: number }
  | { enough: true; n: number; rho: number; interval: Interval | null; degenerate: number }
  // Enough people, but one side never varies: no correlation is defined.
  | { enough: true; n: number; rho: null; interval: null; degenerate: number };

/**
 * Spearman's rho between interview scores and outcomes over the pairs given (one per hire), with
 * a 95% percentile bootstrap interval over hires. Resamples where a side doesn't vary have no rho
 * and are left out; `degenerate` says how many, and with more than a tenth of them there is no
 * interval (what is left over-represents the resamples that happened to vary).
 */
export function rankCorrelation(
  pairs: readonly { x: number; y: number }[],
  { minimum = MINIMUM_HIRES.correlation.n, replicates = REPLICATES, seed = VALIDITY_SEED } = {},
): Correlation {
  const n = pairs.length;
  if (n < minimum) return { enough: false, n, needed: minimum };
  const xs = pairs.map((p) => p.x);
  const ys = pairs.map((p) => p.y);
  const rho = spearman(xs, ys);
  if (rho === null) return { enough: true, n, rho: null, interval: null, degenerate: 0 };
  const draws: number[] = [];
  let degenerate = 0;
  for (const sample of resamples(n, { replicates, seed })) {
    const r = spearman(
      sample.map((i) => xs[i]!),
      sample.map((i) => ys[i]!),
    );
    if (r === null) degenerate += 1;
    else draws.push(r);
  }
  return { enough: true, n, rho, interval: degenerate > replicates / 10 ? null : percentile95(draws), degenerate };
}

/**
 * Decimals a correlation is shown with: its standard error is about 1/√n, so below 100 people the
 * second decimal is noise and only one is shown.
 */
export function correlationDecimals(n: number): number {
  return n >= 100 ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------
// Weight advice.

export type HireScores = { scores: Record<string, number | null>; outcome: number };

/** S under these weights: Σ w·s ÷ Σ w over the dimensions rated and weighted (the product's rule). */
export function weightedScore(scores: Record<string, number | null>, weights: Record<string, number>): number | null {
  let sum = 0;
  let weight = 0;
  for (const [key, w] of Object.entries(weights)) {
    const s = scores[key];
    if (s === null || s === undefined || w <= 0) continue;
    sum += w * s;
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

/**
 * Shares of 100 as whole numbers that add up to 100, each at least `floor` (largest remainder;
 * ties to the earlier key).
 */
export function wholePercentages(raw: Record<string, number>, floor = 0): Record<string, number> {
  const keys = Object.keys(raw);
  const total = keys.reduce((a, k) => a + raw[k]!, 0);
  const spare = 100 - floor * keys.length;
  if (total <= 0 || spare < 0) return Object.fromEntries(keys.map((k) => [k, floor]));
  const exact = keys.map((k) => (raw[k]! / total) * spare);
  const whole = exact.map(Math.floor);
  let left = spare - whole.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - whole[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    whole[i]! += 1;
    left -= 1;
  }
  return Object.fromEntries(keys.map((k, i) => [k, whole[i]! + floor]));
}

/** The least weight a rubric dimension may have (rubric.ts), which a dimension that predicts nothing keeps. */
export const LEAST_WEIGHT = 1;

/**
 * Weights fitted to outcomes: each dimension's weight in proportion to its rank correlation with
 * the outcome, a dimension that doesn't predict it (zero or negative) keeping only the least weight
 * a rubric allows. Correlation
 * weights rather than regression weights: with tens of hires, regression weights on seven
 * correlated dimensions mostly fit noise (the ADR gives the references). Null when no dimension
 * predicts the outcome.
 */
export function fittedWeights(hires: readonly HireScores[], dimensions: readonly string[]): Record<string, number> | null {
  const raw: Record<string, number> = {};
  for (const d of dimensions) {
    const rated = hires.filter((h) => typeof h.scores[d] === "number");
    const rho = spearman(
      rated.map((h) => h.scores[d] as number),
      rated.map((h) => h.outcome),
    );
    raw[d] = rho !== null && rho > 0 ? rho : 0;
  }
  return Object.values(raw).some((w) => w > 0) ? wholePercentages(raw, LEAST_WEIGHT) : null;
}

export type WeightAdvice =
  | { enough: false; n: number; needed: number }
  | {
      enough: true;
      n: number;
      current: Record<string, number>;
      /** Null when no dimension predicts the outcome. */
      fitted: Record<string, number> | null;
      /** Each fitted weight's 95% bootstrap interval (resamples refitted from scratch). */
      fittedIntervals: Record<string, Interval>;
      /** rho between S under the current weights and the outcome. */
      currentRho: number | null;
      /** rho between each hire's S under weights fitted without them and their outcome: out of sample. */
      leaveOneOutRho: number | null;
      /** Each hire's rank under both weightings (1 = highest S), in the order given. */
      ranks: { current: number | null; fitted: number | null }[];
    };

/** Ranks 1..n by score, highest first, ties sharing the better rank; null scores unranked. */
function ranksHighestFirst(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}

/**
 * How past hires rank under the current weights and under weights fitted to their outcomes. Never
 * applied by itself: a person starts a rubric draft from it.
 */
export function weightAdvice(
  hires: readonly HireScores[],
  current: Record<string, number>,
  { minimum = MINIMUM_HIRES.weights.n, replicates = REPLICATES, seed = VALIDITY_SEED } = {},
): WeightAdvice {
  const n = hires.length;
  if (n < minimum) return { enough: false, n, needed: minimum };
  const dimensions = Object.keys(current);
  const fitted = fittedWeights(hires, dimensions);
  const draws: Record<string, number[]> = Object.fromEntries(dimensions.map((d) => [d, []]));
  for (const sample of resamples(n, { replicates, seed })) {
    const w = fittedWeights(
      sample.map((i) => hires[i]!),
      dimensions,
    );
    // A resample where nothing predicts the outcome has no fitted weights to count.
    if (w) for (const d of dimensions) draws[d]!.push(w[d]!);
  }
  const outcomes = hires.map((h) => h.outcome);
  const currentScores = hires.map((h) => weightedScore(h.scores, current));
  const fittedScores = hires.map((h) => (fitted ? weightedScore(h.scores, fitted) : null));
  const looScores = hires.map((h, i) => {
    const w = fittedWeights(
      hires.filter((_, j) => j !== i),
      dimensions,
    );
    return w ? weightedScore(h.scores, w) : null;
  });
  const rhoOver = (scores: (number | null)[]) => {
    const kept = scores.flatMap((s, i) => (s === null ? [] : [[s, outcomes[i]!] as const]));
    return spearman(
      kept.map((k) => k[0]),
      kept.map((k) => k[1]),
    );
  };
  const currentRanks = ranksHighestFirst(currentScores);
  const fittedRanks = ranksHighestFirst(fittedScores);
  return {
    enough: true,
    n,
    current,
    fitted,
    fittedIntervals: Object.fromEntries(dimensions.flatMap((d) => (draws[d]!.length ? [[d, percentile95(draws[d]!)]] : []))),
    currentRho: rhoOver(currentScores),
    leaveOneOutRho: rhoOver(looScores),
    ranks: hires.map((_, i) => ({ current: currentRanks[i]!, fitted: fittedRanks[i]! })),
  };
}
