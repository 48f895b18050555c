// Grading a pre-graded code review for certification: the sample's comments scored by the same
// functions as a candidate's (review-grade.server.ts), the grader's calls and ratings kept as
// their gold attempt, and the expert's ratings and reasons returned only once they have
// submitted. The rule, thresholds, audit and certification are gold-sample.server.ts's.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { goldAttempts, goldSamples, type GoldReview } from "#db/schema";
import { db } from "#app/utils/db.server";
import type { AuditActor } from "./audit.server";
import type { GraderDecisions } from "./code-review-scoring";
import { codeReviewExerciseOf } from "./code-review-version.server";
import { certificationRules, compareWithExpert, saveGoldAttempt, type GoldSaveResult } from "./gold-sample.server";
import { gradingView, scoreReview, withCode } from "./review-grade.server";
import { getRubricDetail } from "./rubric.server";

/** What a grader's attempt keeps: their calls on the grading view and their ratings. */
export type GradingAttemptValue = {
  rating?: Record<string, string>;
  decisions?: GraderDecisions;
  /** Comment id -> the planted defect the grader moved it onto (null: onto none). */
  moves?: Record<string, string | null>;
};

function sampleOf(slug: string) {
  return db()
    .select()
    .from(goldSamples)
    .where(and(eq(goldSamples.slug, slug), eq(goldSamples.active, true), isNotNull(goldSamples.review)))
    .get();
}

function latestAttempt(userId: number, sampleId: number) {
  return db()
    .select()
    .from(goldAttempts)
    .where(and(eq(goldAttempts.userId, userId), eq(goldAttempts.sampleId, sampleId)))
    .orderBy(asc(goldAttempts.round))
    .all()
    .at(-1);
}

const movesOf = (value: GradingAttemptValue) =>
  new Map(Object.entries(value.moves ?? {}).map(([id, to]) => [Number(id), to] as [number, string | null]));

/** The sample's review scored with the grader's own moves and saved calls, as the grading view shows it. */
function scored(review: GoldReview, rubricVersionId: number, value: GradingAttemptValue) {
  const exercise = codeReviewExerciseOf(review.exerciseId);
  const rubric = getRubricDetail(rubricVersionId);
  const stage = rubric?.stages.find((s) => s.key === "code_review");
  const comments = withCode(exercise, review.comments);
  const moves = movesOf(value);
  const decisions = value.decisions ?? null;
  const result = scoreReview({
    exercise,
    comments,
    moves,
    decisions,
    verdict: review.verdict,
    focusDimensions: stage?.focus ?? [],
    rules: (rubric?.suggestionRules ?? []).filter((r) => r.stage === "code_review"),
  });
  return { exercise, rubric, focus: stage?.focus ?? [], comments, moves, decisions, result };
}

/**
 * One pre-graded review as `userId` may see it: the pull request, the comments with their
 * automatic credit, and their own calls; the expert's ratings and reasons only once they have
 * submitted. Null for a slug that isn't an active pre-graded review.
 */
export function getGradingSampleFor(userId: number, slug: string) {
  const sample = sampleOf(slug);
  if (!sample?.review) return null;
  const attempt = latestAttempt(userId, sample.id);
  const value = (attempt?.value ?? {}) as GradingAttemptValue;
  const { exercise, rubric, focus, comments, moves, decisions, result } = scored(sample.review, sample.rubricVersionId, value);
  const submitted = attempt?.status === "submitted";
  const withinLevels = certificationRules().withinLevels;
  return {
    sample: { id: sample.id, slug: sample.slug, title: sample.title, setting: sample.setting, rubricVersionId: sample.rubricVersionId },
    exercise: { title: exercise.meta.title, pr: exercise.meta.pr },
    rubric,
    focus,
    summary: sample.review.summary,
    verdict: sample.review.verdict,
    grading: gradingView({ exercise, comments, moves, ...result }, decisions),
    commentIds: comments.map((c) => c.id),
    defectIds: exercise.defects.map((d) => d.id),
    matchedDefectIds: result.current.items.filter((i) => i.matches.length).map((i) => i.id),
    judgementIds: exercise.judgements.map((j) => j.id),
    attempt: attempt ? { status: attempt.status, value, revision: attempt.revision, updatedAt: attempt.updatedAt } : null,
    // The expert's side exists in this reply only once the asker has submitted their own grade.
    expert: submitted
      ? {
          ratedBy: sample.expert.ratedBy,
          summary: sample.expert.summary,
          comparison: compareWithExpert(sample, value).dimensions.map((d) => ({
            ...d,
            within: d.trainee !== null && Math.abs(d.trainee - d.expert) <= withinLevels,
            reason: sample.expert.ratings[d.dimensionKey]!.reason,
          })),
        }
      : null,
  };
}

export type GradingSampleView = NonNullable<ReturnType<typeof getGradingSampleFor>>;

const Level = z.enum(["1", "2", "3", "4"]);

/**
 * The grader's rating of each focus dimension, read from the form ("rating.<dimension>"). A
 * submit needs every one; a saved draft keeps whichever were chosen. Anything else is an error
 * named for the field, never ignored.
 */
export function parseGradingRatings(
  formData: FormData,
  focus: { key: string; name: string }[],
  required: boolean,
): { ok: true; rating: Record<string, string> } | { ok: false; errors: Record<string, string> } {
  const rating: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const d of focus) {
    const raw = formData.get(`rating.${d.key}`);
    if (raw === null || raw === "") {
      if (required) errors[d.key] = `Choose a level for ${d.name}.`;
      continue;
    }
    const parsed = Level.safeParse(raw);
    if (parsed.success) rating[d.key] = parsed.data;
    else errors[d.key] = `Choose a level from 1 to 4 for ${d.name}.`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rating };
}

/**
 * Saves the grader's calls and ratings of a pre-graded review as a draft, or submits them (then
 * they never change, and the submit that passes the rule certifies them to grade code reviews).
 */
export function saveGradingAttempt(
  actor: AuditActor & { id: number },
  input: {
    slug: string;
    value: GradingAttemptValue;
    submit: boolean;
    now: Date;
    base?: { revision: number; tab: string | null };
    leniencyNow: number | null;
  },
): GoldSaveResult {
  if (!sampleOf(input.slug)) return { ok: false, message: "There is no such pre-graded code review." };
  return saveGoldAttempt(actor, { ...input, value: input.value as Record<string, unknown> });
}

/** A move of one of the sample's comments, checked against the sample: "auto" puts it back where its line puts it. */
export function movedValue(
  view: Pick<GradingSampleView, "commentIds" | "defectIds" | "attempt">,
  move: { commentId: number; to: string | null },
): { ok: true; value: GradingAttemptValue } | { ok: false; message: string } {
  if (!view.commentIds.includes(move.commentId)) return { ok: false, message: "That comment isn't part of this review." };
  if (move.to !== null && move.to !== "auto" && !view.defectIds.includes(move.to))
    return { ok: false, message: "Choose a planted defect from this pull request's answer key." };
  const value = view.attempt?.value ?? {};
  const moves = { ...value.moves };
  if (move.to === "auto") delete moves[move.commentId];
  else moves[move.commentId] = move.to;
  return { ok: true, value: { ...value, moves } };
}
