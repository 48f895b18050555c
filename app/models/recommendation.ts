// From a panel's submitted scorecards to a weighted, explainable recommendation (product.md,
// "Aggregation"). Pure and deterministic: pages call it with plain data, tests call it directly.
import { formatPercent, formatScore, shownScore } from "./numbers";
import { panelIn, type PanelIn } from "./panel-in";

export type Level = 1 | 2 | 3 | 4;
export type OverallRecommendation = "strong_no" | "no" | "yes" | "strong_yes";

export interface RubricForScoring {
  /** A floor: no `blocks` band or better while the dimension's score (as shown) is ≤ `atOrBelow`. */
  dimensions: { key: string; name: string; weight: number; floor?: { atOrBelow: number; blocks: string } | null }[];
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

/**
 * Submitted ratings of one dimension by one interviewer in a loop: the shape both the candidate
 * page (from scorecards) and the cross-candidate views (from SQL aggregates) feed the same
 * computation with, so their figures cannot disagree.
 */
export interface RatingGroup {
  interviewerId: number;
  dimensionKey: string;
  sum: number;
  count: number;
  min: number;
  max: number;
}

export interface RedFlag {
  key: string;
  text: string;
  note: string;
  interviewerId: number;
}

export interface PanelInput {
  rubric: RubricForScoring;
  groups: RatingGroup[];
  /** One per submitted scorecard. */
  recommendations: (OverallRecommendation | null)[];
  redFlags: RedFlag[];
  /** Non-cancelled interviews of the loop, and how many of them have a submitted scorecard. */
  scheduledInterviews: number;
  submittedInterviews: number;
  /** Of the interviews without a submitted scorecard, how many haven't happened yet. */
  upcomingInterviews?: number;
  /** interviewerId -> leniency (already shrunk); absent means 0. */
  leniency?: Record<number, number>;
  /** The leave-one-out spread costs a recomputation per interviewer; views that don't show it skip it. */
  skipSpread?: boolean;
}

export type RecommendationInput = Omit<PanelInput, "groups" | "recommendations" | "redFlags"> & { scorecards: SubmittedScorecard[] };

export interface DimensionResult {
  key: string;
  name: string;
  weight: number;
  ratingCount: number;
  /** Sum of the ratings (whole numbers): the mean's numerator, for exact workings. */
  ratingSum: number;
  /** Mean rating, or null when nobody rated it. */
  score: number | null;
  /** Mean of (rating − its interviewer's leniency); not clamped, so it may leave 1–4 slightly. */
  calibratedScore: number | null;
  min: number | null;
  max: number | null;
  /** max - min, the spread the split-panel gate looks at. */
  spread: number | null;
}

export type Gate =
  | { kind: "incomplete"; reasons: string[] }
  | { kind: "red_flag"; flags: RedFlag[] }
  | { kind: "split_panel"; reasons: string[] }
  | { kind: "floor"; reasons: string[] };

export interface Recommendation {
  dimensions: DimensionResult[];
  /** Σ w over rated dimensions ÷ 100 (0..1). */
  coverage: number;
  score: number | null;
  /** S of the leniency-adjusted dimension scores, clamped once to the 1–4 scale. */
  calibratedScore: number | null;
  band: { key: string; label: string } | null;
  calibratedBand: { key: string; label: string } | null;
  gates: Gate[];
  /** Range of S over leaving out one interviewer at a time (null with fewer than two). */
  leaveOneOut: { min: number; max: number } | null;
  interviewerCount: number;
  /** How many of the expected scorecards are in: until all are, the bands are provisional (panel-in.ts). */
  panelIn: PanelIn;
  /** The weighted sum spelled out, so a person can check S by hand (workings.ts writes it). */
  workings: { key: string; name: string; weight: number; ratingSum: number; ratingCount: number }[];
  weightSum: number;
}

export const COVERAGE_GATE = 0.8;
export const SPLIT_SPREAD = 2;

function dimensionScores(rubric: RubricForScoring, groups: RatingGroup[], leniency: Record<number, number>) {
  return rubric.dimensions.map((d): DimensionResult => {
    const rated = groups.filter((g) => g.dimensionKey === d.key && g.count > 0);
    const count = rated.reduce((a, g) => a + g.count, 0);
    const sum = rated.reduce((a, g) => a + g.sum, 0);
    // Calibration subtracts each interviewer's leniency from each of their ratings (product.md).
    const adjustment = rated.reduce((a, g) => a + g.count * (leniency[g.interviewerId] ?? 0), 0);
    const min = count ? Math.min(...rated.map((g) => g.min)) : null;
    const max = count ? Math.max(...rated.map((g) => g.max)) : null;
    return {
      key: d.key,
      name: d.name,
      weight: d.weight,
      ratingCount: count,
      ratingSum: sum,
      score: count ? sum / count : null,
      calibratedScore: count ? (sum - adjustment) / count : null,
      min,
      max,
      spread: min === null || max === null ? null : max - min,
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

/** The band of a score, read from the score as shown (numbers.ts): "3.50" is Strong hire. */
export function bandFor(score: number | null, bands: RubricForScoring["bands"]) {
  const shown = shownScore(score);
  if (shown === null) return null;
  const band = bands.find((b) => shown >= b.minScore) ?? bands.at(-1);
  return band ? { key: band.key, label: band.label } : null;
}

/**
 * The floors that bite: a dimension scored (as shown) at or below its floor while the band is the
 * one the floor blocks or better. The band itself stays what S says; the gate sits above it.
 */
function floorReasons(rubric: RubricForScoring, dimensions: DimensionResult[], band: { key: string } | null): string[] {
  const rank = (key: string | undefined) => rubric.bands.findIndex((b) => b.key === key);
  if (!band) return [];
  return rubric.dimensions.flatMap((d, i) => {
    const shown = shownScore(dimensions[i]!.score);
    if (!d.floor || shown === null || shown > d.floor.atOrBelow || rank(band.key) > rank(d.floor.blocks)) return [];
    const blocked = rubric.bands[rank(d.floor.blocks)]!.label;
    return [`No ${blocked} band or better while the score for ${d.name} is ≤ ${d.floor.atOrBelow}: it is ${formatScore(shown)}.`];
  });
}

const clampToScale = (x: number | null) => (x === null ? null : Math.min(4, Math.max(1, x)));

/** Scorecards to rating groups: what the candidate page has, in the shape every view shares. */
export function groupsFromScorecards(scorecards: SubmittedScorecard[]): RatingGroup[] {
  const groups = new Map<string, RatingGroup>();
  for (const c of scorecards)
    for (const [dimensionKey, level] of Object.entries(c.ratings)) {
      if (typeof level !== "number") continue;
      const key = `${c.interviewerId}\u0000${dimensionKey}`;
      const g = groups.get(key) ?? { interviewerId: c.interviewerId, dimensionKey, sum: 0, count: 0, min: level, max: level };
      g.sum += level;
      g.count += 1;
      g.min = Math.min(g.min, level);
      g.max = Math.max(g.max, level);
      groups.set(key, g);
    }
  return [...groups.values()];
}

export function computeRecommendation(input: RecommendationInput): Recommendation {
  const { scorecards, ...rest } = input;
  return recommendationFromPanel({
    ...rest,
    groups: groupsFromScorecards(scorecards),
    recommendations: scorecards.map((c) => c.recommendation),
    redFlags: scorecards.flatMap((c) => c.redFlags.map((f) => ({ ...f, interviewerId: c.interviewerId }))),
  });
}

export function recommendationFromPanel(input: PanelInput): Recommendation {
  const { rubric } = input;
  // A canonical order, so the order rows arrive in can't change a float's last bit.
  const groups = [...input.groups].sort((a, b) => a.dimensionKey.localeCompare(b.dimensionKey) || a.interviewerId - b.interviewerId);
  const leniency = input.leniency ?? {};
  const dimensions = dimensionScores(rubric, groups, leniency);
  const score = weighted(dimensions);
  const calibratedScore = clampToScale(weighted(dimensions.map((d) => ({ weight: d.weight, score: d.calibratedScore }))));
  const totalWeight = rubric.dimensions.reduce((a, d) => a + d.weight, 0) || 100;
  const coverage = dimensions.filter((d) => d.ratingCount > 0).reduce((a, d) => a + d.weight, 0) / totalWeight;

  const gates: Gate[] = [];
  const incomplete: string[] = [];
  if (coverage < COVERAGE_GATE)
    incomplete.push(`Coverage is ${formatPercent(coverage)}, below ${formatPercent(COVERAGE_GATE)} of the rubric's weight.`);
  const missing = input.scheduledInterviews - input.submittedInterviews;
  const upcoming = Math.min(input.upcomingInterviews ?? 0, missing);
  const owed = missing - upcoming;
  if (owed > 0) incomplete.push(`${owed} scheduled interview${owed === 1 ? " has" : "s have"} no submitted scorecard.`);
  if (upcoming > 0) incomplete.push(`${upcoming} interview${upcoming === 1 ? " is" : "s are"} still to take place.`);
  if (incomplete.length) gates.push({ kind: "incomplete", reasons: incomplete });

  const flags = [...input.redFlags].sort((a, b) => a.interviewerId - b.interviewerId || a.key.localeCompare(b.key));
  if (flags.length) gates.push({ kind: "red_flag", flags });

  const split: string[] = [];
  for (const d of dimensions)
    if (d.spread !== null && d.spread >= SPLIT_SPREAD) split.push(`${d.name}: ratings range from ${d.min} to ${d.max}.`);
  const yes = input.recommendations.filter((r) => r === "yes" || r === "strong_yes").length;
  const no = input.recommendations.filter((r) => r === "no" || r === "strong_no").length;
  if (yes > 0 && no > 0) split.push(`Overall recommendations disagree: ${yes} yes, ${no} no.`);
  if (split.length) gates.push({ kind: "split_panel", reasons: split });

  const band = bandFor(score, rubric.bands);
  const floors = floorReasons(rubric, dimensions, band);
  if (floors.length) gates.push({ kind: "floor", reasons: floors });

  const interviewers = [...new Set(groups.map((g) => g.interviewerId))].sort((a, b) => a - b);
  let leaveOneOut: Recommendation["leaveOneOut"] = null;
  if (interviewers.length >= 2 && !input.skipSpread) {
    const scores = interviewers
      .map((left) =>
        weighted(
          dimensionScores(
            rubric,
            groups.filter((g) => g.interviewerId !== left),
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
    band,
    calibratedBand: bandFor(calibratedScore, rubric.bands),
    gates,
    leaveOneOut,
    interviewerCount: interviewers.length,
    panelIn: panelIn(input.scheduledInterviews, input.submittedInterviews),
    workings: rated.map((d) => ({ key: d.key, name: d.name, weight: d.weight, ratingSum: d.ratingSum, ratingCount: d.ratingCount })),
    weightSum: rated.reduce((a, d) => a + d.weight, 0),
  };
}
