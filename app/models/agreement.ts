// Krippendorff's alpha for panel agreement (product.md, "Panel agreement"): interval and
// ordinal metrics, any number of coders, missing ratings allowed. Pure. Computed from the
// coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
// with a 95% interval from a bootstrap over candidates (the units of a candidate are one
// person's interviews and move together, so candidates, not units, are resampled).

export type AlphaMetric = "interval" | "ordinal" | "nominal";

export interface AlphaResult {
  /** null when there is no variation or nothing pairable (alpha is undefined). */
  alpha: number | null;
  /** n: values in units with at least two values (the pairable values). */
  pairable: number;
  units: number;
}

/** Below this many pairable values, alpha is not shown as a number. */
export const MIN_PAIRABLE = 30;
/**
 * Below this many candidates, alpha is not shown as a number either. With fewer than ten
 * candidates, the bootstrap interval on panels like the demo's is 0.6–0.9 wide: it spans poor to
 * good agreement, so a two-decimal alpha would claim far more than the data holds.
 */
export const MIN_CANDIDATES = 10;

type Matrix = number[][];

/** Each ordered pair of values from different coders in a unit adds 1 / (m_u − 1). */
function addCoincidences(o: Matrix, unit: number[], index: Map<number, number>) {
  if (unit.length < 2) return;
  const weight = 1 / (unit.length - 1);
  for (let i = 0; i < unit.length; i++)
    for (let j = 0; j < unit.length; j++) if (i !== j) o[index.get(unit[i]!)!]![index.get(unit[j]!)!]! += weight;
}

const emptyMatrix = (k: number): Matrix => Array.from({ length: k }, () => new Array<number>(k).fill(0));

function alphaFromCoincidences(o: Matrix, values: number[], metric: AlphaMetric): { alpha: number | null; n: number } {
  const k = values.length;
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  // One value throughout (or nothing to pair): no variation to agree on, so alpha is undefined.
  if (n < 2 || nc.filter((x) => x > 0).length < 2) return { alpha: null, n };
  const delta2 = (c: number, d: number): number => {
    if (metric === "nominal") return c === d ? 0 : 1;
    if (metric === "interval") return (values[c]! - values[d]!) ** 2;
    // Ordinal: the distance counts how many values lie between the two ranks.
    const [lo, hi] = c < d ? [c, d] : [d, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[g]!;
    return (sum - (nc[c]! + nc[d]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++)
    for (let d = 0; d < k; d++) {
      const dist = delta2(c, d);
      observed += o[c]![d]! * dist;
      expected += nc[c]! * nc[d]! * dist;
    }
  const De = expected / (n * (n - 1));
  return { alpha: De === 0 ? null : 1 - observed / n / De, n };
}

/**
 * @param units each unit (here: one candidate × one dimension) is the list of values the coders
 *   gave it; coders who didn't rate it are simply absent. Units with one value can't be paired
 *   and are ignored, as the method prescribes.
 */
export function krippendorffAlpha(units: number[][], metric: AlphaMetric): AlphaResult {
  const pairableUnits = units.filter((u) => u.length >= 2);
  const values = [...new Set(pairableUnits.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const o = emptyMatrix(values.length);
  for (const unit of pairableUnits) addCoincidences(o, unit, index);
  const { alpha, n } = alphaFromCoincidences(o, values, metric);
  return { alpha, pairable: Math.round(n), units: pairableUnits.length };
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same interval. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BOOTSTRAP_SEED = 20261130;

export interface AgreementMeasure {
  interval: number | null;
  ordinal: number | null;
  /** 95% bootstrap intervals (percentile), or null when there is too little data. */
  intervalCi: { low: number; high: number } | null;
  ordinalCi: { low: number; high: number } | null;
  pairable: number;
  units: number;
  candidates: number;
  enough: boolean;
}

/** The 2.5th and 97.5th percentiles (linear interpolation between order statistics). */
function percentileInterval(xs: number[]): { low: number; high: number } | null {
  if (xs.length < 20) return null;
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => {
    const pos = p * (s.length - 1);
    const lo = Math.floor(pos);
    return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
  };
  return { low: at(0.025), high: at(0.975) };
}

/**
 * Alpha (interval and ordinal) with bootstrap intervals, resampling candidates with replacement.
 * @param byCandidate for each candidate, its units (one list of values per dimension rated).
 */
export function agreementOverCandidates(
  byCandidate: number[][][],
  { replicates = 1000, seed = BOOTSTRAP_SEED }: { replicates?: number; seed?: number } = {},
): AgreementMeasure {
  const withPairs = byCandidate.map((units) => units.filter((u) => u.length >= 2)).filter((units) => units.length > 0);
  const values = [...new Set(withPairs.flat(2))].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  // One coincidence matrix per candidate, so a bootstrap replicate is a sum of matrices.
  const matrices = withPairs.map((units) => {
    const o = emptyMatrix(values.length);
    for (const u of units) addCoincidences(o, u, index);
    return o;
  });
  const total = emptyMatrix(values.length);
  for (const m of matrices) addInto(total, m);
  const interval = alphaFromCoincidences(total, values, "interval");
  const ordinal = alphaFromCoincidences(total, values, "ordinal");
  const units = withPairs.reduce((a, u) => a + u.length, 0);
  const pairable = Math.round(interval.n);
  const enough = pairable >= MIN_PAIRABLE && matrices.length >= MIN_CANDIDATES;
  let intervalCi: AgreementMeasure["intervalCi"] = null;
  let ordinalCi: AgreementMeasure["ordinalCi"] = null;
  if (enough) {
    const random = mulberry32(seed);
    const draws: { interval: number[]; ordinal: number[] } = { interval: [], ordinal: [] };
    const sample = emptyMatrix(values.length);
    for (let r = 0; r < replicates; r++) {
      for (const row of sample) row.fill(0);
      for (let i = 0; i < matrices.length; i++) addInto(sample, matrices[Math.floor(random() * matrices.length)]!);
      const a = alphaFromCoincidences(sample, values, "interval").alpha;
      const b = alphaFromCoincidences(sample, values, "ordinal").alpha;
      if (a !== null) draws.interval.push(a);
      if (b !== null) draws.ordinal.push(b);
    }
    intervalCi = percentileInterval(draws.interval);
    ordinalCi = percentileInterval(draws.ordinal);
  }
  return {
    interval: interval.alpha,
    ordinal: ordinal.alpha,
    intervalCi,
    ordinalCi,
    pairable,
    units,
    candidates: matrices.length,
    enough,
  };
}

function addInto(target: Matrix, m: Matrix) {
  for (let c = 0; c < m.length; c++) {
    const row = m[c]!;
    const out = target[c]!;
    for (let d = 0; d < row.length; d++) out[d]! += row[d]!;
  }
}
