// Auto-scoring of a candidate's code review against the answer key (product.md, "Code-review
// simulation"), and the grader's adjustments on top. Pure: no database, no files.

export const SEVERITY_WEIGHT = { critical: 3, major: 2, minor: 1 } as const;
export type Severity = keyof typeof SEVERITY_WEIGHT;

/** How many lines either side of a defect's range a comment may sit and still match it. */
export const LINE_TOLERANCE = 2;
/** A comment spanning more lines than this matches by its first line only, so one comment on a
 * whole file can't collect every defect in it. */
export const MAX_COMMENT_SPAN = 10;

export interface KeyDefect {
  id: string;
  file: string;
  lines: [number, number];
  severity: Severity;
  dimension: string;
}

export interface ReviewComment {
  id: number;
  filePath: string;
  line: number;
  endLine?: number | null;
}

export function commentMatchesDefect(comment: ReviewComment, defect: KeyDefect, tolerance = LINE_TOLERANCE): boolean {
  if (comment.filePath !== defect.file) return false;
  const start = comment.line;
  const end = comment.endLine && comment.endLine - comment.line < MAX_COMMENT_SPAN ? Math.max(comment.endLine, start) : start;
  return start <= defect.lines[1] + tolerance && end >= defect.lines[0] - tolerance;
}

export interface AutoScore {
  defects: { id: string; severity: Severity; dimension: string; weight: number; matchedCommentIds: number[] }[];
  unmatchedCommentIds: number[];
  /** Severity-weighted recall, 0..1. */
  recall: number;
  foundWeight: number;
  totalWeight: number;
  byDimension: Record<string, { found: number; total: number; recall: number }>;
}

export function autoScore(defects: KeyDefect[], comments: ReviewComment[]): AutoScore {
  const matched = new Set<number>();
  const rows = defects.map((d) => {
    const ids = comments.filter((c) => commentMatchesDefect(c, d)).map((c) => c.id);
    ids.forEach((id) => matched.add(id));
    return { id: d.id, severity: d.severity, dimension: d.dimension, weight: SEVERITY_WEIGHT[d.severity], matchedCommentIds: ids };
  });
  return summarise(
    rows,
    rows.map((r) => r.matchedCommentIds.length > 0),
    [],
    comments.map((c) => c.id).filter((id) => !matched.has(id)),
  );
}

export interface GraderDecisions {
  /** Defect ids whose match the grader rejected (the comment didn't actually identify the issue). */
  rejected: string[];
  /** Comments outside the key that the grader credits as valid findings. */
  credited: { commentId: number; severity: Severity; dimension: string }[];
}

/**
 * The graded result: matched defects count unless rejected; credited findings add their weight
 * to their dimension (recall is capped at 1, since extra findings can't exceed a full review).
 */
export function gradedScore(defects: KeyDefect[], comments: ReviewComment[], decisions: GraderDecisions): AutoScore {
  const auto = autoScore(defects, comments);
  const rejected = new Set(decisions.rejected);
  const found = auto.defects.map((d) => d.matchedCommentIds.length > 0 && !rejected.has(d.id));
  const credited = new Set(decisions.credited.map((c) => c.commentId));
  return summarise(
    auto.defects,
    found,
    decisions.credited,
    auto.unmatchedCommentIds.filter((id) => !credited.has(id)),
  );
}

function summarise(
  rows: AutoScore["defects"],
  found: boolean[],
  credits: GraderDecisions["credited"],
  unmatchedCommentIds: number[],
): AutoScore {
  const byDimension: AutoScore["byDimension"] = {};
  rows.forEach((r, i) => {
    const dim = (byDimension[r.dimension] ??= { found: 0, total: 0, recall: 0 });
    dim.total += r.weight;
    if (found[i]) dim.found += r.weight;
  });
  for (const c of credits) {
    const dim = (byDimension[c.dimension] ??= { found: 0, total: 0, recall: 0 });
    dim.found += SEVERITY_WEIGHT[c.severity];
  }
  for (const dim of Object.values(byDimension)) dim.recall = dim.total ? Math.min(1, dim.found / dim.total) : 0;
  const totalWeight = rows.reduce((a, r) => a + r.weight, 0);
  const foundWeight =
    rows.reduce((a, r, i) => a + (found[i] ? r.weight : 0), 0) + credits.reduce((a, c) => a + SEVERITY_WEIGHT[c.severity], 0);
  return {
    defects: rows,
    unmatchedCommentIds,
    recall: totalWeight ? Math.min(1, foundWeight / totalWeight) : 0,
    foundWeight,
    totalWeight,
    byDimension,
  };
}

/**
 * A suggested 1–4 rating from a dimension's recall; only for dimensions the key really tests
 * (at least 3 points of planted weight), the rest are left to the interviewer.
 */
export function suggestedLevel(result: { found: number; total: number; recall: number }): 1 | 2 | 3 | 4 | null {
  if (result.total < 3) return null;
  if (result.recall >= 0.75) return 4;
  if (result.recall >= 0.5) return 3;
  if (result.recall >= 0.25) return 2;
  return 1;
}
