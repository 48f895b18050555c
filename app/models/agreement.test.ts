import { describe, expect, it } from "vitest";
import { agreementOverCandidates, krippendorffAlpha, MIN_CANDIDATES } from "./agreement";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with four
// observers, twelve units and missing values (columns are units, rows observers A–D).
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].filter((v): v is number => v !== null));

describe("Krippendorff's alpha against the published worked example", () => {
  it("interval: 0.849", () => {
    expect(krippendorffAlpha(units, "interval").alpha).toBeCloseTo(0.849, 3);
  });
  it("ordinal: 0.815", () => {
    expect(krippendorffAlpha(units, "ordinal").alpha).toBeCloseTo(0.815, 3);
  });
  it("nominal: 0.743", () => {
    expect(krippendorffAlpha(units, "nominal").alpha).toBeCloseTo(0.743, 3);
  });
  it("counts the pairable values: unit 12 has a single value and is left out (n = 40)", () => {
    expect(krippendorffAlpha(units, "interval")).toMatchObject({ pairable: 40, units: 11 });
  });
});

describe("edge cases", () => {
  it("perfect agreement with variation is 1", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [3, 3, 3],
          [4, 4],
        ],
        "interval",
      ).alpha,
    ).toBe(1);
  });
  it("all ratings equal: no variation, alpha undefined (null)", () => {
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        "interval",
      ).alpha,
    ).toBeNull();
  });
  it("a single interviewer per unit: nothing pairable", () => {
    expect(krippendorffAlpha([[3], [2], [4]], "ordinal")).toEqual({ alpha: null, pairable: 0, units: 0 });
  });
  it("systematic disagreement is below 0", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 4],
          [4, 1],
          [2, 3],
          [3, 2],
        ],
        "interval",
      ).alpha!,
    ).toBeLessThan(0);
  });
});

describe("the bootstrap interval over candidates", () => {
  // The same twelve candidates as app/models/reference/alpha_bootstrap.py, which computes alpha
  // from its pairwise definition and runs the same seeded bootstrap independently. It printed:
  //   {"alpha": 0.7251585623678647, "low": 0.49014508249429256, "high": 0.8032974528933078}
  const candidates = [
    [
      [3, 3],
      [4, 3, 4],
    ],
    [
      [2, 2],
      [2, 3],
    ],
    [
      [4, 4, 3],
      [3, 3],
    ],
    [
      [1, 2],
      [2, 2, 1],
    ],
    [
      [3, 4],
      [4, 4],
    ],
    [
      [2, 3],
      [3, 2],
    ],
    [
      [4, 4],
      [4, 3],
    ],
    [
      [1, 1],
      [2, 1],
    ],
    [
      [3, 3, 3],
      [2, 3],
    ],
    [
      [2, 1],
      [1, 1],
    ],
    [
      [4, 3],
      [3, 4, 4],
    ],
    [
      [3, 2],
      [2, 2],
    ],
  ];

  it("matches the independent reference: alpha and its 95% interval", () => {
    const m = agreementOverCandidates(candidates, { replicates: 200, seed: 20261130 });
    expect(m.interval).toBeCloseTo(0.7251585623678647, 10);
    expect(m.intervalCi!.low).toBeCloseTo(0.49014508249429256, 10);
    expect(m.intervalCi!.high).toBeCloseTo(0.8032974528933078, 10);
    expect(m).toMatchObject({ candidates: 12, units: 24, pairable: 53, enough: true });
  });

  it("is stable: the same data gives the same interval on every load", () => {
    expect(agreementOverCandidates(candidates)).toEqual(agreementOverCandidates(candidates));
  });

  it("gives no number and no interval with too few candidates", () => {
    const few = agreementOverCandidates(candidates.slice(0, MIN_CANDIDATES - 1));
    expect(few).toMatchObject({ enough: false, intervalCi: null, ordinalCi: null, candidates: MIN_CANDIDATES - 1 });
  });
});
