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
  /** Weight of valid findings outside the key that the grader credited (0 before grading). */
  creditedWeight: number;
  byDimension: Record<string, { found: number; total: number; recall: number; credited: number }>;
}

/** Lines between a comment and a defect's range (0 when inside it). */
function distance(comment: ReviewComment, defect: KeyDefect): number {
  if (comment.line < defect.lines[0]) return defect.lines[0] - comment.line;
  if (comment.line > defect.lines[1]) return comment.line - defect.lines[1];
  return 0;
}

/**
 * Each comment credits at most one planted defect: the nearest it matches (the more severe on a
 * tie). So a comment that happens to sit between two defects can't collect both, while several
 * comments on one defect still count it once.
 */
export function autoScore(defects: KeyDefect[], comments: ReviewComment[]): AutoScore {
  const matchedBy = new Map<string, number[]>(defects.map((d) => [d.id, []]));
  const unmatched: number[] = [];
  for (const c of comments) {
    const candidates = defects
      .filter((d) => commentMatchesDefect(c, d))
      .sort((a, b) => distance(c, a) - distance(c, b) || SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity]);
    if (candidates[0]) matchedBy.get(candidates[0].id)!.push(c.id);
    else unmatched.push(c.id);
  }
  const rows = defects.map((d) => ({
    id: d.id,
    severity: d.severity,
    dimension: d.dimension,
    weight: SEVERITY_WEIGHT[d.severity],
    matchedCommentIds: matchedBy.get(d.id)!,
  }));
  return summarise(
    rows,
    rows.map((r) => r.matchedCommentIds.length > 0),
    [],
    unmatched,
  );
}

export interface GraderDecisions {
  /** Defect ids whose match the grader rejected (the comment didn't actually identify the issue). */
  rejected: string[];
  /** Comments outside the key that the grader credits as valid findings. */
  credited: { commentId: number; severity: Severity; dimension: string }[];
}

/**
 * The graded result: matched defects count unless rejected; credited findings are added up
 * separately (creditedWeight, and per dimension), so recall always means "of the planted defects".
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
    const dim = (byDimension[r.dimension] ??= { found: 0, total: 0, recall: 0, credited: 0 });
    dim.total += r.weight;
    if (found[i]) dim.found += r.weight;
  });
  // Credited findings are reported beside the planted-defect recall, never inside it.
  for (const c of credits)
    (byDimension[c.dimension] ??= { found: 0, total: 0, recall: 0, credited: 0 }).credited += SEVERITY_WEIGHT[c.severity];
  for (const dim of Object.values(byDimension)) dim.recall = dim.total ? dim.found / dim.total : 0;
  const totalWeight = rows.reduce((a, r) => a + r.weight, 0);
  const foundWeight = rows.reduce((a, r, i) => a + (found[i] ? r.weight : 0), 0);
  return {
    defects: rows,
    unmatchedCommentIds,
    recall: totalWeight ? foundWeight / totalWeight : 0,
    foundWeight,
    totalWeight,
    creditedWeight: credits.reduce((a, c) => a + SEVERITY_WEIGHT[c.severity], 0),
    byDimension,
  };
}

/**
 * A suggested 1–4 rating from a dimension's recall; only for dimensions the key really tests
 * (at least 3 points of planted weight), the rest are left to the interviewer.
 */
export function suggestedLevel(result: { found: number; total: number; recall: number; credited?: number }): 1 | 2 | 3 | 4 | null {
  if (result.total < 3) return null;
  // A credited finding outside the key can lift a suggestion by at most one level.
  const bonus = (result.credited ?? 0) >= 2 ? 1 : 0;
  const base = result.recall >= 0.75 ? 4 : result.recall >= 0.5 ? 3 : result.recall >= 0.25 ? 2 : 1;
  return Math.min(4, base + bonus) as 1 | 2 | 3 | 4;
}
