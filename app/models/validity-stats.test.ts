import { describe, expect, it } from "vitest";
import {
  averageRanks,
  correlationDecimals,
  fittedWeights,
  MINIMUM_HIRES,
  pearson,
  rankCorrelation,
  spearman,
  weightAdvice,
  weightedScore,
  wholePercentages,
} from "./validity-stats";

describe("the correlations, on worked examples", () => {
  it("Pearson's r: x 1..5 against y 2,4,5,4,5 is 6/√60 = √0.6, worked by hand", () => {
    // Means 3 and 4; Σdx·dy = 4+0+0+0+2 = 6, Σdx² = 10, Σdy² = 6, so r = 6/√60.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(Math.sqrt(0.6), 12);
  });

  it("Spearman's rho: the textbook IQ and television example gives −29/165", () => {
    // Wikipedia's worked example of Spearman's rank correlation (no ties): Σd² = 194, so
    // rho = 1 − 6·194 / (10·99) = −29/165, by the no-ties formula rather than by ranking and Pearson.
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it("tied values share the mean of the ranks they span", () => {
    expect(averageRanks([2, 3, 3, 1])).toEqual([2, 3.5, 3.5, 1]);
    expect(averageRanks([4, 4, 4])).toEqual([2, 2, 2]);
  });

  it("gives no correlation when one side never varies", () => {
    expect(pearson([1, 2, 3], [3, 3, 3])).toBeNull();
    expect(spearman([3, 3, 3], [1, 2, 3])).toBeNull();
  });
});

describe("the bootstrap interval over hires", () => {
  // The same twelve hires as app/models/reference/validity_bootstrap.py, which ranks pairwise,
  // correlates with Python's statistics.correlation and runs the same seeded bootstrap on its
  // own. It printed:
  //   {"rho": 0.6779350703393059, "low": 0.21624153341293276, "high": 0.9112272543544078, "degenerate": 0}
  const S = [3.62, 3.1, 2.95, 3.45, 3.05, 3.8, 3.2, 2.9, 3.55, 3.0, 3.33, 3.15];
  const outcome = [4, 3, 2, 3, 3, 4, 2, 2, 3, 3, 4, 2];
  const pairs = S.map((x, i) => ({ x, y: outcome[i]! }));

  it("matches the independent reference: rho and its 95% interval", () => {
    const r = rankCorrelation(pairs);
    if (!r.enough || r.rho === null) throw new Error("expected a figure");
    expect(r.rho).toBeCloseTo(0.6779350703393059, 10);
    expect(r.interval!.low).toBeCloseTo(0.21624153341293276, 10);
    expect(r.interval!.high).toBeCloseTo(0.9112272543544078, 10);
    expect(r).toMatchObject({ n: 12, degenerate: 0 });
  });

  it("is stable: the same hires give the same interval on every load", () => {
    expect(rankCorrelation(pairs)).toEqual(rankCorrelation(pairs));
  });

  it("shows no number below the minimum, and says how many it needs", () => {
    const few = pairs.slice(0, MINIMUM_HIRES.correlation.n - 1);
    expect(rankCorrelation(few)).toEqual({ enough: false, n: 9, needed: 10 });
  });

  it("has no rho when every outcome is the same, and no interval when most resamples don't vary", () => {
    expect(rankCorrelation(pairs.map((p) => ({ ...p, y: 3 })))).toMatchObject({ enough: true, rho: null, interval: null });
    // One hire rated differently: most resamples of 10 leave them out, so a side never varies.
    const nearlyFlat = Array.from({ length: 10 }, (_, i) => ({ x: i, y: i === 0 ? 1 : 3 }));
    const r = rankCorrelation(nearlyFlat);
    expect(r.enough && r.degenerate).toBeGreaterThan(200);
    expect(r).toMatchObject({ interval: null });
  });

  it("shows one decimal below 100 hires: the second would be noise", () => {
    expect(correlationDecimals(12)).toBe(1);
    expect(correlationDecimals(250)).toBe(2);
  });
});

describe("weight advice", () => {
  const dims = ["a", "b", "c"];
  // Outcome follows a closely, b loosely, c against it.
  const hires = Array.from({ length: 16 }, (_, i) => {
    const level = 1 + (i % 4);
    return {
      scores: { a: level + (i % 3) * 0.1, b: ((i * 7) % 4) + 1, c: 5 - level } as Record<string, number | null>,
      outcome: level,
    };
  });

  it("S under given weights renormalises over the rated, weighted dimensions", () => {
    expect(weightedScore({ a: 4, b: 2, c: null }, { a: 30, b: 10, c: 60 })).toBe(3.5);
    expect(weightedScore({ a: 4, b: 2 }, { a: 0, b: 0 })).toBeNull();
  });

  it("whole percentages add up to 100, the largest remainders rounded up", () => {
    expect(wholePercentages({ a: 1, b: 1, c: 1 })).toEqual({ a: 34, b: 33, c: 33 });
    expect(wholePercentages({ a: 0.5, b: 0.25 })).toEqual({ a: 67, b: 33 });
    // With a floor of 1 each, the 97 left are shared out: 0 still gets its 1.
    expect(wholePercentages({ a: 3, b: 1, c: 0 }, 1)).toEqual({ a: 74, b: 25, c: 1 });
  });

  it("fits only the least weight a rubric allows to a dimension that runs against the outcome", () => {
    const w = fittedWeights(hires, dims)!;
    expect(w.c).toBe(1);
    expect(w.a).toBeGreaterThan(w.b!);
    expect(w.a! + w.b! + w.c!).toBe(100);
  });

  it("ranks past hires under both weightings, with an out-of-sample correlation, and never below the minimum", () => {
    const advice = weightAdvice(hires, { a: 20, b: 20, c: 60 }, { replicates: 300 });
    if (!advice.enough) throw new Error("expected advice");
    expect(advice.ranks).toHaveLength(16);
    // The current weights lean on c, which runs against the outcome; the fitted ones predict it.
    expect(advice.currentRho!).toBeLessThan(0);
    expect(advice.leaveOneOutRho!).toBeGreaterThan(0.8);
    expect(advice.fittedIntervals.c).toEqual({ low: 1, high: 1 });
    expect(weightAdvice(hires.slice(0, 14), { a: 50, b: 50, c: 0 })).toEqual({ enough: false, n: 14, needed: 15 });
  });
});
