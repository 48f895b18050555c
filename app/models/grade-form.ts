// The code-review grading form's rules, read the same way by the grading page and by a grader
// certifying on a pre-graded review.
import { z } from "zod";
import type { GraderDecisions } from "./code-review-scoring";

const SeveritySchema = z.enum(["critical", "major", "minor"], { error: "Choose a severity" });

/**
 * Reads the grading form: a Confirm/Reject choice per matched defect, the PR-level items credited
 * from the summary, and credited comments with their severity and dimension. Ids that don't
 * belong to this review are errors, not ignored.
 */
export function parseGradeForm(
  formData: FormData,
  ctx: { matchedDefectIds: string[]; judgementIds: string[]; unmatchedCommentIds: number[]; dimensions: string[] },
): { decisions: GraderDecisions } | { error: string; undecided?: string[] } {
  const rejected: string[] = [];
  // Every match needs the grader's explicit call: an unexamined match must not count by default.
  const undecided = ctx.matchedDefectIds.filter((id) => !["confirm", "reject"].includes(String(formData.get(`decision.${id}`))));
  if (undecided.length) return { error: `Choose Confirm or Reject for every matched defect (${undecided.length} left).`, undecided };
  for (const id of ctx.matchedDefectIds) if (formData.get(`decision.${id}`) === "reject") rejected.push(id);
  const fromSummary = formData.getAll("summary").map(String);
  if (fromSummary.some((id) => !ctx.judgementIds.includes(id)))
    return { error: "Only the pull-request-level items can be credited from the summary." };
  const credited: GraderDecisions["credited"] = [];
  for (const raw of formData.getAll("credit")) {
    const commentId = Number(raw);
    if (!ctx.unmatchedCommentIds.includes(commentId)) return { error: "Only comments outside the answer key can be credited." };
    const severity = SeveritySchema.safeParse(formData.get(`severity.${commentId}`));
    const dimension = String(formData.get(`dimension.${commentId}`) ?? "");
    if (!severity.success) return { error: "Choose a severity for each credited comment." };
    if (!ctx.dimensions.includes(dimension)) return { error: "Choose a dimension for each credited comment." };
    credited.push({ commentId, severity: severity.data, dimension });
  }
  return { decisions: { rejected, credited, fromSummary } };
}

/** "move.<commentId>" with the comment's target: a planted defect's id, "none", or "auto" (where its line puts it). */
export function parseMove(formData: FormData, intent: string): { commentId: number; to: string | null } | null {
  const commentId = Number(intent.slice("move.".length));
  if (!Number.isSafeInteger(commentId) || commentId <= 0) return null;
  const to = String(formData.get(`moveTo.${commentId}`) ?? "");
  if (!to) return null;
  return { commentId, to: to === "none" ? null : to };
}
