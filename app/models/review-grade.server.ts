import { eq } from "drizzle-orm";
import { reviewGradeItems, reviewGrades, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import type { Assignment } from "./assignment.server";
import { listComments } from "./assignment.server";
import { getCodeReviewExercise } from "./code-review-exercise.server";
import { autoScore, gradedScore, suggestedLevel, type GraderDecisions, type KeyDefect } from "./code-review-scoring";

function keyDefects(exercise: ReturnType<typeof getCodeReviewExercise>): KeyDefect[] {
  return exercise.defects.map((d) => ({ id: d.id, file: d.file, lines: d.lines, severity: d.severity, dimension: d.dimension }));
}

export function getGrade(assignmentId: number) {
  const grade = db()
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
  const items = db().select().from(reviewGradeItems).where(eq(reviewGradeItems.gradeId, grade.id)).all();
  const decisions: GraderDecisions = {
    rejected: items.filter((i) => i.decision === "rejected" && i.defectId).map((i) => i.defectId!),
    credited: items
      .filter((i) => i.decision === "credited" && i.commentId && i.severity && i.dimensionKey)
      .map((i) => ({ commentId: i.commentId!, severity: i.severity!, dimension: i.dimensionKey! })),
  };
  return { ...grade, decisions };
}

/**
 * The review of one assignment as a grader sees it: the answer key, the candidate's comments,
 * the automatic score and, once graded, the graded score and the suggested ratings.
 */
export function getReviewResult(assignment: Assignment, focusDimensions?: string[]) {
  const exercise = getCodeReviewExercise(assignment.exerciseSlug);
  const comments = listComments(assignment.id).map((c) => ({
    ...c,
    // The commented line itself, so the grader judges the comment in context.
    code: exercise.files.find((f) => f.path === c.filePath)?.after.split("\n")[c.line - 1] ?? "",
  }));
  const defects = keyDefects(exercise);
  const auto = autoScore(defects, comments);
  const grade = getGrade(assignment.id);
  const graded = grade ? gradedScore(defects, comments, grade.decisions) : null;
  const suggestions = graded
    ? Object.fromEntries(
        Object.entries(graded.byDimension)
          .map(([dimension, r]) => [dimension, { level: suggestedLevel(r), ...r }] as const)
          // Only the stage's focus dimensions get a suggestion; a single planted defect elsewhere is too little evidence.
          .filter(([dimension, s]) => s.level !== null && (!focusDimensions || focusDimensions.includes(dimension))),
      )
    : {};
  return { exercise, comments, auto, grade, graded, suggestions };
}

export function saveGrade(actor: AuditActor & { id: number }, assignment: Assignment, decisions: GraderDecisions, now: Date) {
  const { exercise, comments } = getReviewResult(assignment, []);
  const defects = keyDefects(exercise);
  const auto = autoScore(defects, comments);
  const graded = gradedScore(defects, comments, decisions);
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
    tx.delete(reviewGradeItems).where(eq(reviewGradeItems.gradeId, grade.id)).run();
    const rejected = new Set(decisions.rejected);
    const items = [
      ...auto.defects
        .filter((d) => d.matchedCommentIds.length)
        .map((d) => ({
          gradeId: grade.id,
          defectId: d.id,
          commentId: d.matchedCommentIds[0]!,
          decision: rejected.has(d.id) ? ("rejected" as const) : ("confirmed" as const),
          dimensionKey: d.dimension,
          severity: d.severity,
        })),
      ...decisions.credited.map((c) => ({
        gradeId: grade.id,
        defectId: null,
        commentId: c.commentId,
        decision: "credited" as const,
        dimensionKey: c.dimension,
        severity: c.severity,
      })),
    ];
    if (items.length) tx.insert(reviewGradeItems).values(items).run();
    recordAudit(tx, {
      actor,
      at: now,
      action: before ? "update" : "create",
      entityType: "review_grade",
      entityId: grade.id,
      summary: `Graded a code review: ${Math.round(graded.recall * 100)}% of planted weight (automatic ${Math.round(auto.recall * 100)}%)`,
      before: before ? { score: before.score } : null,
      after: { score: graded.recall, autoScore: auto.recall, rejected: decisions.rejected, credited: decisions.credited },
    });
    return grade;
  });
}
