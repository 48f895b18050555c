import { z } from "zod";
import { COMMENT_PRIORITIES } from "#db/schema";
import { getAssignment, type Assignment } from "#app/models/assignment.server";
import type { CodeReviewExercise } from "#app/models/code-review-exercise.server";
import { codeReviewExerciseOf } from "#app/models/code-review-version.server";
import { verifyAssignmentToken } from "#app/utils/assignment-token.server";
import { plainError } from "#app/utils/http.server";

export const COMMENT_MAX = 5000;
export const SUMMARY_MAX = 10000;

const INVALID_LINK =
  "This link isn't valid. It may have been mistyped, replaced by a newer link, or expired. Ask your recruiter for a new one.";

/**
 * The assignment a candidate's link opens. Everything is checked here: signature, purpose,
 * expiry, and that the link is the current one for that assignment (a re-issued link replaces
 * the old one). Anything else is a 404 with a message a candidate can act on.
 */
export async function assignmentFromLink(token: string | undefined): Promise<{ assignment: Assignment; exercise: CodeReviewExercise }> {
  const claims = token ? await verifyAssignmentToken(token) : null;
  const assignment = claims ? getAssignment(claims.assignmentId) : null;
  if (!claims || !assignment || assignment.tokenId !== claims.tokenId || assignment.status === "revoked")
    throw plainError(INVALID_LINK, 404);
  return { assignment, exercise: codeReviewExerciseOf(assignment.exerciseId) };
}

const commentBody = z
  .string({ error: "Write a comment" })
  .trim()
  .min(1, "Write a comment before saving it")
  .max(COMMENT_MAX, {
    error: (iss) =>
      `Keep a comment under ${COMMENT_MAX.toLocaleString("en-GB")} characters (this has ${String(iss.input ?? "").length.toLocaleString("en-GB")})`,
  });
const id = z.coerce.number({ error: "Unknown comment" }).int().positive("Unknown comment");
// Not choosing is a choice too: "" (the "neither" option) and a missing field both mean unmarked.
const priority = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.enum(COMMENT_PRIORITIES, { error: "Choose blocking, nit or neither" }).nullable(),
);

/** One schema per action the review page can send; the intent picks which. */
export const ReviewActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({
    intent: z.literal("add-comment"),
    filePath: z.string({ error: "Choose a file" }).max(200),
    line: z.coerce.number({ error: "Choose a line" }).int("Choose a line").min(1, "Choose a line"),
    body: commentBody,
    priority,
  }),
  z.object({
    intent: z.literal("save-draft"),
    filePath: z.string().max(200).default(""),
    line: z.coerce.number().int().min(1).optional().catch(undefined),
    // A draft is work in progress: keep what fits, never refuse it for being unfinished.
    body: z
      .string()
      .default("")
      .transform((s) => s.slice(0, COMMENT_MAX)),
  }),
  z.object({ intent: z.literal("edit-comment"), commentId: id, body: commentBody, priority }),
  z.object({ intent: z.literal("delete-comment"), commentId: id }),
  z.object({
    intent: z.enum(["save-summary", "submit"]),
    summary: z
      .string()
      .max(SUMMARY_MAX, `Keep the summary under ${SUMMARY_MAX.toLocaleString("en-GB")} characters`)
      .default(""),
    verdict: z.enum(["approve", "request_changes", "comment"], { error: "Choose Approve, Request changes or Comment" }).optional(),
    revision: z.coerce.number().int().min(0),
  }),
]);

export type ReviewAction = z.infer<typeof ReviewActionSchema>;

/** Checks that a comment points at a real line of a file in this pull request. */
export function checkCommentTarget(exercise: CodeReviewExercise, filePath: string, line: number): string | null {
  const file = exercise.files.find((f) => f.path === filePath);
  if (!file) return "That file is not part of this pull request.";
  if (line > file.lineCount) return `${filePath} has ${file.lineCount} lines; line ${line} doesn't exist.`;
  return null;
}
