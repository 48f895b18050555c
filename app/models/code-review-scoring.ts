// Auto-scoring of a candidate's code review against the answer key (product.md, "Code-review
// simulation"), and the grader's adjustments on top. Pure: no database, no files.
import { addresses, type CompiledRule, wordsOf } from "./review-credit";

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
  /** What a comment must say to be credited automatically; without one, its position is enough. */
  credit?: CompiledRule | null;
}

export interface ReviewComment {
  id: number;
  filePath: string;
  line: number;
  endLine?: number | null;
  body?: string;
}

/** Lines between a comment and an anchor (0 when they touch), or null when it is too far to match. */
export function anchorDistance(comment: ReviewComment, anchor: Anchor, tolerance = LINE_TOLERANCE): number | null {
  if (comment.filePath !== anchor.file) return null;
  const start = comment.line;
  const end = comment.endLine && comment.endLine - comment.line < MAX_COMMENT_SPAN ? Math.max(comment.endLine, start) : start;
  const gap = Math.max(anchor.lines[0] - end, start - anchor.lines[1], 0);
  return gap <= tolerance ? gap : null;
}

/** Key items with an anchor within reach of the comment: nearest first, the more severe on a tie, then key order. */
function itemsAround(comment: ReviewComment, items: KeyItem[]): KeyItem[] {
  const around: { item: KeyItem; distance: number; order: number }[] = [];
  items.forEach((item, order) => {
    const distances = item.anchors.map((a) => anchorDistance(comment, a)).filter((d): d is number => d !== null);
    if (distances.length) around.push({ item, distance: Math.min(...distances), order });
  });
  return around
    .sort((a, b) => a.distance - b.distance || SEVERITY_WEIGHT[b.item.severity] - SEVERITY_WEIGHT[a.item.severity] || a.order - b.order)
    .map((a) => a.item);
}

const namesIt = (words: string[], item: KeyItem) => !item.credit || addresses(words, item.credit);

/**
 * Where a comment's line and text put it: the key item it credits (the nearest one it sits on
 * whose minimum to credit its text names, the more severe on a tie), or else the nearest item it
 * sits on, as "near" for the grader to read. So a comment between two defects can't collect
 * both, several comments on one defect count it once, and "ok" on the right line credits nothing.
 */
export function placeComment(comment: ReviewComment, items: KeyItem[], words = wordsOf(comment.body ?? "")) {
  const around = itemsAround(comment, items);
  const credits = around.find((item) => namesIt(words, item));
  return { credits: credits?.id ?? null, near: credits ? null : (around[0]?.id ?? null) };
}

/** The planted defect a comment credits automatically, or null (see placeComment). */
export function matchComment(comment: ReviewComment, items: KeyItem[]): string | null {
  return placeComment(comment, items).credits;
}

/** The grader's corrections: comment id -> the key item it actually identifies (null: none). */
export type Moves = ReadonlyMap<number, string | null>;

export interface Match {
  commentId: number;
  /** "anchor": matched by its line and text; "grader": moved there by the grader. */
  by: "anchor" | "grader";
}

/**
 * Why a comment on an item's anchor isn't credited automatically: its text doesn't name the item;
 * the same text is pasted on many lines; or it names the concepts of many items at once (a
 * keyword list). The grader reads it and may move it onto the item.
 */
export type NearReason = "text" | "repeated" | "keyword_list";

/** The same words on this many comments are pasted, not written about each line. */
export const PASTED_AFTER = 3;
/**
 * A comment naming the minimum of this many key items at once, in fewer than WORDS_PER_FINDING
 * words for each, is a list of keywords, not a finding. A real reviewer's long comment often
 * touches several items while explaining one; what it doesn't do is name them in a few words each.
 */
export const KEYWORD_LIST_ITEMS = 3;
export const WORDS_PER_FINDING = 8;

export interface Matching {
  byItem: Map<string, Match[]>;
  unmatchedCommentIds: number[];
  /** Comments that sit on an item's anchor and credit nothing automatically: which item, and why. */
  near: Map<number, { itemId: string; why: NearReason }>;
}

/** Comments whose text can't be trusted to credit anything by itself: pasted, or keyword lists. */
function distrusted(items: KeyItem[], comments: { c: ReviewComment; words: string[] }[]): Map<number, NearReason> {
  const out = new Map<number, NearReason>();
  const copies = new Map<string, number>();
  for (const { words } of comments) if (words.length) copies.set(words.join(" "), (copies.get(words.join(" ")) ?? 0) + 1);
  const ruled = items.filter((i) => i.credit);
  for (const { c, words } of comments) {
    if (!words.length) continue;
    if ((copies.get(words.join(" ")) ?? 0) >= PASTED_AFTER) out.set(c.id, "repeated");
    else {
      const named = ruled.filter((i) => addresses(words, i.credit!)).length;
      if (named >= KEYWORD_LIST_ITEMS && words.length < named * WORDS_PER_FINDING) out.set(c.id, "keyword_list");
    }
  }
  return out;
}

/** Every comment credited to at most one key item: by its anchors and text, unless the grader moved it. */
export function matchComments(items: KeyItem[], comments: ReviewComment[], moves: Moves = new Map()): Matching {
  const byItem = new Map<string, Match[]>(items.map((i) => [i.id, []]));
  const unmatchedCommentIds: number[] = [];
  const near = new Map<number, { itemId: string; why: NearReason }>();
  const read = comments.map((c) => ({ c, words: wordsOf(c.body ?? "") }));
  const untrusted = distrusted(items, read);
  for (const { c, words } of read) {
    const moved = moves.has(c.id) && (moves.get(c.id) === null || byItem.has(moves.get(c.id)!));
    if (moved) {
      const target = moves.get(c.id)!;
      if (target) byItem.get(target)!.push({ commentId: c.id, by: "grader" });
      else unmatchedCommentIds.push(c.id);
      continue;
    }
    const placed = placeComment(c, items, words);
    const why = untrusted.get(c.id);
    if (placed.credits && !why) {
      byItem.get(placed.credits)!.push({ commentId: c.id, by: "anchor" });
      continue;
    }
    unmatchedCommentIds.push(c.id);
    const itemId = placed.credits ?? placed.near;
    if (itemId) near.set(c.id, { itemId, why: why ?? "text" });
  }
  return { byItem, unmatchedCommentIds, near };
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
  /** Of those, the ones on an item's anchor: which item, and why they weren't credited automatically. */
  near: Matching["near"];
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
    near: matching.near,
    recall: totalWeight ? foundWeight / totalWeight : 0,
    foundWeight,
    totalWeight,
    credits,
    creditedWeight: credits.reduce((a, c) => a + SEVERITY_WEIGHT[c.severity], 0),
    byDimension,
  };
}

/**
 * The recall a dimension needs for each suggested level on one pull request. Set per pull request
 * (its meta.json, with the reason) because keys differ in how hard their items are to find.
 */
export interface LevelCutoffs {
  4: number;
  3: number;
  2: number;
}

export const DEFAULT_CUTOFFS: LevelCutoffs = { 4: 0.75, 3: 0.5, 2: 0.25 };

/** A focus dimension's suggestion rests on at least this many items and points of the key. */
export const MIN_FOCUS_ITEMS = 3;
export const MIN_FOCUS_POINTS = 6;

/**
 * A suggested 1–4 rating from a dimension's recall, for dimensions the key really tests (at least
 * 3 points of planted weight). Where the candidate found nothing there is no suggested level:
 * the recall is shown and the interviewer chooses, rather than a pre-selected "1".
 */
export function suggestedLevel(result: DimensionResult, cutoffs: LevelCutoffs = DEFAULT_CUTOFFS): 1 | 2 | 3 | 4 | null {
  if (result.total < 3 || (result.found === 0 && result.credited === 0)) return null;
  // A credited finding outside the key can lift a suggestion by at most one level.
  const bonus = result.credited >= 2 ? 1 : 0;
  const base = result.recall >= cutoffs[4] ? 4 : result.recall >= cutoffs[3] ? 3 : result.recall >= cutoffs[2] ? 2 : 1;
  return Math.min(4, base + bonus) as 1 | 2 | 3 | 4;
}

export interface DecoyLines {
  file: string;
  lines: [number, number];
}

/**
 * For each decoy (a plausible line that is fine), the comments on it that credit no key item:
 * a reviewer calling a decoy a defect, which the rubric's level-4 clause for software engineering
 * ("recognises plausible-looking lines that are fine") asks the grader to weigh.
 */
export function commentsOnDecoys(decoys: DecoyLines[], comments: ReviewComment[], matching: Pick<Matching, "unmatchedCommentIds">) {
  const unmatched = new Set(matching.unmatchedCommentIds);
  return decoys.map((decoy) =>
    comments.filter((c) => unmatched.has(c.id) && anchorDistance(c, { file: decoy.file, lines: decoy.lines }, 0) !== null).map((c) => c.id),
  );
}

/** How the candidate ranked a comment: must be fixed before merging, or a nit. Unmarked: neither said. */
export type CommentPriority = "blocking" | "nit";

/** What a review shows about its precision and prioritisation, for the rubric's suggestion rules. */
export interface ReviewFacts {
  /** Decoys (plausible lines that are fine) a comment marked blocking calls a defect. */
  decoysFlaggedBlocking: number;
  /** Critical security or privacy items still unfound when the candidate approved the pull request. */
  approvedWithOpenCritical: string[];
}

export function reviewFacts(input: {
  score: ReviewScore;
  categories: ReadonlyMap<string, string>;
  verdict: string | null;
  decoyCommentIds: number[][];
  priorities: ReadonlyMap<number, CommentPriority | null>;
}): ReviewFacts {
  const open = input.score.items.filter(
    (i) => i.severity === "critical" && !i.found && ["security", "privacy"].includes(input.categories.get(i.id) ?? ""),
  );
  return {
    decoysFlaggedBlocking: input.decoyCommentIds.filter((ids) => ids.some((id) => input.priorities.get(id) === "blocking")).length,
    approvedWithOpenCritical: input.verdict === "approve" ? open.map((i) => i.id) : [],
  };
}

/** A rubric's rule for a suggested rating: a condition of the review that caps a dimension's level. */
export interface SuggestionRule {
  dimension: string;
  when: "decoy_flagged_blocking" | "approved_with_open_critical";
  capAt: 1 | 2 | 3;
  says: string;
}

const holds = (rule: SuggestionRule, facts: ReviewFacts) =>
  rule.when === "decoy_flagged_blocking" ? facts.decoysFlaggedBlocking > 0 : facts.approvedWithOpenCritical.length > 0;

/**
 * The suggested level once the rubric's rules for this dimension are applied, with the rules that
 * bit (for the workings). A rule only caps; it never raises a level or makes one up.
 */
export function applySuggestionRules(
  level: 1 | 2 | 3 | 4 | null,
  dimension: string,
  rules: readonly SuggestionRule[],
  facts: ReviewFacts,
): { level: 1 | 2 | 3 | 4 | null; applied: SuggestionRule[] } {
  if (level === null) return { level, applied: [] };
  const applied = rules.filter((r) => r.dimension === dimension && holds(r, facts) && level > r.capAt);
  const capped = applied.reduce<1 | 2 | 3 | 4>((l, r) => (r.capAt < l ? r.capAt : l), level);
  return { level: capped, applied };
}
