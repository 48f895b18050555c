import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agreementByDimension,
  agreementFromCounts,
  agreementFromPackedUnits,
  PACKED_CANDIDATE,
  agreementOverCandidates,
  krippendorffAlpha,
  MIN_CANDIDATES,
  type UnitCounts,
} from "./agreement";

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

describe("agreement from stored level counts (what calibration reads)", () => {
  // Each candidate: a few dimensions, each with 1–4 voices on a 1–4 scale, often using only some levels.
  const panels = fc.array(
    fc.uniqueArray(
      fc.record({
        dimension: fc.constantFrom("design", "debugging", "leadership"),
        values: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 4 }),
      }),
      {
        selector: (u) => u.dimension,
        minLength: 1,
      },
    ),
    { minLength: 12, maxLength: 40 },
  );

  it("gives the same alpha and interval as the ratings themselves, though levels nobody chose are passed", () => {
    fc.assert(
      fc.property(panels, (byCandidate) => {
        const rows: UnitCounts[] = byCandidate.flatMap((units, c) =>
          units.map((u) => [c, u.dimension, ...[1, 2, 3, 4].map((level) => u.values.filter((v) => v === level).length)] as UnitCounts),
        );
        const fromValues = agreementByDimension(byCandidate, { replicates: 50 });
        const fromCounts = agreementFromCounts([1, 2, 3, 4], rows, { replicates: 50 });
        for (const [a, b] of [
          [fromValues.overall, fromCounts.overall],
          ...Object.keys(fromValues.byDimension).map((d) => [fromValues.byDimension[d]!, fromCounts.byDimension[d]!]),
        ]) {
          expect(b).toMatchObject({ pairable: a!.pairable, units: a!.units, candidates: a!.candidates, enough: a!.enough });
          for (const key of ["interval", "ordinal"] as const) {
            if (a![key] === null) expect(b![key]).toBeNull();
            else expect(b![key]).toBeCloseTo(a![key]!, 9);
          }
          for (const ci of ["intervalCi", "ordinalCi"] as const) {
            expect(b![ci] === null).toBe(a![ci] === null);
            if (a![ci]) {
              expect(b![ci]!.low).toBeCloseTo(a![ci]!.low, 9);
              expect(b![ci]!.high).toBeCloseTo(a![ci]!.high, 9);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("gives exactly the same figures from units packed one number each as from rows", () => {
    fc.assert(
      fc.property(panels, fc.integer({ min: 1, max: 4_000_000 }), (byCandidate, firstId) => {
        const dimensions = ["debugging", "design", "leadership"];
        const counts = (values: number[]) => [1, 2, 3, 4].map((level) => values.filter((v) => v === level).length);
        const rows: UnitCounts[] = byCandidate.flatMap((units, c) =>
          units.map((u) => [firstId + c, u.dimension, ...counts(u.values)] as UnitCounts),
        );
        const packed = rows.map(
          ([candidate, dimension, n1, n2, n3, n4]) =>
            candidate * PACKED_CANDIDATE + dimensions.indexOf(dimension) * 65536 + n1! + n2! * 16 + n3! * 256 + n4! * 4096,
        );
        expect(agreementFromPackedUnits(dimensions, packed, { replicates: 50 })).toEqual(
          agreementFromCounts([1, 2, 3, 4], rows, { replicates: 50 }),
        );
      }),
      { numRuns: 60 },
    );
  });
});
