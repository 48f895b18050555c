// Krippendorff's alpha for panel agreement (product.md, "Panel agreement"): interval and
// ordinal metrics, any number of coders, missing ratings allowed. Pure. Computed from the
// coincidence matrix as in Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability".

export type AlphaMetric = "interval" | "ordinal" | "nominal";

export interface AlphaResult {
  /** null when there is no variation or nothing pairable (alpha is undefined). */
  alpha: number | null;
  /** n: values in units with at least two values (the pairable values). */
  pairable: number;
  units: number;
}

/** Below this many pairable values, alpha is reported but marked as too little data. */
export const MIN_PAIRABLE = 30;

/**
 * @param units each unit (here: one candidate × one dimension) is the list of values the coders
 *   gave it; coders who didn't rate it are simply absent. Units with one value can't be paired
 *   and are ignored, as the method prescribes.
 */
export function krippendorffAlpha(units: number[][], metric: AlphaMetric): AlphaResult {
  const pairableUnits = units.filter((u) => u.length >= 2);
  const values = [...new Set(pairableUnits.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const k = values.length;
  // Coincidence matrix o[c][k]: each ordered pair of values from different coders in a unit
  // contributes 1 / (m_u - 1).
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const unit of pairableUnits) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++)
      for (let j = 0; j < unit.length; j++) if (i !== j) o[index.get(unit[i]!)!]![index.get(unit[j]!)!]! += weight;
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  // One value throughout (or nothing to pair): no variation to agree on, so alpha is undefined.
  if (n < 2 || k < 2) return { alpha: null, pairable: Math.round(n), units: pairableUnits.length };

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
  const Do = observed / n;
  const De = expected / (n * (n - 1));
  return { alpha: De === 0 ? null : 1 - Do / De, pairable: Math.round(n), units: pairableUnits.length };
}
