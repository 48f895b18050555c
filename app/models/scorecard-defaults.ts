// What the scorecard form starts from: the interviewer's saved draft, over what a graded exercise
// suggests. Pure, so the precedence is one rule with its own tests.

/** A suggestion from a graded exercise (code review, take-home): a level, or null for "you choose". */
export type SuggestedRating = { level: number | null; evidence: string };

export type SavedRating = { level: number | null; notAssessed: boolean; evidence: string };

export type ScorecardDefaults = {
  rating: Record<string, string>;
  evidence: Record<string, string>;
  signals: string[];
  note: Record<string, string>;
  recommendation: string;
  takeaways: string;
};

/**
 * Per field, the interviewer's own entry wins, and an empty one never does: a draft saved before
 * the grade (notes typed, no level chosen) still shows the level the page says is pre-selected.
 * Suggestions are applied in order, a later one over an earlier.
 */
export function scorecardDefaults(
  saved: {
    ratings: Record<string, SavedRating>;
    signals: Record<string, string>;
    recommendation: string | null;
    takeaways: string;
  } | null,
  ...suggestions: Record<string, SuggestedRating>[]
): ScorecardDefaults {
  const rating: Record<string, string> = {};
  const evidence: Record<string, string> = {};
  for (const from of suggestions)
    for (const [key, s] of Object.entries(from)) {
      if (s.level) rating[key] = String(s.level);
      if (s.evidence) evidence[key] = s.evidence;
    }
  for (const [key, r] of Object.entries(saved?.ratings ?? {})) {
    const choice = r.notAssessed ? "na" : r.level ? String(r.level) : "";
    if (choice) rating[key] = choice;
    if (r.evidence.trim()) evidence[key] = r.evidence;
  }
  return {
    rating,
    evidence,
    signals: Object.keys(saved?.signals ?? {}),
    note: saved?.signals ?? {},
    recommendation: saved?.recommendation ?? "",
    takeaways: saved?.takeaways ?? "",
  };
}
