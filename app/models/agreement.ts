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
 * Replicates for a bootstrap over this many units: 1,000 up to 2,000 units (a few hundred
 * candidates), fewer beyond, never under 200. The interval narrows as the data grows, so its
 * percentiles settle to the two decimals shown with fewer draws, and the page stays fast at
 * 20,000 candidates.
 */
export function replicatesFor(units: number): number {
  return Math.max(200, Math.min(1000, Math.floor(2_000_000 / Math.max(1, units))));
}

/** Alpha overall and per dimension. */
export type Agreement = { overall: AgreementMeasure; byDimension: Record<string, AgreementMeasure> };

export type CandidateUnits = { dimension: string; values: number[] }[];

/**
 * One unit as counts: `[candidate, dimension, n₁, n₂, …]`, where nᵢ is how many voices chose the
 * i-th of the levels passed beside it. Rows of one candidate are adjacent. The maintained
 * agreement units are stored this way, so calibration hands them over as read.
 */
export type UnitCounts = [candidate: number, dimension: string, ...counts: number[]];

/**
 * Alpha (interval and ordinal) per dimension and over all dimensions, each with a 95% bootstrap
 * interval, from each candidate's units as lists of values.
 */
export function agreementByDimension(byCandidate: CandidateUnits[], options: { replicates?: number; seed?: number } = {}): Agreement {
  const levels = [...new Set(byCandidate.flatMap((units) => units.flatMap((u) => u.values)))].sort((a, b) => a - b);
  const index = new Map(levels.map((v, i) => [v, i]));
  const rows: UnitCounts[] = byCandidate.flatMap((units, c) =>
    units.map((u) => {
      const counts = new Array<number>(levels.length).fill(0);
      for (const v of u.values) counts[index.get(v)!]! += 1;
      return [c, u.dimension, ...counts] as UnitCounts;
    }),
  );
  return agreementFromCounts(levels, rows, options);
}

/**
 * The same, from units as counts over `levels`. A level nobody chose adds nothing to either
 * metric, so the rubric's four levels can be passed whatever was used.
 */
export function agreementFromCounts(levels: number[], rows: UnitCounts[], options: { replicates?: number; seed?: number } = {}): Agreement {
  const dimensions = [...new Set(rows.map((row) => row[1]))].sort();
  const dimensionIndex = new Map(dimensions.map((d, i) => [d, i]));
  const units = unitTable(levels.length, dimensions.length);
  for (const row of rows) units.add(row[0], dimensionIndex.get(row[1])!, row.slice(2) as number[]);
  return agreementOfUnits(levels, dimensions, units, options);
}

/**
 * The same, from units packed one number each by the maintained aggregates' read (calibration):
 * `candidate × 2²¹ + dimension × 2¹⁶ + n₁ + n₂·2⁴ + n₃·2⁸ + n₄·2¹²`, over four levels, with the
 * dimension an index into `dimensions` (sorted) and each count under 16. Reading one number per
 * unit instead of a row is most of what calibration saves at 20,000 candidates.
 */
export function agreementFromPackedUnits(
  dimensions: string[],
  packed: number[],
  options: { replicates?: number; seed?: number } = {},
): Agreement {
  const units = unitTable(4, dimensions.length);
  const counts = [0, 0, 0, 0];
  for (const code of packed) {
    const candidate = Math.floor(code / PACKED_CANDIDATE);
    const rest = code - candidate * PACKED_CANDIDATE;
    for (let level = 0; level < 4; level++) counts[level] = (rest >>> (4 * level)) & 15;
    units.add(candidate, rest >>> 16, counts);
  }
  return agreementOfUnits([1, 2, 3, 4], dimensions, units, options);
}

/** The place of the candidate in a packed unit (agreementFromPackedUnits). */
export const PACKED_CANDIDATE = 2 ** 21;

type UnitTable = ReturnType<typeof unitTable>;

/**
 * Units, one at a time (a candidate's adjacent), the pairable ones sorted into types. Units with the same
 * dimension and the same mix of levels have the same coincidences, and there are few such mixes
 * (a handful of voices over four levels). So a bootstrap replicate adds one weight per unit to its
 * type, then one matrix per type: cheap enough to resample thousands of candidates hundreds of times.
 */
function unitTable(k: number, D: number) {
  const cells = k * k;
  let unitType = new Int32Array(1024);
  // Candidates are numbered in the order they first appear: the bootstrap draws these numbers,
  // and candidate g's units are unitType[candidateStart[g] … candidateStart[g + 1]).
  const candidateStart: number[] = [];
  const candidatesWith = new Array<number>(D).fill(0);
  const unitsWith = new Array<number>(D).fill(0);
  const typeIndex = new Map<number | string, number>();
  const typeMatrices: Float64Array[] = [];
  const typeDimension: number[] = [];
  let lastCandidate: number | null = null;
  let seen = new Set<number>();
  let unitCount = 0;
  // A number for the usual case (up to five levels, under 256 voices each), built without allocating.
  const typeKey = (d: number, counts: ArrayLike<number>): number | string => {
    let key = d;
    for (let i = 0; i < k; i++) {
      if (k > 5 || counts[i]! > 255) return `${d}:${Array.from(counts).join(",")}`;
      key = key * 256 + counts[i]!;
    }
    return key;
  };
  const closeCandidate = () => seen.forEach((d) => (candidatesWith[d]! += 1));
  return {
    cells,
    unitsWith,
    candidatesWith,
    typeMatrices,
    typeDimension,
    get unitCount() {
      return unitCount;
    },
    get unitType() {
      return unitType;
    },
    candidateStart,
    /** Adds a unit; one with fewer than two voices can't be paired and is left out, as the method prescribes. */
    add(candidate: number, d: number, counts: ArrayLike<number>) {
      let voices = 0;
      for (let i = 0; i < k; i++) voices += counts[i]!;
      if (voices < 2) return;
      if (candidate !== lastCandidate) {
        closeCandidate();
        seen = new Set();
        candidateStart.push(unitCount);
        lastCandidate = candidate;
      }
      const key = typeKey(d, counts);
      let t = typeIndex.get(key);
      if (t === undefined) {
        const matrix = new Float64Array(cells);
        const weight = 1 / (voices - 1);
        // Ordered pairs of voices from different coders: n_a·n_b across levels, n_a·(n_a − 1) within.
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) matrix[a * k + b] = (a === b ? counts[a]! * (counts[a]! - 1) : counts[a]! * counts[b]!) * weight;
        typeIndex.set(key, (t = typeMatrices.length));
        typeMatrices.push(matrix);
        typeDimension.push(d);
      }
      if (unitCount === unitType.length) {
        const grown = new Int32Array(unitType.length * 2);
        grown.set(unitType);
        unitType = grown;
      }
      unitType[unitCount++] = t;
      unitsWith[d]! += 1;
      seen.add(d);
    },
    /** Call once, after the last unit: closes the last candidate. */
    finish() {
      closeCandidate();
      seen = new Set();
      candidateStart.push(unitCount);
    },
  };
}

/**
 * Alpha (interval and ordinal) per dimension with units and overall, each with a 95% bootstrap
 * interval over candidates. One resample of candidates per replicate serves every measure.
 */
function agreementOfUnits(
  levels: number[],
  allDimensions: string[],
  units: UnitTable,
  { replicates, seed = BOOTSTRAP_SEED }: { replicates?: number; seed?: number },
): Agreement {
  units.finish();
  const k = levels.length;
  const { cells, unitType, unitCount, candidateStart, typeMatrices, typeDimension, unitsWith, candidatesWith } = units;
  const D = allDimensions.length;
  const G = candidateStart.length - 1;
  const typeWeights = new Float64Array(typeMatrices.length);

  /** Σ over units of (their candidate's weight) × matrix, per dimension (flattened D × cells). */
  const sums = (candidateWeights: ArrayLike<number> | null, out: Float64Array) => {
    typeWeights.fill(0);
    if (candidateWeights === null) for (let u = 0; u < unitCount; u++) typeWeights[unitType[u]!]! += 1;
    else
      for (let g = 0; g < G; g++) {
        const w = candidateWeights[g]!;
        // About a third of the candidates are not drawn in a replicate.
        if (w === 0) continue;
        for (let u = candidateStart[g]!, end = candidateStart[g + 1]!; u < end; u++) typeWeights[unitType[u]!]! += w;
      }
    out.fill(0);
    for (let t = 0; t < typeMatrices.length; t++) {
      const w = typeWeights[t]!;
      if (w === 0) continue;
      const m = typeMatrices[t]!;
      const to = typeDimension[t]! * cells;
      for (let x = 0; x < cells; x++) out[to + x]! += w * m[x]!;
    }
    return out;
  };
  const asMatrix = (flat: Float64Array, d: number | null): Matrix =>
    Array.from({ length: k }, (_, r) =>
      Array.from({ length: k }, (_, c) => {
        if (d !== null) return flat[d * cells + r * k + c]!;
        let t = 0;
        for (let x = 0; x < D; x++) t += flat[x * cells + r * k + c]!;
        return t;
      }),
    );
  const alphas = (flat: Float64Array, d: number | null) => {
    const m = asMatrix(flat, d);
    return { interval: alphaFromCoincidences(m, levels, "interval"), ordinal: alphaFromCoincidences(m, levels, "ordinal") };
  };

  const total = sums(null, new Float64Array(D * cells));
  const measure = (d: number | null): AgreementMeasure => {
    const a = alphas(total, d);
    const pairableValues = Math.round(a.interval.n);
    const candidates = d === null ? G : candidatesWith[d]!;
    return {
      interval: a.interval.alpha,
      ordinal: a.ordinal.alpha,
      intervalCi: null,
      ordinalCi: null,
      pairable: pairableValues,
      units: d === null ? unitCount : unitsWith[d]!,
      candidates,
      enough: pairableValues >= MIN_PAIRABLE && candidates >= MIN_CANDIDATES,
    };
  };
  // Only dimensions some pairable unit has.
  const dimensions = allDimensions.flatMap((name, d) => (unitsWith[d]! > 0 ? [{ name, d }] : []));
  const overall = measure(null);
  const byDimension = dimensions.map(({ d }) => measure(d));
  const wanted: [number | null, AgreementMeasure][] = [
    [null, overall] as [number | null, AgreementMeasure],
    ...dimensions.map(({ d }, i): [number | null, AgreementMeasure] => [d, byDimension[i]!]),
  ].filter(([, m]) => m.enough);
  if (wanted.length) {
    const random = mulberry32(seed);
    const counts = new Uint32Array(G);
    const sample = new Float64Array(D * cells);
    const draws = wanted.map(() => ({ interval: [] as number[], ordinal: [] as number[] }));
    for (let r = 0, R = replicates ?? replicatesFor(unitCount); r < R; r++) {
      counts.fill(0);
      for (let i = 0; i < G; i++) counts[Math.floor(random() * G)]! += 1;
      sums(counts, sample);
      wanted.forEach(([d], i) => {
        const a = alphas(sample, d);
        if (a.interval.alpha !== null) draws[i]!.interval.push(a.interval.alpha);
        if (a.ordinal.alpha !== null) draws[i]!.ordinal.push(a.ordinal.alpha);
      });
    }
    wanted.forEach(([, m], i) => {
      m.intervalCi = percentileInterval(draws[i]!.interval);
      m.ordinalCi = percentileInterval(draws[i]!.ordinal);
    });
  }
  return { overall, byDimension: Object.fromEntries(dimensions.map(({ name }, i) => [name, byDimension[i]!])) };
}

/** One measure over candidates' units (a single dimension, or units pooled as one). */
export function agreementOverCandidates(byCandidate: number[][][], options: { replicates?: number; seed?: number } = {}): AgreementMeasure {
  return agreementByDimension(
    byCandidate.map((units) => units.map((values) => ({ dimension: "all", values }))),
    options,
  ).overall;
}
