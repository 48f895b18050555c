import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "./agreement";

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
