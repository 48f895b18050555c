import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRecommendation, type Level, type RubricForScoring, type SubmittedScorecard } from "./recommendation";

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
    expect(r.workings.reduce((a, w) => a + w.product, 0) / r.weightSum).toBeCloseTo(r.score!, 10);
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

  it("band thresholds are inclusive, and compare S itself rather than its rounded display", () => {
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
    // 3 3 3 4 4 4 4 … : a mean just under 3.5 shows as "3.50" but is not ≥ 3.5
    const justUnder = at([...Array(167).fill(3), ...Array(166).fill(4)] as Level[]);
    expect(justUnder.score).toBeLessThan(3.5);
    expect(justUnder.band?.label).toBe("Hire");
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

describe("from SQL-style aggregates", () => {
  it("gives the same S, band and gates as the full computation", async () => {
    const { recommendationFromAggregates } = await import("./recommendation");
    fc.assert(
      fc.property(panelArb, fc.nat({ max: 2 }), (cards, owed) => {
        const full = computeRecommendation({
          rubric,
          scorecards: cards,
          scheduledInterviews: cards.length + owed,
          submittedInterviews: cards.length,
        });
        const dimensions: Record<string, { sum: number; count: number; min: number; max: number }> = {};
        for (const c of cards)
          for (const [k, l] of Object.entries(c.ratings)) {
            if (typeof l !== "number") continue;
            const d = (dimensions[k] ??= { sum: 0, count: 0, min: 5, max: 0 });
            d.sum += l;
            d.count += 1;
            d.min = Math.min(d.min, l);
            d.max = Math.max(d.max, l);
          }
        const recs = cards.map((c) => c.recommendation);
        const agg = recommendationFromAggregates(rubric, {
          dimensions,
          redFlags: 0,
          yes: recs.filter((r) => r === "yes" || r === "strong_yes").length,
          no: recs.filter((r) => r === "no" || r === "strong_no").length,
          scheduledInterviews: cards.length + owed,
          submittedInterviews: cards.length,
        });
        if (full.score === null) expect(agg.score).toBeNull();
        else expect(agg.score).toBeCloseTo(full.score, 10);
        expect(agg.band).toEqual(full.band);
        expect(agg.gates).toEqual(full.gates.map((g) => g.kind));
      }),
    );
  });
});
