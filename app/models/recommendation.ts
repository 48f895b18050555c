// From a panel's submitted scorecards to a weighted, explainable recommendation (product.md,
// "Aggregation"). Pure and deterministic: pages call it with plain data, tests call it directly.

export type Level = 1 | 2 | 3 | 4;
export type OverallRecommendation = "strong_no" | "no" | "yes" | "strong_yes";

export interface RubricForScoring {
  dimensions: { key: string; name: string; weight: number }[];
  /** Highest threshold first; the last one starts at 1 so every score has a band. */
  bands: { key: string; label: string; minScore: number }[];
}

export interface SubmittedScorecard {
  interviewerId: number;
  /** dimension key -> level; a missing key or null means "not assessed". */
  ratings: Record<string, Level | null | undefined>;
  recommendation: OverallRecommendation | null;
  redFlags: { key: string; text: string; note: string }[];
}

export interface RecommendationInput {
  rubric: RubricForScoring;
  scorecards: SubmittedScorecard[];
  /** Non-cancelled interviews of the loop, and how many of them have a submitted scorecard. */
  scheduledInterviews: number;
  submittedInterviews: number;
  /** Of the interviews without a submitted scorecard, how many haven't happened yet. */
  upcomingInterviews?: number;
  /** interviewerId -> leniency (already shrunk); absent means 0. */
  leniency?: Record<number, number>;
}

export interface DimensionResult {
  key: string;
  name: string;
  weight: number;
  ratingCount: number;
  /** Mean rating, or null when nobody rated it. */
  score: number | null;
  calibratedScore: number | null;
  min: number | null;
  max: number | null;
  /** max - min, the spread the split-panel gate looks at. */
  spread: number | null;
}

export type Gate =
  | { kind: "incomplete"; reasons: string[] }
  | { kind: "red_flag"; flags: { key: string; text: string; note: string; interviewerId: number }[] }
  | { kind: "split_panel"; reasons: string[] };

export interface Recommendation {
  dimensions: DimensionResult[];
  /** Σ w over rated dimensions ÷ 100 (0..1). */
  coverage: number;
  score: number | null;
  calibratedScore: number | null;
  band: { key: string; label: string } | null;
  calibratedBand: { key: string; label: string } | null;
  gates: Gate[];
  /** Range of S over leaving out one interviewer at a time (null with fewer than two). */
  leaveOneOut: { min: number; max: number } | null;
  interviewerCount: number;
  /** The weighted sum spelled out, so a person can check S by hand. */
  workings: { key: string; name: string; weight: number; score: number; product: number }[];
  weightSum: number;
}

export const COVERAGE_GATE = 0.8;
export const SPLIT_SPREAD = 2;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const clampLevel = (x: number) => Math.min(4, Math.max(1, x));

function dimensionScores(rubric: RubricForScoring, scorecards: SubmittedScorecard[], leniency: Record<number, number>) {
  return rubric.dimensions.map((d): DimensionResult => {
    const rated = scorecards
      .map((c) => ({ level: c.ratings[d.key], interviewerId: c.interviewerId }))
      .filter((r): r is { level: Level; interviewerId: number } => typeof r.level === "number");
    const levels = rated.map((r) => r.level);
    // Calibration removes each interviewer's habitual offset; the result stays on the 1–4 scale.
    // Sorted before summing so the order of scorecards can't change a float's last bit.
    const calibrated = rated.map((r) => clampLevel(r.level - (leniency[r.interviewerId] ?? 0))).sort((a, b) => a - b);
    return {
      key: d.key,
      name: d.name,
      weight: d.weight,
      ratingCount: levels.length,
      score: levels.length ? mean(levels) : null,
      calibratedScore: calibrated.length ? mean(calibrated) : null,
      min: levels.length ? Math.min(...levels) : null,
      max: levels.length ? Math.max(...levels) : null,
      spread: levels.length ? Math.max(...levels) - Math.min(...levels) : null,
    };
  });
}

/** S = Σ w·s ÷ Σ w over rated dimensions; null when nothing is rated. */
function weighted(dims: { weight: number; score: number | null }[]): number | null {
  const rated = dims.filter((d) => d.score !== null);
  const weightSum = rated.reduce((a, d) => a + d.weight, 0);
  if (weightSum === 0) return null;
  return rated.reduce((a, d) => a + d.weight * (d.score as number), 0) / weightSum;
}

export function bandFor(score: number | null, bands: RubricForScoring["bands"]) {
  if (score === null) return null;
  // S itself is compared (S ≥ 3.5), not its two-decimal display; the tiny tolerance only
  // absorbs floating-point error in sums like 3.5 that are exact on paper.
  const band = bands.find((b) => score >= b.minScore - 1e-9) ?? bands.at(-1);
  return band ? { key: band.key, label: band.label } : null;
}

export function computeRecommendation(input: RecommendationInput): Recommendation {
  const { rubric, scorecards } = input;
  const leniency = input.leniency ?? {};
  const dimensions = dimensionScores(rubric, scorecards, leniency);
  const score = weighted(dimensions);
  const calibratedScore = weighted(dimensions.map((d) => ({ weight: d.weight, score: d.calibratedScore })));
  const totalWeight = rubric.dimensions.reduce((a, d) => a + d.weight, 0) || 100;
  const coverage = dimensions.filter((d) => d.ratingCount > 0).reduce((a, d) => a + d.weight, 0) / totalWeight;

  const gates: Gate[] = [];
  const incomplete: string[] = [];
  if (coverage < COVERAGE_GATE)
    incomplete.push(`Coverage is ${Math.round(coverage * 100)}%, below ${COVERAGE_GATE * 100}% of the rubric's weight.`);
  const missing = input.scheduledInterviews - input.submittedInterviews;
  const upcoming = Math.min(input.upcomingInterviews ?? 0, missing);
  const owed = missing - upcoming;
  if (owed > 0) incomplete.push(`${owed} scheduled interview${owed === 1 ? " has" : "s have"} no submitted scorecard.`);
  if (upcoming > 0) incomplete.push(`${upcoming} interview${upcoming === 1 ? " is" : "s are"} still to take place.`);
  if (incomplete.length) gates.push({ kind: "incomplete", reasons: incomplete });

  const flags = scorecards
    .flatMap((c) => c.redFlags.map((f) => ({ ...f, interviewerId: c.interviewerId })))
    .sort((a, b) => a.interviewerId - b.interviewerId || a.key.localeCompare(b.key));
  if (flags.length) gates.push({ kind: "red_flag", flags });

  const split: string[] = [];
  for (const d of dimensions)
    if (d.spread !== null && d.spread >= SPLIT_SPREAD) split.push(`${d.name}: ratings range from ${d.min} to ${d.max}.`);
  const recs = scorecards.map((c) => c.recommendation);
  const yes = recs.filter((r) => r === "yes" || r === "strong_yes").length;
  const no = recs.filter((r) => r === "no" || r === "strong_no").length;
  if (yes > 0 && no > 0) split.push(`Overall recommendations disagree: ${yes} yes, ${no} no.`);
  if (split.length) gates.push({ kind: "split_panel", reasons: split });

  const interviewers = [...new Set(scorecards.map((c) => c.interviewerId))].sort((a, b) => a - b);
  let leaveOneOut: Recommendation["leaveOneOut"] = null;
  if (interviewers.length >= 2) {
    const scores = interviewers
      .map((left) =>
        weighted(
          dimensionScores(
            rubric,
            scorecards.filter((c) => c.interviewerId !== left),
            leniency,
          ),
        ),
      )
      .filter((s): s is number => s !== null);
    if (scores.length) leaveOneOut = { min: Math.min(...scores), max: Math.max(...scores) };
  }

  const rated = dimensions.filter((d) => d.score !== null);
  return {
    dimensions,
    coverage,
    score,
    calibratedScore,
    band: bandFor(score, rubric.bands),
    calibratedBand: bandFor(calibratedScore, rubric.bands),
    gates,
    leaveOneOut,
    interviewerCount: interviewers.length,
    workings: rated.map((d) => ({
      key: d.key,
      name: d.name,
      weight: d.weight,
      score: d.score as number,
      product: d.weight * (d.score as number),
    })),
    weightSum: rated.reduce((a, d) => a + d.weight, 0),
  };
}

/** Two decimals, the way S is always shown. */
export function formatScore(score: number | null): string {
  return score === null ? "—" : score.toFixed(2);
}

export interface LoopAggregates {
  /** Per dimension: sum and count of submitted ratings, and their range. */
  dimensions: Record<string, { sum: number; count: number; min: number; max: number }>;
  redFlags: number;
  yes: number;
  no: number;
  scheduledInterviews: number;
  submittedInterviews: number;
}

/**
 * The same S, band and gates as computeRecommendation, from per-loop aggregates that SQL can
 * produce for thousands of loops at once (the compare view and exports). Raw scores only.
 */
export function recommendationFromAggregates(rubric: RubricForScoring, agg: LoopAggregates) {
  const dims = rubric.dimensions.map((d) => {
    const a = agg.dimensions[d.key];
    return { key: d.key, weight: d.weight, score: a && a.count ? a.sum / a.count : null, spread: a && a.count ? a.max - a.min : null };
  });
  const score = weighted(dims);
  const totalWeight = rubric.dimensions.reduce((s, d) => s + d.weight, 0) || 100;
  const coverage = dims.filter((d) => d.score !== null).reduce((s, d) => s + d.weight, 0) / totalWeight;
  const gates: Gate["kind"][] = [];
  if (coverage < COVERAGE_GATE || agg.scheduledInterviews > agg.submittedInterviews) gates.push("incomplete");
  if (agg.redFlags > 0) gates.push("red_flag");
  if (dims.some((d) => d.spread !== null && d.spread >= SPLIT_SPREAD) || (agg.yes > 0 && agg.no > 0)) gates.push("split_panel");
  return {
    score,
    band: bandFor(score, rubric.bands),
    coverage,
    gates,
    dimensionScores: Object.fromEntries(dims.map((d) => [d.key, d.score])),
  };
}
