// Past candidates of the demo organisation: two dozen closed loops from the last six months, so
// calibration has enough shared candidates to say something (leniency intervals, panel agreement)
// while the hand-written candidates in seed-data.ts show the product's states. Deterministic:
// the same ratings on every seed, from each candidate's underlying level per dimension, each
// interviewer's habit (Kwame rates high, Rafael low) and a little noise.
import type { DimensionKey, Recommendation, SeedCandidate, SeedInterview, StageKey } from "./seed-types";

const NAMES = [
  "Tendai Moyo",
  "Jonas Berg",
  "Priya Raman",
  "Lucía Fernández",
  "Kenji Watanabe",
  "Fatima Zahra El Idrissi",
  "Oliver Grant",
  "Ngozi Eze",
  "Mateusz Kowalski",
  "Leila Haddad",
  "Sven Andersson",
  "Chiara Russo",
  "Daniel Kim",
  "Aylin Demir",
  "Tobias Weber",
  "Ines Carvalho",
  "Rahul Mehta",
  "Hana Novak",
  "Kofi Boateng",
  "Emma Laurent",
  "Yusuf Aydın",
  "Clara Schmidt",
  "Arjun Pillai",
  "Zoë van Dijk",
];

const PANEL: { stage: StageKey; focus: DimensionKey[]; minutes: number }[] = [
  { stage: "system_design", focus: ["ml_system_design", "data_quality", "mlops_operations", "evaluation"], minutes: 75 },
  { stage: "debugging", focus: ["mlops_operations", "data_quality", "evaluation"], minutes: 50 },
  { stage: "code_review", focus: ["software_engineering", "mlops_operations", "data_quality"], minutes: 45 },
  { stage: "leadership", focus: ["leadership", "communication"], minutes: 45 },
];

const INTERVIEWERS: { email: string; habit: number }[] = [
  { email: "aisha@loopwise.test", habit: 0 },
  { email: "tomasz@loopwise.test", habit: -0.1 },
  { email: "mei@loopwise.test", habit: 0.1 },
  { email: "rafael@loopwise.test", habit: -0.6 },
  { email: "siobhan@loopwise.test", habit: 0 },
  { email: "kwame@loopwise.test", habit: 0.6 },
];

const EVIDENCE: Record<DimensionKey, [string, string, string, string]> = {
  ml_system_design: [
    "Could not get past a single batch model; no serving path or latency budget.",
    "Reasonable components, but no training/serving consistency until prompted.",
    "Events to features to serving with a latency budget; point-in-time features; shadow before canary.",
    "Designed for failure first: fallbacks, budgets per hop, drift monitors tied to retraining triggers.",
  ],
  software_engineering: [
    "Missed the swallowed exception and the untested branch in the PR.",
    "Found the obvious bugs; comments were about style more than risk.",
    "Flagged the model loaded per request and the missing input validation, with fixes.",
    "Reviewed for operability: timeouts, retries, idempotency, and tests that would catch a regression.",
  ],
  mlops_operations: [
    "No rollback story; 'we would retrain'.",
    "Knew canaries exist but not what to watch or when to stop.",
    "Shadow, canary with guardrail metrics, rollback by registry alias; alerts with owners.",
    "Ran the incident like an on-call lead: mitigated first, then a prevention plan with SLOs.",
  ],
  data_quality: [
    "Did not consider leakage or late-arriving data.",
    "Mentioned null checks but not schema contracts or freshness.",
    "Point-in-time joins, contract tests on the event schema, freshness alerts.",
    "Found the silent unit change from the distributions and proposed contracts at the source.",
  ],
  evaluation: [
    "Offline AUC only, no link to the business outcome.",
    "Chose a metric but no baseline or segment analysis.",
    "Offline metric tied to the decision threshold, a guardrail metric and an A/B plan.",
    "Designed the evaluation around costs of errors by segment, with power analysis for the test.",
  ],
  leadership: [
    "Stories were about their own work only; no example of growing others.",
    "Mentored informally but could not show an outcome.",
    "Set a review standard the team adopted; coached a junior through their first on-call.",
    "Changed how two teams ship models, with evidence it stuck a year later.",
  ],
  communication: [
    "Hard to follow; answered a different question.",
    "Clear on technical detail, less so on trade-offs for a non-ML audience.",
    "Structured answers; checked understanding; wrote a crisp status update when asked.",
    "Adapted to the listener throughout; made a complex trade-off easy to decide on.",
  ],
};

/** A small deterministic generator, so the demo is the same on every seed. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const clampLevel = (x: number) => Math.min(4, Math.max(1, Math.round(x))) as 1 | 2 | 3 | 4;

function recommendationFor(mean: number): Recommendation {
  return mean >= 3.4 ? "strong_yes" : mean >= 2.9 ? "yes" : mean >= 2.3 ? "no" : "strong_no";
}

export function historyCandidates(): SeedCandidate[] {
  return pastCandidates(NAMES, { seed: 20261130, daysAgo: (n) => 40 + n * 5, strength: (r) => 1.9 + r * 1.9 });
}

/**
 * Past candidates with closed, decided loops: `strength` maps a uniform draw to the candidate's
 * underlying level (a hire from 2.9), `daysAgo` places the n-th one's last interview.
 */
export function pastCandidates(
  names: readonly string[],
  { seed, daysAgo: when, strength: strengthOf }: { seed: number; daysAgo: (n: number) => number; strength: (r: number) => number },
): SeedCandidate[] {
  const random = generator(seed);
  return names.map((name, n) => {
    const strength = strengthOf(random());
    const level = Object.fromEntries(
      (Object.keys(EVIDENCE) as DimensionKey[]).map((d) => [d, strength + (random() - 0.5) * 0.9]),
    ) as Record<DimensionKey, number>;
    const daysAgo = when(n);
    const interviews: SeedInterview[] = PANEL.map((p, i) => {
      const who = INTERVIEWERS[(n + i * 2) % INTERVIEWERS.length]!;
      const ratings = Object.fromEntries(
        p.focus.map((d) => {
          const l = clampLevel(level[d] + who.habit + (random() - 0.5) * 0.8);
          return [d, { level: l, evidence: EVIDENCE[d][l - 1] }];
        }),
      );
      const levels = Object.values(ratings).map((r) => r.level);
      const mean = levels.reduce((a, b) => a + b, 0) / levels.length;
      return {
        stage: p.stage,
        interviewerEmail: who.email,
        dayOffset: -(daysAgo - i),
        hour: 10 + (i % 3) * 2,
        durationMinutes: p.minutes,
        status: "completed",
        scorecard: {
          status: "submitted",
          ratings,
          signals: [],
          recommendation: recommendationFor(mean),
          takeaways: mean >= 3 ? "Would be a strong addition at this level." : "Not at the Lead bar on this evidence.",
          submittedAfterHours: 1 + Math.floor(random() * 30),
        },
      };
    });
    const hire = strength >= 2.9;
    return {
      name,
      email: `${name
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z ]/g, "")
        .replace(/ +/g, ".")}@example.com`,
      positionKey: n % 2 ? "lml-ranking" : "lml-fraud",
      source: (["referral", "inbound", "sourced", "agency"] as const)[n % 4]!,
      notes: "",
      addedDaysAgo: daysAgo + 14,
      loop: {
        status: "closed",
        interviews,
        decision: {
          decision: hire ? "hire" : "no_hire",
          rationale: hire
            ? "Consistent evidence at or above the bar on the 20% dimensions; the panel agreed after the debrief."
            : "Below the bar on the dimensions a Lead needs most; the debrief found no evidence that changed it.",
          byEmail: "hm@loopwise.test",
          dayOffset: -(daysAgo - 6),
        },
      },
    };
  });
}
