// Auto-scoring of a candidate's code review against the answer key (product.md, "Code-review
// simulation"), and the grader's adjustments on top. Pure: no database, no files.

export const SEVERITY_WEIGHT = { critical: 3, major: 2, minor: 1 } as const;
export type Severity = keyof typeof SEVERITY_WEIGHT;

/** How many lines either side of an anchor a comment may sit and still match it. */
export const LINE_TOLERANCE = 2;
/** A comment spanning more lines than this matches by its first line only, so one comment on a
 * whole file can't collect every defect in it. */
export const MAX_COMMENT_SPAN = 10;

export interface Anchor {
  file: string;
  lines: [number, number];
}

/**
 * An item of the answer key: a planted defect with its anchors, or a PR-level judgement (no
 * anchors), which only the grader can credit, from the candidate's summary.
 */
export interface KeyItem {
  id: string;
  anchors: Anchor[];
  severity: Severity;
  dimension: string;
}

export interface ReviewComment {
  id: number;
  filePath: string;
  line: number;
  endLine?: number | null;
}

/** Lines between a comment and an anchor (0 when they touch), or null when it is too far to match. */
export function anchorDistance(comment: ReviewComment, anchor: Anchor, tolerance = LINE_TOLERANCE): number | null {
  if (comment.filePath !== anchor.file) return null;
  const start = comment.line;
  const end = comment.endLine && comment.endLine - comment.line < MAX_COMMENT_SPAN ? Math.max(comment.endLine, start) : start;
  const gap = Math.max(anchor.lines[0] - end, start - anchor.lines[1], 0);
  return gap <= tolerance ? gap : null;
}

/**
 * The planted defect a comment credits automatically: the one with the nearest anchor, the more
 * severe on a tie (then the first in the key). So a comment between two defects can't collect
 * both, while several comments on one defect still count it once.
 */
export function matchComment(comment: ReviewComment, items: KeyItem[]): string | null {
  let best: { id: string; distance: number; weight: number } | null = null;
  for (const item of items) {
    const distances = item.anchors.map((a) => anchorDistance(comment, a)).filter((d): d is number => d !== null);
    if (!distances.length) continue;
    const candidate = { id: item.id, distance: Math.min(...distances), weight: SEVERITY_WEIGHT[item.severity] };
    if (!best || candidate.distance < best.distance || (candidate.distance === best.distance && candidate.weight > best.weight))
      best = candidate;
  }
  return best?.id ?? null;
}

/** The grader's corrections: comment id -> the key item it actually identifies (null: none). */
export type Moves = ReadonlyMap<number, string | null>;

export interface Match {
  commentId: number;
  /** "anchor": matched by its line; "grader": moved there by the grader. */
  by: "anchor" | "grader";
}

export interface Matching {
  byItem: Map<string, Match[]>;
  unmatchedCommentIds: number[];
}

/** Every comment credited to at most one key item: by its anchors, unless the grader moved it. */
export function matchComments(items: KeyItem[], comments: ReviewComment[], moves: Moves = new Map()): Matching {
  const byItem = new Map<string, Match[]>(items.map((i) => [i.id, []]));
  const unmatchedCommentIds: number[] = [];
  for (const c of comments) {
    const moved = moves.has(c.id) && (moves.get(c.id) === null || byItem.has(moves.get(c.id)!));
    const target = moved ? moves.get(c.id)! : matchComment(c, items);
    if (target) byItem.get(target)!.push({ commentId: c.id, by: moved ? "grader" : "anchor" });
    else unmatchedCommentIds.push(c.id);
  }
  return { byItem, unmatchedCommentIds };
}

export interface GraderDecisions {
  /** Items whose matched comments the grader rejected (right line, wrong point). */
  rejected: string[];
  /** Comments outside the key that the grader credits as valid findings. */
  credited: { commentId: number; severity: Severity; dimension: string }[];
  /** PR-level judgement items the grader credits from the candidate's summary. */
  fromSummary: string[];
}

export const NO_DECISIONS: GraderDecisions = { rejected: [], credited: [], fromSummary: [] };

export interface DimensionResult {
  found: number;
  total: number;
  recall: number;
  credited: number;
}

export interface ReviewScore {
  items: { id: string; severity: Severity; dimension: string; weight: number; matches: Match[]; found: boolean }[];
  /** Comments that credit no key item, whether or not the grader credited them as findings. */
  unmatchedCommentIds: number[];
  /** Severity-weighted recall of the answer key, 0..1. */
  recall: number;
  foundWeight: number;
  totalWeight: number;
  /** Valid findings outside the key that the grader credited, and their weight (none before grading). */
  credits: GraderDecisions["credited"];
  creditedWeight: number;
  byDimension: Record<string, DimensionResult>;
}

/** The machine's score: items matched by a comment's line, nothing else. */
export function autoScore(items: KeyItem[], comments: ReviewComment[]): ReviewScore {
  return scoreMatching(items, matchComments(items, comments), NO_DECISIONS);
}

/**
 * The graded result: the grader's moves decide which comment credits which item; matched items
 * count unless rejected; judgements count when credited from the summary; findings outside the
 * key are added up separately (creditedWeight), so recall always means "of the answer key".
 */
export function gradedScore(items: KeyItem[], comments: ReviewComment[], moves: Moves, decisions: GraderDecisions): ReviewScore {
  return scoreMatching(items, matchComments(items, comments, moves), decisions);
}

function scoreMatching(items: KeyItem[], matching: Matching, decisions: GraderDecisions): ReviewScore {
  const rejected = new Set(decisions.rejected);
  const fromSummary = new Set(decisions.fromSummary);
  const unmatched = new Set(matching.unmatchedCommentIds);
  // A credit only stands for a comment that is still outside the key (a move may have placed it).
  const credits = decisions.credited.filter((c) => unmatched.has(c.commentId));
  const rows = items.map((item) => {
    const matches = matching.byItem.get(item.id) ?? [];
    return {
      id: item.id,
      severity: item.severity,
      dimension: item.dimension,
      weight: SEVERITY_WEIGHT[item.severity],
      matches,
      found: (matches.length > 0 && !rejected.has(item.id)) || fromSummary.has(item.id),
    };
  });
  const byDimension: Record<string, DimensionResult> = {};
  const dimension = (key: string) => (byDimension[key] ??= { found: 0, total: 0, recall: 0, credited: 0 });
  for (const r of rows) {
    dimension(r.dimension).total += r.weight;
    if (r.found) dimension(r.dimension).found += r.weight;
  }
  // Credited findings are reported beside the answer-key recall, never inside it.
  for (const c of credits) dimension(c.dimension).credited += SEVERITY_WEIGHT[c.severity];
  for (const d of Object.values(byDimension)) d.recall = d.total ? d.found / d.total : 0;
  const totalWeight = rows.reduce((a, r) => a + r.weight, 0);
  const foundWeight = rows.reduce((a, r) => a + (r.found ? r.weight : 0), 0);
  return {
    items: rows,
    unmatchedCommentIds: matching.unmatchedCommentIds,
    recall: totalWeight ? foundWeight / totalWeight : 0,
    foundWeight,
    totalWeight,
    credits,
    creditedWeight: credits.reduce((a, c) => a + SEVERITY_WEIGHT[c.severity], 0),
    byDimension,
  };
}

/**
 * A suggested 1–4 rating from a dimension's recall, for dimensions the key really tests (at least
 * 3 points of planted weight). Where the candidate found nothing there is no suggested level:
 * the recall is shown and the interviewer chooses, rather than a pre-selected "1".
 */
export function suggestedLevel(result: DimensionResult): 1 | 2 | 3 | 4 | null {
  if (result.total < 3 || (result.found === 0 && result.credited === 0)) return null;
  // A credited finding outside the key can lift a suggestion by at most one level.
  const bonus = result.credited >= 2 ? 1 : 0;
  const base = result.recall >= 0.75 ? 4 : result.recall >= 0.5 ? 3 : result.recall >= 0.25 ? 2 : 1;
  return Math.min(4, base + bonus) as 1 | 2 | 3 | 4;
}
