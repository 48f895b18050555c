import { describe, expect, it } from "vitest";
import { certificationResult, needsRecertification, type CertificationRules, type SampleResult } from "./certification";

const RULES: CertificationRules = {
  withinLevels: 1,
  minShare: 0.8,
  minSamples: 2,
  recertifyWhenLeniencyMovesBeyond: 0.5,
  uncertifiedOnStage: "warn",
};

/** A sample whose focus dimensions the trainee rated `trainee` where the expert rated `expert`. */
const sample = (sampleId: number, pairs: [number | null, number][]): SampleResult => ({
  sampleId,
  dimensions: pairs.map(([trainee, expert], i) => ({ dimensionKey: `d${i}`, trainee, expert })),
});

describe("certification on gold samples", () => {
  it("certifies at exactly 80% of focus dimensions within one level over two samples (system design: 7 of 8 is 87.5%, 6 of 8 is 75%)", () => {
    const sevenOfEight = [
      sample(1, [
        [2, 2],
        [4, 3],
        [3, 3],
        [1, 4],
      ]),
      sample(2, [
        [2, 2],
        [2, 1],
        [2, 2],
        [3, 3],
      ]),
    ];
    expect(certificationResult(sevenOfEight, RULES)).toMatchObject({
      certified: true,
      within: 7,
      dimensions: 8,
      share: 0.875,
      missing: null,
    });
    const sixOfEight = [
      sevenOfEight[0]!,
      sample(2, [
        [4, 2],
        [2, 1],
        [2, 2],
        [3, 3],
      ]),
    ];
    expect(certificationResult(sixOfEight, RULES)).toMatchObject({
      certified: false,
      within: 6,
      share: 0.75,
      missing: "6 of 8 focus-dimension ratings within 1 level of the expert's; 7 needed",
    });
  });

  it("passes at exactly the threshold: 4 of 5 is 80% (a boundary, not a rounding accident)", () => {
    const five = [
      sample(1, [
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
      sample(2, [
        [4, 1],
        [3, 3],
      ]),
    ];
    expect(certificationResult(five, { ...RULES, minShare: 0.8 })).toMatchObject({ certified: true, within: 4, dimensions: 5 });
    expect(certificationResult(five, { ...RULES, minShare: 0.81 }).certified).toBe(false);
  });

  it("one level away counts, two do not, and Not assessed never counts", () => {
    const r = certificationResult(
      [
        sample(1, [
          [3, 4],
          [2, 4],
          [null, 3],
        ]),
        sample(2, [[1, 1]]),
      ],
      RULES,
    );
    expect(r.within).toBe(2);
    expect(r.dimensions).toBe(4);
  });

  it("one perfect sample is not enough: at least two samples", () => {
    const r = certificationResult(
      [
        sample(1, [
          [3, 3],
          [2, 2],
          [4, 4],
          [1, 1],
        ]),
      ],
      RULES,
    );
    expect(r).toMatchObject({ certified: false, share: 1, missing: "1 of 2 gold samples rated" });
    expect(certificationResult([], RULES)).toMatchObject({ certified: false, share: null, missing: "0 of 2 gold samples rated" });
  });

  it("asks for recertification when leniency moved more than half a level since certification", () => {
    expect(needsRecertification(0.1, 0.6, RULES)).toEqual({ drift: 0.5, due: false });
    expect(needsRecertification(0.1, 0.62, RULES)?.due).toBe(true);
    expect(needsRecertification(0.2, -0.35, RULES)?.due).toBe(true);
    expect(needsRecertification(null, 0.4, RULES)).toEqual({ drift: 0.4, due: false });
    expect(needsRecertification(0.1, null, RULES)).toBeNull();
  });
});
