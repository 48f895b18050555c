import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLeniency, SHRINKAGE_CANDIDATES, t95 } from "./leniency";

const r = (interviewerId: number, candidateId: number, dimensionKey: string, level: number) => ({
  interviewerId,
  candidateId,
  dimensionKey,
  level,
});

describe("leniency", () => {
  it("is the mean difference from the other interviewers on the same candidate and dimension", () => {
    // Candidate 1, dim a: A=4, B=2, C=3. A: 4 − 2.5 = +1.5; B: 2 − 3.5 = −1.5; C: 3 − 3 = 0.
    // Candidate 2, dim a: A=4, B=3. A: +1; B: −1. A and B: 2 pairs over 2 candidates, C: 1 over 1.
    const result = computeLeniency([r(1, 1, "a", 4), r(2, 1, "a", 2), r(3, 1, "a", 3), r(1, 2, "a", 4), r(2, 2, "a", 3)]);
    expect(result.get(1)).toMatchObject({ pairs: 2, candidates: 2, raw: 1.25, leniency: 1.25 * (2 / (2 + SHRINKAGE_CANDIDATES)) });
    expect(result.get(2)).toMatchObject({ pairs: 2, candidates: 2, raw: -1.25 });
    expect(result.get(3)).toMatchObject({ pairs: 1, candidates: 1, raw: 0, leniency: 0, interval: null });
  });

  it("worked example: the interval is cluster-robust over candidates (computed by hand)", () => {
    // Interviewers 1 and 2 rate dimensions a and b of three candidates.
    //   candidate 1: a 4 vs 3, b 3 vs 3 → interviewer 1's differences +1, 0  (S = 1, n = 2)
    //   candidate 2: a 3 vs 2, b 4 vs 2 → +1, +2                             (S = 3, n = 2)
    //   candidate 3: a 2 vs 2, b 3 vs 3 → 0, 0                               (S = 0, n = 2)
    // raw = 4 / 6 = 0.666667. Residuals S − n·raw: −1/3, 5/3, −4/3; squares sum to 14/3.
    // CR1 variance = G/(G−1) · 14/3 / N² = 1.5 · 14/3 / 36 = 7/36; SE = √7 / 6 = 0.440959.
    // t(2 df) = 4.303, half-width 1.897446: raw interval −1.230779 … 2.564113.
    // Shrinkage G/(G+K) = 3/6 = 0.5: leniency 0.333333, interval −0.615390 … 1.282056.
    const ratings = [
      [1, 4, 3, 3, 3],
      [2, 3, 2, 4, 2],
      [3, 2, 2, 3, 3],
    ].flatMap(([c, a1, a2, b1, b2]) => [r(1, c!, "a", a1!), r(2, c!, "a", a2!), r(1, c!, "b", b1!), r(2, c!, "b", b2!)]);
    const one = computeLeniency(ratings).get(1)!;
    expect(one.pairs).toBe(6);
    expect(one.candidates).toBe(3);
    expect(one.raw).toBeCloseTo(0.666667, 6);
    expect(one.leniency).toBeCloseTo(0.333333, 6);
    expect(one.interval!.low).toBeCloseTo(-0.61539, 5);
    expect(one.interval!.high).toBeCloseTo(1.282056, 5);
    // The mirror image for interviewer 2.
    const two = computeLeniency(ratings).get(2)!;
    expect(two.interval!.low).toBeCloseTo(-1.282056, 5);
    expect(two.interval!.high).toBeCloseTo(0.61539, 5);
  });

  it("one candidate rated on seven dimensions with the same offset is one piece of evidence, not seven", () => {
    const dims = ["a", "b", "c", "d", "e", "f", "g"];
    const l = computeLeniency(dims.flatMap((d) => [r(1, 1, d, 4), r(2, 1, d, 3)])).get(1)!;
    expect(l).toMatchObject({ pairs: 7, candidates: 1, raw: 1, interval: null });
    // Shrunk as one candidate: 1 × 1/(1 + K).
    expect(l.leniency).toBeCloseTo(1 / (1 + SHRINKAGE_CANDIDATES), 10);
  });

  it("an interviewer who sat two stages of a loop is one voice, never paired with themselves", () => {
    // Interviewer 1 rated dimension a twice (4 and 2: voice 3); interviewer 2 rated it 3.
    const both = computeLeniency([r(1, 1, "a", 4), r(1, 1, "a", 2), r(2, 1, "a", 3)]);
    expect(both.get(1)).toMatchObject({ pairs: 1, raw: 0 });
    expect(both.get(2)).toMatchObject({ pairs: 1, raw: 0 });
    // Alone on a candidate across two stages: nobody to compare with.
    expect(computeLeniency([r(1, 1, "a", 4), r(1, 1, "a", 1)]).get(1)).toMatchObject({ pairs: 0, candidates: 0, leniency: 0 });
  });

  it("is 0 with no colleague to compare with (a panel of one)", () => {
    expect(computeLeniency([r(1, 1, "a", 4), r(1, 1, "b", 1)]).get(1)).toEqual({
      interviewerId: 1,
      pairs: 0,
      candidates: 0,
      raw: 0,
      leniency: 0,
      interval: null,
    });
  });

  it("is 0 for everyone when all ratings are equal, with a zero-width interval only when candidates agree", () => {
    const all = computeLeniency([1, 2, 3].flatMap((c) => [r(1, c, "a", 3), r(2, c, "a", 3), r(3, c, "a", 3)]));
    for (const l of all.values()) expect(l).toMatchObject({ leniency: 0, interval: { low: 0, high: 0 } });
  });

  it("shrinks less as candidates accumulate, whatever the number of ratings each", () => {
    const few = computeLeniency(["a", "b", "c", "d"].flatMap((d) => [r(1, 1, d, 4), r(2, 1, d, 3)])).get(1)!;
    const many = computeLeniency(Array.from({ length: 40 }, (_, i) => [r(1, i, "a", 4), r(2, i, "a", 3)]).flat()).get(1)!;
    expect(few.raw).toBe(1);
    expect(many.raw).toBe(1);
    expect(few.leniency).toBeCloseTo(1 / 4, 10);
    expect(many.leniency).toBeCloseTo(40 / 43, 10);
  });

  it("uses wider t quantiles for few candidates", () => {
    expect(t95(1)).toBeCloseTo(12.706, 3);
    expect(t95(2)).toBeCloseTo(4.303, 3);
    expect(t95(11)).toBeCloseTo(2.228, 3);
    expect(t95(5000)).toBe(1.96);
  });

  it("property: the interval always contains the estimate, and relabelling candidates changes nothing", () => {
    const arb = fc.array(
      fc.record({
        interviewerId: fc.integer({ min: 1, max: 4 }),
        candidateId: fc.integer({ min: 1, max: 6 }),
        dimensionKey: fc.constantFrom("a", "b", "c"),
        level: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (ratings) => {
        const result = computeLeniency(ratings);
        const relabelled = computeLeniency(ratings.map((x) => ({ ...x, candidateId: 100 - x.candidateId })));
        for (const [id, l] of result) {
          if (l.interval) {
            expect(l.interval.low).toBeLessThanOrEqual(l.leniency + 1e-12);
            expect(l.interval.high).toBeGreaterThanOrEqual(l.leniency - 1e-12);
          }
          expect(Math.abs(l.leniency)).toBeLessThanOrEqual(Math.abs(l.raw) + 1e-12);
          expect(relabelled.get(id)!.leniency).toBeCloseTo(l.leniency, 12);
        }
      }),
    );
  });
});
