import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScore } from "./numbers";
import {
  computeRecommendation,
  recommendationFromPanel,
  type Level,
  type RatingGroup,
  type RubricForScoring,
  type SubmittedScorecard,
} from "./recommendation";
import { readRubricFile, RUBRICS_DIR } from "./rubric.server";

const rubric: RubricForScoring = {
  dimensions: [
    { key: "ml_system_design", name: "ML system design", weight: 20 },
    { key: "software_engineering", name: "Software engineering", weight: 20 },
    { key: "mlops_operations", name: "MLOps & operations", weight: 20 },
    { key: "data_quality", name: "Data quality & pipelines", weight: 15 },
    { key: "evaluation", name: "Evaluation & measurement", weight: 10 },
    { key: "leadership", name: "Leadership & mentorship", weight: 10 },
    { key: "communication", name: "Communication & collaboration", weight: 5 },
  ],
  bands: [
    { key: "strong_hire", label: "Strong hire", minScore: 3.5 },
    { key: "hire", label: "Hire", minScore: 3.0 },
    { key: "lean_no_hire", label: "Lean no hire", minScore: 2.5 },
    { key: "no_hire", label: "No hire", minScore: 1 },
  ],
};

const card = (
  interviewerId: number,
  ratings: SubmittedScorecard["ratings"],
  recommendation: SubmittedScorecard["recommendation"] = "yes",
  redFlags: SubmittedScorecard["redFlags"] = [],
): SubmittedScorecard => ({
  interviewerId,
  ratings,
  recommendation,
  redFlags,
});

// A four-stage panel worked by hand in the comments below.
const panel = [
  card(1, { ml_system_design: 4, data_quality: 3, mlops_operations: 3, evaluation: 4 }),
  card(2, { mlops_operations: 4, data_quality: 3, evaluation: 3 }, "strong_yes"),
  card(3, { software_engineering: 3, mlops_operations: 3, data_quality: 4 }),
  card(4, { leadership: 4, communication: 3 }),
];

describe("worked examples (computed by hand)", () => {
  it("a full panel: S = 346.67 / 100 = 3.47, Hire, no gates", () => {
    // s: msd 4, se 3, mlops 10/3, dq 10/3, eval 3.5, lead 4, comm 3
    // S = (80 + 60 + 66.67 + 50 + 35 + 40 + 15) / 100
    const r = computeRecommendation({ rubric, scorecards: panel, scheduledInterviews: 4, submittedInterviews: 4 });
    expect(r.score).toBeCloseTo(3.466667, 5);
    expect(r.band?.label).toBe("Hire");
    expect(r.coverage).toBe(1);
    expect(r.gates).toEqual([]);
    expect(r.dimensions.find((d) => d.key === "mlops_operations")).toMatchObject({ ratingCount: 3, min: 3, max: 4, spread: 1 });
    expect(r.workings.reduce((a, w) => a + (w.weight * w.ratingSum) / w.ratingCount, 0) / r.weightSum).toBeCloseTo(r.score!, 10);
    // Leaving out 1: 267.5/80 = 3.34375; 2: 347.5/100 = 3.475; 3: 285/80 = 3.5625; 4: 291.67/85 = 3.43137
    expect(r.leaveOneOut?.min).toBeCloseTo(3.34375, 5);
    expect(r.leaveOneOut?.max).toBeCloseTo(3.5625, 5);
    expect(r.calibratedScore).toBeCloseTo(r.score!, 10);
  });

  it("a single interviewer with missing dimensions: weights renormalise over the 65 rated", () => {
    // (20·3 + 15·4 + 20·2 + 10·3) / 65 = 190 / 65 = 2.923
    const r = computeRecommendation({
      rubric,
      scorecards: [card(7, { ml_system_design: 3, data_quality: 4, mlops_operations: 2, evaluation: 3, leadership: null })],
      scheduledInterviews: 4,
      submittedInterviews: 1,
    });
    expect(r.score).toBeCloseTo(190 / 65, 10);
    expect(r.band?.label).toBe("Lean no hire");
    expect(r.coverage).toBeCloseTo(0.65, 10);
    expect(r.leaveOneOut).toBeNull();
    expect(r.gates).toEqual([
      {
        kind: "incomplete",
        reasons: ["Coverage is 65%, below 80% of the rubric's weight.", "3 scheduled interviews have no submitted scorecard."],
      },
    ]);
  });

  it("everything 'not assessed': no score, no band, incomplete", () => {
    const r = computeRecommendation({
      rubric,
      scorecards: [card(1, { ml_system_design: null, evaluation: null }, null)],
      scheduledInterviews: 1,
      submittedInterviews: 1,
    });
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.coverage).toBe(0);
    expect(r.gates[0]).toMatchObject({ kind: "incomplete" });
  });

  it("a red flag on an otherwise strong candidate fires the gate without hiding the band", () => {
    const flagged = panel.map((c, i) =>
      i === 0
        ? { ...c, redFlags: [{ key: "no_rollback_strategy", text: "Cannot describe a rollback strategy", note: "'We'd just retrain.'" }] }
        : c,
    );
    const r = computeRecommendation({ rubric, scorecards: flagged, scheduledInterviews: 4, submittedInterviews: 4 });
    expect(r.band?.label).toBe("Hire");
    expect(r.gates).toEqual([
      {
        kind: "red_flag",
        flags: [
          { key: "no_rollback_strategy", text: "Cannot describe a rollback strategy", note: "'We'd just retrain.'", interviewerId: 1 },
        ],
      },
    ]);
  });

  it("a split panel: a 2-point spread and a yes/no disagreement", () => {
    const split = [card(1, { mlops_operations: 2, data_quality: 3 }, "no"), card(2, { mlops_operations: 4, data_quality: 3 }, "yes")];
    const r = computeRecommendation({ rubric, scorecards: split, scheduledInterviews: 2, submittedInterviews: 2 });
    expect(r.gates.find((g) => g.kind === "split_panel")).toEqual({
      kind: "split_panel",
      reasons: ["MLOps & operations: ratings range from 2 to 4.", "Overall recommendations disagree: 1 yes, 1 no."],
    });
  });

  it("calibration subtracts each interviewer's leniency before averaging", () => {
    // Interviewer 7 is 0.5 lenient: (20·2.5 + 15·3.5 + 20·1.5 + 10·2.5) / 65 = 157.5 / 65 = 2.423
    const r = computeRecommendation({
      rubric,
      scorecards: [card(7, { ml_system_design: 3, data_quality: 4, mlops_operations: 2, evaluation: 3 })],
      scheduledInterviews: 1,
      submittedInterviews: 1,
      leniency: { 7: 0.5 },
    });
    expect(r.score).toBeCloseTo(190 / 65, 10);
    expect(r.calibratedScore).toBeCloseTo(157.5 / 65, 10);
    expect(r.band?.label).toBe("Lean no hire");
    expect(r.calibratedBand?.label).toBe("No hire");
  });

  it("band thresholds are inclusive, and the band is read from S as shown", () => {
    const at = (levels: Level[]) =>
      computeRecommendation({
        rubric,
        scorecards: levels.map((l, i) => card(i + 1, { communication: l })),
        scheduledInterviews: levels.length,
        submittedInterviews: levels.length,
      });
    expect(at([3, 4]).band?.label).toBe("Strong hire"); // 3.50
    expect(at([3, 3]).band?.label).toBe("Hire"); // 3.00
    expect(at([2, 3]).band?.label).toBe("Lean no hire"); // 2.50
    expect(at([2, 2, 3]).band?.label).toBe("No hire"); // 2.33
    // 167 threes and 166 fours: S = 3.4985, shown "3.50", so Strong hire, never "3.50 · Hire".
    const justUnder = at([...Array(167).fill(3), ...Array(166).fill(4)] as Level[]);
    expect(justUnder.score).toBeLessThan(3.5);
    expect(formatScore(justUnder.score)).toBe("3.50");
    expect(justUnder.band?.label).toBe("Strong hire");
    // 3.4940: shown "3.49", Hire.
    const below = at([...Array(253).fill(3), ...Array(247).fill(4)] as Level[]);
    expect(formatScore(below.score)).toBe("3.49");
    expect(below.band?.label).toBe("Hire");
  });

  it("calibration has no per-rating clamp: a harsh interviewer's 4 can rise as a lenient one's falls", () => {
    // Both rate every dimension 4; leniencies −0.3 and +0.3. Calibrated dimension scores are
    // (4.3 + 3.7) / 2 = 4, so S stays 4 (a per-rating clamp gave (4 + 3.7) / 2 = 3.85).
    const all4 = Object.fromEntries(rubric.dimensions.map((d) => [d.key, 4 as Level]));
    const r = computeRecommendation({
      rubric,
      scorecards: [card(1, all4), card(2, all4)],
      scheduledInterviews: 2,
      submittedInterviews: 2,
      leniency: { 1: -0.3, 2: 0.3 },
    });
    expect(r.calibratedScore).toBeCloseTo(4, 10);
    expect(r.calibratedBand?.label).toBe("Strong hire");
    // S itself is clamped once to the scale: a harsh panel's all-4 candidate calibrates to 4, not 4.3.
    const harsh = computeRecommendation({
      rubric,
      scorecards: [card(1, all4)],
      scheduledInterviews: 1,
      submittedInterviews: 1,
      leniency: { 1: -0.3 },
    });
    expect(harsh.dimensions[0]!.calibratedScore).toBeCloseTo(4.3, 10);
    expect(harsh.calibratedScore).toBe(4);
  });

  it("says how many scorecards are owed and how many interviews are still to come", () => {
    const r = computeRecommendation({
      rubric,
      scorecards: panel.slice(0, 2),
      scheduledInterviews: 4,
      submittedInterviews: 2,
      upcomingInterviews: 1,
    });
    expect(r.gates[0]).toEqual({
      kind: "incomplete",
      reasons: [
        "Coverage is 65%, below 80% of the rubric's weight.",
        "1 scheduled interview has no submitted scorecard.",
        "1 interview is still to take place.",
      ],
    });
  });
});

describe("floors", () => {
  // "No Hire band or better while the score for ML system design is ≤ 2", as an expert reviewer asks of a 20% dimension.
  const floored: RubricForScoring = {
    ...rubric,
    dimensions: rubric.dimensions.map((d) => (d.key === "ml_system_design" ? { ...d, floor: { atOrBelow: 2, blocks: "hire" } } : d)),
  };
  const strongElsewhere = {
    software_engineering: 4,
    mlops_operations: 4,
    data_quality: 4,
    evaluation: 4,
    leadership: 4,
    communication: 4,
  } as const;
  const gate = (scorecards: SubmittedScorecard[]) =>
    computeRecommendation({ rubric: floored, scorecards, scheduledInterviews: scorecards.length, submittedInterviews: scorecards.length });

  it("a Strong hire with system design at 2 gets the floor gate, with its reason, above an unchanged band", () => {
    const r = gate([card(1, { ml_system_design: 2, ...strongElsewhere })]);
    // S = (40 + 320) / 100 = 3.60
    expect(formatScore(r.score)).toBe("3.60");
    expect(r.band?.label).toBe("Strong hire");
    expect(r.gates).toEqual([
      { kind: "floor", reasons: ["No Hire band or better while the score for ML system design is ≤ 2: it is 2.00."] },
    ]);
  });

  it("stays quiet when the dimension is above its floor, unrated, or the band is already below Hire", () => {
    expect(gate([card(1, { ml_system_design: 3, ...strongElsewhere })]).gates).toEqual([]);
    expect(gate([card(1, { ...strongElsewhere })]).gates.map((g) => g.kind)).not.toContain("floor");
    const weak = gate([card(1, { ml_system_design: 1, software_engineering: 3, mlops_operations: 3, data_quality: 3, evaluation: 3 })]);
    expect(weak.band?.label).toBe("Lean no hire");
    expect(weak.gates.map((g) => g.kind)).not.toContain("floor");
  });

  it("compares the dimension's mean, as shown, with the floor: 2, 2 is 2.00 and bites; 2, 2, 3 is 2.33 and does not", () => {
    const two = gate([card(1, { ml_system_design: 2, ...strongElsewhere }), card(2, { ml_system_design: 2 })]);
    expect(two.gates.map((g) => g.kind)).toContain("floor");
    const above = gate([
      card(1, { ml_system_design: 2, ...strongElsewhere }),
      card(2, { ml_system_design: 2 }),
      card(3, { ml_system_design: 3 }),
    ]);
    expect(formatScore(above.dimensions[0]!.score)).toBe("2.33");
    expect(above.band?.label).toBe("Strong hire");
    expect(above.gates.map((g) => g.kind)).not.toContain("floor");
  });

  it("a floor on Strong hire lets Hire stand", () => {
    const onlyStrong: RubricForScoring = {
      ...rubric,
      dimensions: rubric.dimensions.map((d) =>
        d.key === "ml_system_design" ? { ...d, floor: { atOrBelow: 2, blocks: "strong_hire" } } : d,
      ),
    };
    const hire = computeRecommendation({
      rubric: onlyStrong,
      scorecards: [
        card(1, { ml_system_design: 2, software_engineering: 3, mlops_operations: 3, data_quality: 4, evaluation: 4, leadership: 3 }),
      ],
      scheduledInterviews: 1,
      submittedInterviews: 1,
    });
    expect(hire.band?.label).toBe("Hire");
    expect(hire.gates).toEqual([]);
  });
});

describe("rubric v2's floors at their boundaries", () => {
  // The shipped file, so a change to its floors or bands shows here.
  const v2: RubricForScoring = readRubricFile(`${RUBRICS_DIR}/lead-ml-engineer.v2.json`);
  const others = (key: string, level: number) =>
    v2.dimensions
      .filter((d) => d.key !== key)
      .map((d) => ({ interviewerId: 1, dimensionKey: d.key, sum: level, count: 1, min: level, max: level }));
  /** One dimension's mean as sum / count over `count` ratings (interviewers 2..), everything else rated 4 by interviewer 1. */
  const panel = (key: string, sum: number, count: number) => {
    const groups: RatingGroup[] = [...others(key, 4), { interviewerId: 2, dimensionKey: key, sum, count, min: 2, max: 3 }];
    return recommendationFromPanel({
      rubric: v2,
      groups,
      recommendations: ["yes", "yes"],
      redFlags: [],
      scheduledInterviews: 2,
      submittedInterviews: 2,
    });
  };
  const floorGate = (r: ReturnType<typeof panel>) => r.gates.filter((g) => g.kind === "floor");

  it.each([
    ["software_engineering", "Software engineering"],
    ["mlops_operations", "MLOps & operations"],
  ])("%s: 2.00 is blocked, 2.01 is not (and 2.004, shown as 2.00, is)", (key, name) => {
    const at = panel(key, 200, 100);
    expect(at.band?.label).toBe("Strong hire");
    expect(floorGate(at)).toEqual([{ kind: "floor", reasons: [`No Hire band or better while the score for ${name} is ≤ 2: it is 2.00.`] }]);
    const above = panel(key, 201, 100);
    expect(formatScore(above.dimensions.find((d) => d.key === key)!.score)).toBe("2.01");
    expect(floorGate(above)).toEqual([]);
    expect(floorGate(panel(key, 2004, 1000))).toHaveLength(1);
    expect(floorGate(panel(key, 2005, 1000))).toEqual([]);
  });

  it("S = 3.00 with software engineering at 1 and everything else 3.5: Hire by S, with the Below a floor gate", () => {
    const rest = Object.fromEntries(v2.dimensions.filter((d) => d.key !== "software_engineering").map((d) => [d.key, 3 as Level]));
    const high = Object.fromEntries(Object.keys(rest).map((k) => [k, 4 as Level]));
    const r = computeRecommendation({
      rubric: v2,
      scorecards: [card(1, rest), card(2, high), card(3, { software_engineering: 1 })],
      scheduledInterviews: 3,
      submittedInterviews: 3,
    });
    // S = (20·1 + 80·3.5) / 100 = 300 / 100
    expect(formatScore(r.score)).toBe("3.00");
    expect(r.band?.label).toBe("Hire");
    expect(r.gates).toEqual([
      { kind: "floor", reasons: ["No Hire band or better while the score for Software engineering is ≤ 2: it is 1.00."] },
    ]);
    // Under v1 the same panel was a plain Hire: the worked example.
    const v1 = readRubricFile(`${RUBRICS_DIR}/lead-ml-engineer.v1.json`);
    expect(
      computeRecommendation({
        rubric: v1,
        scorecards: [card(1, rest), card(2, high), card(3, { software_engineering: 1 })],
        scheduledInterviews: 3,
        submittedInterviews: 3,
      }).gates,
    ).toEqual([]);
  });

  it("both floors at once give both reasons; below Hire by S, neither bites", () => {
    const groups: RatingGroup[] = [
      ...others("software_engineering", 4).filter((g) => g.dimensionKey !== "mlops_operations"),
      { interviewerId: 2, dimensionKey: "software_engineering", sum: 2, count: 1, min: 2, max: 2 },
      { interviewerId: 2, dimensionKey: "mlops_operations", sum: 2, count: 1, min: 2, max: 2 },
    ];
    const both = recommendationFromPanel({
      rubric: v2,
      groups,
      recommendations: [],
      redFlags: [],
      scheduledInterviews: 2,
      submittedInterviews: 2,
    });
    // S = (20·4 + 20·2 + 20·2 + 40·4) / 100 = 3.20
    expect(formatScore(both.score)).toBe("3.20");
    expect(floorGate(both)[0]?.reasons).toEqual([
      "No Hire band or better while the score for Software engineering is ≤ 2: it is 2.00.",
      "No Hire band or better while the score for MLOps & operations is ≤ 2: it is 2.00.",
    ]);
    const low = recommendationFromPanel({
      rubric: v2,
      groups: groups.map((g) => (g.sum === 4 ? { ...g, sum: 3, min: 3, max: 3 } : g)),
      recommendations: [],
      redFlags: [],
      scheduledInterviews: 2,
      submittedInterviews: 2,
    });
    expect(low.band?.label).toBe("Lean no hire");
    expect(floorGate(low)).toEqual([]);
  });
});

const level = fc.constantFrom<Level | null>(1, 2, 3, 4, null);
const scorecardArb = fc.record({
  interviewerId: fc.integer({ min: 1, max: 12 }),
  ratings: fc.record(Object.fromEntries(rubric.dimensions.map((d) => [d.key, level])) as Record<string, fc.Arbitrary<Level | null>>),
  recommendation: fc.constantFrom("strong_no" as const, "no" as const, "yes" as const, "strong_yes" as const, null),
  redFlags: fc.constant([] as SubmittedScorecard["redFlags"]),
});
const panelArb = fc.uniqueArray(scorecardArb, { minLength: 1, maxLength: 6, selector: (c) => c.interviewerId });
const run = (scorecards: SubmittedScorecard[], leniency?: Record<number, number>, r: RubricForScoring = rubric) =>
  computeRecommendation({
    rubric: r,
    scorecards,
    scheduledInterviews: scorecards.length,
    submittedInterviews: scorecards.length,
    leniency,
  });

describe("properties", () => {
  it("S stays within [1, 4]", () => {
    fc.assert(
      fc.property(
        panelArb,
        fc.dictionary(fc.integer({ min: 1, max: 12 }).map(String), fc.double({ min: -3, max: 3, noNaN: true })),
        (cards, len) => {
          const r = run(cards, len as unknown as Record<number, number>);
          for (const s of [r.score, r.calibratedScore]) if (s !== null) expect(s >= 1 - 1e-12 && s <= 4 + 1e-12).toBe(true);
        },
      ),
    );
  });

  it("raising one rating never lowers S", () => {
    fc.assert(
      fc.property(panelArb, fc.nat(), fc.nat(), (cards, ci, di) => {
        const c = cards[ci % cards.length]!;
        const rated = Object.entries(c.ratings).filter(([, l]) => typeof l === "number" && l < 4);
        fc.pre(rated.length > 0);
        const [key, l] = rated[di % rated.length]!;
        const raised = cards.map((x) => (x === c ? { ...x, ratings: { ...x.ratings, [key]: ((l as number) + 1) as Level } } : x));
        expect(run(raised).score!).toBeGreaterThanOrEqual(run(cards).score! - 1e-12);
      }),
    );
  });

  it("re-ordering scorecards changes nothing", () => {
    fc.assert(
      fc.property(
        panelArb,
        fc.dictionary(fc.integer({ min: 1, max: 12 }).map(String), fc.double({ min: -1, max: 1, noNaN: true })),
        (cards, len) => {
          const leniency = len as unknown as Record<number, number>;
          expect(run([...cards].reverse(), leniency)).toEqual(run(cards, leniency));
        },
      ),
    );
  });

  it("weights renormalise over rated dimensions: unrated dimensions and a common scale factor don't matter", () => {
    fc.assert(
      fc.property(panelArb, fc.integer({ min: 2, max: 9 }), (cards, factor) => {
        const base = run(cards);
        const ratedKeys = new Set(base.dimensions.filter((d) => d.ratingCount > 0).map((d) => d.key));
        const onlyRated = { ...rubric, dimensions: rubric.dimensions.filter((d) => ratedKeys.has(d.key)) };
        const scaled = { ...rubric, dimensions: rubric.dimensions.map((d) => ({ ...d, weight: d.weight * factor })) };
        if (base.score === null) return;
        expect(run(cards, undefined, onlyRated).score).toBeCloseTo(base.score, 10);
        expect(run(cards, undefined, scaled).score).toBeCloseTo(base.score, 10);
      }),
    );
  });

  it("calibrated equals raw when every interviewer has zero leniency", () => {
    fc.assert(
      fc.property(panelArb, (cards) => {
        const zero = Object.fromEntries(cards.map((c) => [c.interviewerId, 0]));
        const r = run(cards, zero);
        expect(r.calibratedScore).toBe(r.score);
        expect(r.calibratedBand).toEqual(r.band);
      }),
    );
  });
});
