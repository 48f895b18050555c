import { describe, expect, it } from "vitest";
import { computeLeniency, SHRINKAGE_PAIRS } from "./leniency";

const r = (interviewerId: number, candidateId: number, dimensionKey: string, level: number) => ({
  interviewerId,
  candidateId,
  dimensionKey,
  level,
});

describe("leniency", () => {
  it("is the mean difference from colleagues on the same candidate and dimension, shrunk toward 0", () => {
    // Candidate 1, dim a: A=4, B=2, C=3. A: 4 − 2.5 = +1.5; B: 2 − 3.5 = −1.5; C: 3 − 3 = 0.
    // Candidate 2, dim a: A=4, B=3. A: +1; B: −1.
    const result = computeLeniency([r(1, 1, "a", 4), r(2, 1, "a", 2), r(3, 1, "a", 3), r(1, 2, "a", 4), r(2, 2, "a", 3)]);
    expect(result.get(1)).toEqual({ interviewerId: 1, pairs: 2, raw: 1.25, leniency: 2.5 / (2 + SHRINKAGE_PAIRS) });
    expect(result.get(2)).toEqual({ interviewerId: 2, pairs: 2, raw: -1.25, leniency: -2.5 / (2 + SHRINKAGE_PAIRS) });
    expect(result.get(3)).toMatchObject({ pairs: 1, raw: 0, leniency: 0 });
  });

  it("is 0 with no colleague to compare with (a single interviewer)", () => {
    expect(computeLeniency([r(1, 1, "a", 4), r(1, 1, "b", 1)]).get(1)).toEqual({ interviewerId: 1, pairs: 0, raw: 0, leniency: 0 });
  });

  it("is 0 for everyone when all ratings are equal", () => {
    const all = computeLeniency([r(1, 1, "a", 3), r(2, 1, "a", 3), r(3, 1, "a", 3)]);
    for (const l of all.values()) expect(l.leniency).toBe(0);
  });

  it("shrinks less as pairs accumulate", () => {
    const few = computeLeniency([r(1, 1, "a", 4), r(2, 1, "a", 3)]).get(1)!;
    const many = computeLeniency(Array.from({ length: 40 }, (_, i) => [r(1, i, "a", 4), r(2, i, "a", 3)]).flat()).get(1)!;
    expect(few.raw).toBe(1);
    expect(many.raw).toBe(1);
    expect(few.leniency).toBeCloseTo(1 / 6, 10);
    expect(many.leniency).toBeCloseTo(40 / 45, 10);
  });
});
