import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatFixed, formatPercent, formatScore, formatSigned, roundHalfUp } from "./numbers";
import { bandFor, computeRecommendation, type Level, type RubricForScoring } from "./recommendation";
import { describeWorkings } from "./workings";

const bands: RubricForScoring["bands"] = [
  { key: "strong_hire", label: "Strong hire", minScore: 3.5 },
  { key: "hire", label: "Hire", minScore: 3.0 },
  { key: "lean_no_hire", label: "Lean no hire", minScore: 2.5 },
  { key: "no_hire", label: "No hire", minScore: 1 },
];
const THRESHOLDS = [3.5, 3.0, 2.5];

describe("decimal half-up rounding", () => {
  it.each([
    [3.175, 2, "3.18"],
    [3.925, 2, "3.93"],
    [3.025, 2, "3.03"],
    [3.495, 2, "3.50"],
    [2.675, 2, "2.68"],
    [1.005, 2, "1.01"],
    [3.4949999, 2, "3.49"],
    [-0.125, 2, "-0.13"],
    [-0.004, 2, "0.00"],
    [-0.0, 2, "0.00"],
    [0.05, 1, "0.1"],
    [28.5, 0, "29"],
  ])("%d to %d decimals is %s", (x, d, text) => {
    expect(formatFixed(x, d)).toBe(text);
  });

  it("computed half-way values round up too (the sums S is made of)", () => {
    expect(formatScore(317.5 / 100)).toBe("3.18");
    expect(formatScore((20 * 3 + 20 * 3 + 20 * 3 + 15 * 4 + 10 * 3.5 + 10 * 3 + 5 * 4) / 100)).toBe("3.25");
    expect(formatPercent(0.285)).toBe("29%");
  });

  it("never shows a signed zero", () => {
    expect(formatSigned(-0.001)).toBe("±0.00");
    expect(formatSigned(-0.006)).toBe("−0.01");
    expect(formatSigned(0.25)).toBe("+0.25");
    expect(formatFixed(-1e-12, 2)).toBe("0.00");
  });

  it("property: rounding is within half a unit, and idempotent", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, d) => {
        const r = roundHalfUp(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
        expect(roundHalfUp(r, d)).toBe(r);
      }),
    );
  });
});

describe("the band never contradicts the S shown beside it", () => {
  it("every mean of up to 400 ratings within 0.005 of a threshold", () => {
    let checked = 0;
    for (let n = 1; n <= 400; n++)
      for (const t of THRESHOLDS)
        for (let sum = Math.ceil((t - 0.005) * n); sum <= Math.floor((t + 0.005) * n); sum++) {
          const s = sum / n;
          const shown = Number(formatScore(s));
          const band = bandFor(s, bands)!;
          const expected = bands.find((b) => shown >= b.minScore)!;
          expect(band.key, `${sum}/${n} = ${s} shown ${shown}`).toBe(expected.key);
          checked++;
        }
    expect(checked).toBeGreaterThan(300);
  });

  const rubric: RubricForScoring = {
    dimensions: [
      { key: "a", name: "A", weight: 20 },
      { key: "b", name: "B", weight: 20 },
      { key: "c", name: "C", weight: 20 },
      { key: "d", name: "D", weight: 15 },
      { key: "e", name: "E", weight: 10 },
      { key: "f", name: "F", weight: 10 },
      { key: "g", name: "G", weight: 5 },
    ],
    bands,
  };
  const level = fc.constantFrom<Level | null>(1, 2, 3, 4, null);
  const panel = fc.uniqueArray(
    fc.record({
      interviewerId: fc.integer({ min: 1, max: 9 }),
      ratings: fc.record(Object.fromEntries(rubric.dimensions.map((d) => [d.key, level])) as Record<string, fc.Arbitrary<Level | null>>),
    }),
    { minLength: 1, maxLength: 8, selector: (c) => c.interviewerId },
  );

  it("property: S shown, its band and the workings line agree on any panel (and on panels near a threshold)", () => {
    const check = (cards: { interviewerId: number; ratings: Record<string, Level | null> }[]) => {
      const r = computeRecommendation({
        rubric,
        scorecards: cards.map((c) => ({ ...c, recommendation: null, redFlags: [] })),
        scheduledInterviews: cards.length,
        submittedInterviews: cards.length,
      });
      if (r.score === null) return false;
      const shown = formatScore(r.score);
      expect(r.band!.key).toBe(bands.find((b) => Number(shown) >= b.minScore)!.key);
      const w = describeWorkings(r.workings)!;
      expect(w.score).toBe(shown);
      expect(w.weight).toBe(r.weightSum);
      // Redoing the line's last step by hand gives the S shown.
      expect(formatFixed(Number(w.sum) / w.weight, 2)).toBe(shown);
      // And the stated sum is the terms' exact sum, to the decimals it is given with.
      const decimals = w.sum.split(".")[1]?.length ?? 0;
      const exact = r.workings.reduce((a, t) => a + (t.weight * t.ratingSum) / t.ratingCount, 0);
      expect(Math.abs(Number(w.sum) - exact)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      return THRESHOLDS.some((t) => Math.abs(r.score! - t) <= 0.005);
    };
    fc.assert(
      fc.property(panel, (cards) => void check(cards)),
      { numRuns: 2000 },
    );
    // Keep drawing until a few hundred panels land within 0.005 of a threshold.
    let near = 0;
    fc.assert(
      fc.property(panel, (cards) => {
        if (check(cards)) near++;
      }),
      { numRuns: 8000 },
    );
    expect(near).toBeGreaterThan(40);
  }, 30_000);

  it("a dimension everybody marked Not assessed is left out of S and of the workings", () => {
    const r = computeRecommendation({
      rubric,
      scorecards: [
        { interviewerId: 1, ratings: { a: 3, b: null }, recommendation: null, redFlags: [] },
        { interviewerId: 2, ratings: { a: 4, b: null }, recommendation: null, redFlags: [] },
      ],
      scheduledInterviews: 2,
      submittedInterviews: 2,
    });
    expect(r.workings.map((w) => w.key)).toEqual(["a"]);
    expect(describeWorkings(r.workings)).toEqual({ terms: "20×3.5", sum: "70.00", weight: 20, score: "3.50" });
    expect(r.dimensions.find((d) => d.key === "b")).toMatchObject({ ratingCount: 0, score: null, calibratedScore: null });
  });
});

describe("the workings line", () => {
  it("writes a mean that never ends as a fraction and gives the sum to the decimals needed", () => {
    // 20×10/3 + 20×3 = 126.666… ÷ 40 = 3.1666… → "3.17"
    expect(
      describeWorkings([
        { weight: 20, ratingSum: 10, ratingCount: 3 },
        { weight: 20, ratingSum: 6, ratingCount: 2 },
      ]),
    ).toEqual({ terms: "20×10/3 + 20×3", sum: "126.67", weight: 40, score: "3.17" });
  });
});
