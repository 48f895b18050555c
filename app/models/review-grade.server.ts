import { eq } from "drizzle-orm";
import { reviewCommentMoves, reviewGradeItems, reviewGrades, users } from "#db/schema";
import { db, type Db, type Tx } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import type { Assignment } from "./assignment.server";
import { listComments } from "./assignment.server";
import type { CodeReviewExercise } from "./code-review-exercise.server";
import { codeReviewExerciseOf } from "./code-review-version.server";
import {
  applySuggestionRules,
  autoScore,
  commentsOnDecoys,
  gradedScore,
  NO_DECISIONS,
  reviewFacts,
  suggestedLevel,
  type GraderDecisions,
  type CommentPriority,
  type KeyItem,
  type Moves,
  type ReviewComment,
  type ReviewScore,
  type SuggestionRule,
} from "./code-review-scoring";
import { compileRule, type CreditRule } from "./review-credit";
import { getRubricDetail } from "./rubric.server";

const compiled = new WeakMap<CodeReviewExercise, KeyItem[]>();

/**
 * The answer key as the scorer sees it: planted defects by their anchors and minimum to credit,
 * judgements with no anchor. A version from before minimums existed credits by position alone.
 */
export function keyItems(exercise: CodeReviewExercise): KeyItem[] {
  let items = compiled.get(exercise);
  if (!items) {
    const credit = (rule: CreditRule | undefined) => (rule ? compileRule(rule) : null);
    items = [
      ...exercise.defects.map((d) => ({
        id: d.id,
        anchors: d.anchors,
        severity: d.severity,
        dimension: d.dimension,
        credit: credit(d.minimumToCredit),
      })),
      ...exercise.judgements.map((j) => ({
        id: j.id,
        anchors: [],
        severity: j.severity,
        dimension: j.dimension,
        credit: credit(j.minimumToCredit),
      })),
    ];
    compiled.set(exercise, items);
  }
  return items;
}

function getGrade(assignmentId: number, database: Tx | Db = db()) {
  const grade = database
    .select({
      id: reviewGrades.id,
      graderId: reviewGrades.graderId,
      graderName: users.name,
      autoScore: reviewGrades.autoScore,
      score: reviewGrades.score,
      savedAt: reviewGrades.savedAt,
    })
    .from(reviewGrades)
    .innerJoin(users, eq(users.id, reviewGrades.graderId))
    .where(eq(reviewGrades.assignmentId, assignmentId))
    .get();
  if (!grade) return null;
  const items = database.select().from(reviewGradeItems).where(eq(reviewGradeItems.gradeId, grade.id)).all();
  const decisions: GraderDecisions = {
    rejected: items.filter((i) => i.decision === "rejected" && i.defectId).map((i) => i.defectId!),
    credited: items
      .filter((i) => i.decision === "credited" && i.commentId && i.severity && i.dimensionKey)
      .map((i) => ({ commentId: i.commentId!, severity: i.severity!, dimension: i.dimensionKey! })),
    fromSummary: items.filter((i) => i.decision === "summary" && i.defectId).map((i) => i.defectId!),
  };
  return { ...grade, decisions };
}

function listMoves(assignmentId: number, database: Tx | Db = db()): Map<number, string | null> {
  const rows = database
    .select({ commentId: reviewCommentMoves.commentId, defectId: reviewCommentMoves.defectId })
    .from(reviewCommentMoves)
    .where(eq(reviewCommentMoves.assignmentId, assignmentId))
    .all();
  return new Map(rows.map((r) => [r.commentId, r.defectId]));
}

/** Each comment with the line it is on, so the grader judges the comment in context. */
export function withCode<C extends ReviewComment>(exercise: CodeReviewExercise, comments: C[]): (C & { code: string })[] {
  return comments.map((c) => ({ ...c, code: exercise.files.find((f) => f.path === c.filePath)?.after.split("\n")[c.line - 1] ?? "" }));
}

/**
 * A review scored as a grader sees it, wherever its comments come from (a candidate's assignment
 * or a pre-graded sample): the automatic score, the current graded score (provisional until a
 * grade is saved, when it also gives the suggested ratings: recall against the pull request's
 * cut-offs, then the rubric's rules for the stage, which only cap, each one that bit named for the
 * workings), the decoys with the comments on them, and the facts the rules read.
 */
export function scoreReview(input: {
  exercise: CodeReviewExercise;
  comments: (ReviewComment & { priority: CommentPriority | null })[];
  moves: Moves;
  /** The saved grade's decisions; null before a grade is saved. */
  decisions: GraderDecisions | null;
  verdict: string | null;
  focusDimensions?: string[];
  rules?: readonly SuggestionRule[];
}) {
  const { exercise, comments, moves, focusDimensions, rules = [] } = input;
  const items = keyItems(exercise);
  const auto = autoScore(items, comments);
  const current = gradedScore(items, comments, moves, input.decisions ?? NO_DECISIONS);
  const graded = input.decisions ? current : null;
  const onDecoys = commentsOnDecoys(exercise.decoys, comments, current);
  const decoys = exercise.decoys.map((d, i) => ({ ...d, commentIds: onDecoys[i]! }));
  const facts = reviewFacts({
    score: current,
    categories: new Map([...exercise.defects, ...exercise.judgements].map((i) => [i.id, i.category])),
    verdict: input.verdict,
    decoyCommentIds: onDecoys,
    priorities: new Map(comments.map((c) => [c.id, c.priority])),
  });
  const suggestions = graded
    ? Object.fromEntries(
        Object.entries(graded.byDimension)
          // Only the stage's focus dimensions, and only where the key tests them enough to say anything.
          .filter(([dimension, r]) => r.total >= 3 && (!focusDimensions || focusDimensions.includes(dimension)))
          .map(([dimension, r]) => {
            const fromRecall = suggestedLevel(r, exercise.meta.levelCutoffs);
            const { level, applied } = applySuggestionRules(fromRecall, dimension, rules, facts);
            return [dimension, { level, fromRecall, applied: applied.map((a) => ({ capAt: a.capAt, says: a.says })), ...r }] as const;
          }),
      )
    : {};
  return { auto, current, graded, suggestions, decoys, facts };
}

/**
 * The review of one assignment as a grader sees it: the answer key, the candidate's comments,
 * the grader's moves and saved grade, and everything scoreReview works out from them.
 */
export function getReviewResult(assignment: Assignment, focusDimensions?: string[], rules: readonly SuggestionRule[] = []) {
  const exercise = codeReviewExerciseOf(assignment.exerciseId);
  const comments = withCode(exercise, listComments(assignment.id));
  const moves = listMoves(assignment.id);
  const grade = getGrade(assignment.id);
  const scored = scoreReview({
    exercise,
    comments,
    moves,
    decisions: grade?.decisions ?? null,
    verdict: assignment.verdict,
    focusDimensions,
    rules,
  });
  return { exercise, comments, moves, grade, ...scored };
}

type ReviewResult = Pick<
  ReturnType<typeof getReviewResult>,
  "exercise" | "moves" | "auto" | "current" | "decoys" | "suggestions" | "facts"
> & {
  comments: (ReviewComment & { body: string; priority: CommentPriority | null; code: string })[];
};

/**
 * What the grading view (components/code-review/grading-form.tsx) shows of a scored review, save
 * who graded it and the key version: each planted defect with the comments it is credited with,
 * each comment with where its line puts it and where the grader moved it.
 */
export function gradingView(result: ReviewResult, decisions: GraderDecisions | null) {
  const matchesOf = (id: string) => result.current.items.find((i) => i.id === id)?.matches ?? [];
  const autoTarget = (commentId: number) => result.auto.items.find((i) => i.matches.some((m) => m.commentId === commentId))?.id ?? null;
  return {
    defects: result.exercise.defects.map((d) => ({ ...d, matches: matchesOf(d.id) })),
    judgements: result.exercise.judgements.map((j) => ({ ...j, credited: decisions?.fromSummary.includes(j.id) ?? false })),
    comments: result.comments.map(({ id, filePath, line, body, priority, code }) => ({
      id,
      filePath,
      line,
      body: body ?? "",
      priority,
      code,
      autoTarget: autoTarget(id),
      moved: result.moves.has(id),
      target: result.moves.has(id) ? (result.moves.get(id) ?? null) : autoTarget(id),
      near: result.current.near.get(id) ?? null,
    })),
    decoys: result.decoys.map(({ file, lines, title, why, commentIds }) => ({ file, lines, title: title ?? null, why, commentIds })),
    unmatched: result.current.unmatchedCommentIds,
    auto: { recall: result.auto.recall, found: result.auto.foundWeight, total: result.auto.totalWeight },
    current: {
      recall: result.current.recall,
      found: result.current.foundWeight,
      total: result.current.totalWeight,
      credited: result.current.creditedWeight,
    },
    decisions,
    suggestions: result.suggestions,
    approvedWithOpenCritical: result.facts.approvedWithOpenCritical.map(
      (id) => result.exercise.defects.find((d) => d.id === id)?.title ?? id,
    ),
  };
}

/**
 * The review as the interview's rubric version reads it: the code-review stage's focus dimensions
 * and its suggestion rules (rubric v2 onwards; none before). What the grading page and the
 * scorecard both show, so their suggestions can't differ.
 */
export function reviewUnderRubric(assignment: Assignment, rubricVersionId: number) {
  const rubric = getRubricDetail(rubricVersionId);
  const focus = rubric?.stages.find((s) => s.key === "code_review")?.focus ?? [];
  const rules = (rubric?.suggestionRules ?? []).filter((r) => r.stage === "code_review");
  return getReviewResult(assignment, focus, rules);
}

/** A saved grade's rows: each credited key item with the comment (or summary) behind it, and each credit. */
export function writeGrade(tx: Tx, gradeId: number, score: ReviewScore, decisions: GraderDecisions) {
  tx.delete(reviewGradeItems).where(eq(reviewGradeItems.gradeId, gradeId)).run();
  const rejected = new Set(decisions.rejected);
  const fromSummary = new Set(decisions.fromSummary);
  const rows = [
    ...score.items
      .filter((i) => i.matches.length)
      .map((i) => ({
        gradeId,
        defectId: i.id,
        commentId: i.matches[0]!.commentId,
        decision: rejected.has(i.id) ? ("rejected" as const) : ("confirmed" as const),
        dimensionKey: i.dimension,
        severity: i.severity,
      })),
    ...score.items
      .filter((i) => fromSummary.has(i.id))
      .map((i) => ({
        gradeId,
        defectId: i.id,
        commentId: null,
        decision: "summary" as const,
        dimensionKey: i.dimension,
        severity: i.severity,
      })),
    ...score.credits.map((c) => ({
      gradeId,
      defectId: null,
      commentId: c.commentId,
      decision: "credited" as const,
      dimensionKey: c.dimension,
      severity: c.severity,
    })),
  ];
  if (rows.length) tx.insert(reviewGradeItems).values(rows).run();
}

const pctText = (x: number) => `${Math.round(x * 100)}%`;

export function saveGrade(actor: AuditActor & { id: number }, assignment: Assignment, decisions: GraderDecisions, now: Date) {
  const { exercise, comments, moves, auto } = getReviewResult(assignment, []);
  const graded = gradedScore(keyItems(exercise), comments, moves, decisions);
  return db().transaction((tx) => {
    const before = tx.select().from(reviewGrades).where(eq(reviewGrades.assignmentId, assignment.id)).get();
    const grade = before
      ? tx
          .update(reviewGrades)
          .set({ graderId: actor.id, autoScore: auto.recall, score: graded.recall, savedAt: now, updatedAt: now })
          .where(eq(reviewGrades.id, before.id))
          .returning()
          .get()
      : tx
          .insert(reviewGrades)
          .values({ assignmentId: assignment.id, graderId: actor.id, autoScore: auto.recall, score: graded.recall, savedAt: now })
          .returning()
          .get();
    writeGrade(tx, grade.id, graded, decisions);
    recordAudit(tx, {
      actor,
      at: now,
      action: before ? "update" : "create",
      entityType: "review_grade",
      entityId: grade.id,
      summary: `Graded a code review: ${pctText(graded.recall)} of the answer key (automatic ${pctText(auto.recall)})`,
      before: before ? { score: before.score } : null,
      after: { score: graded.recall, autoScore: auto.recall, ...decisions },
    });
    return grade;
  });
}

/**
 * The grader puts a comment on the key item it actually identifies (defectId), on none (null),
 * or back where its line puts it ("auto"). Audited; a saved grade is rescored at once.
 */
export function moveComment(
  actor: AuditActor & { id: number },
  assignment: Assignment,
  input: { commentId: number; to: string | null | "auto" },
  now: Date,
): { ok: true } | { ok: false; message: string } {
  const exercise = codeReviewExerciseOf(assignment.exerciseId);
  const items = keyItems(exercise);
  const comments: ReviewComment[] = listComments(assignment.id);
  const comment = comments.find((c) => c.id === input.commentId);
  if (!comment) return { ok: false, message: "That comment isn't part of this review." };
  if (typeof input.to === "string" && input.to !== "auto" && !exercise.defects.some((d) => d.id === input.to))
    return { ok: false, message: "Choose a planted defect from this pull request's answer key." };
  const title = (id: string | null | undefined) =>
    id ? `“${exercise.defects.find((d) => d.id === id)?.title ?? id}”` : "no planted defect";
  return db().transaction((tx) => {
    const movesBefore = listMoves(assignment.id, tx);
    const from = gradedScore(items, comments, movesBefore, NO_DECISIONS).items.find((i) =>
      i.matches.some((m) => m.commentId === comment.id),
    );
    if (input.to === "auto") tx.delete(reviewCommentMoves).where(eq(reviewCommentMoves.commentId, comment.id)).run();
    else
      tx.insert(reviewCommentMoves)
        .values({ commentId: comment.id, assignmentId: assignment.id, defectId: input.to, movedById: actor.id, movedAt: now })
        .onConflictDoUpdate({ target: reviewCommentMoves.commentId, set: { defectId: input.to, movedById: actor.id, movedAt: now } })
        .run();
    const moves = listMoves(assignment.id, tx);
    const grade = getGrade(assignment.id, tx);
    const after = gradedScore(items, comments, moves, grade?.decisions ?? NO_DECISIONS);
    const to = after.items.find((i) => i.matches.some((m) => m.commentId === comment.id));
    if (grade) {
      tx.update(reviewGrades).set({ score: after.recall, updatedAt: now }).where(eq(reviewGrades.id, grade.id)).run();
      writeGrade(tx, grade.id, after, grade.decisions);
    }
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "review_comment",
      entityId: comment.id,
      summary: `Moved the comment on ${comment.filePath}:${comment.line} from ${title(from?.id)} to ${title(to?.id)}${input.to === "auto" ? " (back to where its line puts it)" : ""}`,
      before: { defectId: from?.id ?? null, moved: movesBefore.has(comment.id) },
      after: { defectId: to?.id ?? null, moved: input.to !== "auto", ...(grade ? { score: after.recall } : {}) },
    });
    return { ok: true } as const;
  });
}
