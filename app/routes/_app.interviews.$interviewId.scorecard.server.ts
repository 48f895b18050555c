import { assignmentPhase } from "#app/models/assignment-phase";
import { getAssignmentForInterview } from "#app/models/assignment.server";
import { getInterview } from "#app/models/interview.server";
import { reviewUnderRubric } from "#app/models/review-grade.server";
import { getRubricDetail, type RubricDetail } from "#app/models/rubric.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { scorecardSchema, type ScorecardShape } from "#app/models/scorecard-schema";
import { canSeePanel } from "#app/models/panel-visibility.server";
import { getScorecard, listSubmittedScorecards } from "#app/models/scorecard.server";
import { forbidden, notFound } from "#app/utils/http.server";
import type { SessionUser } from "#app/auth/session.server";
import { can } from "#app/models/permissions";

/** The interview, its rubric and who is asking: shared by the loader and the action. */
export function loadScorecardContext(interviewId: number, user: SessionUser) {
  const interview = getInterview(interviewId) ?? notFound("No such interview");
  const isOwn = interview.interviewerId === user.id;
  // Only the interviewer writes their scorecard; the hiring team may read it; nobody else may.
  if (!isOwn && !can(user, "loops:manage")) forbidden("This scorecard belongs to another interviewer.");
  const scorecard = getScorecard(interview.id);
  const rubric = getRubricDetail(scorecard?.rubricVersionId ?? interview.rubricVersionId) ?? notFound("Rubric version missing");
  const shape = shapeFor(rubric, interview.stage);
  return { interview, isOwn, scorecard, rubric, focus: shape.focus, shape };
}

// One shape object per rubric version and stage, so the schema built from it is built once.
const shapes = new WeakMap<RubricDetail, Map<string, ScorecardShape>>();

export function shapeFor(rubric: RubricDetail, stage: string): ScorecardShape {
  let perRubric = shapes.get(rubric);
  if (!perRubric) shapes.set(rubric, (perRubric = new Map()));
  let shape = perRubric.get(stage);
  if (!shape) {
    shape = {
      dimensions: rubric.dimensions.map((d) => ({ key: d.key, name: d.name })),
      focus: rubric.stages.find((s) => s.key === stage)?.focus ?? [],
      signals: rubric.signals.map((s) => ({ key: s.key, kind: s.kind })),
    };
    perRubric.set(stage, shape);
  }
  return shape;
}

/**
 * Colleagues' submitted scorecards for the same loop, or null while the viewer may not see them
 * (panel-visibility.server.ts): not even how many colleagues have submitted.
 */
export function visiblePanel(ctx: ReturnType<typeof loadScorecardContext>, user: SessionUser) {
  if (!canSeePanel(user, ctx.interview.loopId)) return null;
  return listSubmittedScorecards({ loopId: ctx.interview.loopId, exceptInterviewId: ctx.interview.id });
}

/**
 * What can be kept of a draft that doesn't fully validate: known fields only, minus the ones
 * that are invalid (say, evidence over the length limit). Autosave then still saves the rest.
 */
export function salvageDraft(formData: FormData, shape: ScorecardShape) {
  const dims = new Set(shape.dimensions.map((d) => d.key));
  const signals = new Set(shape.signals.map((s) => s.key));
  const redFlags = new Set(shape.signals.filter((s) => s.kind === "red_flag").map((s) => s.key));
  const known = new FormData();
  for (const [name, value] of formData) {
    if (typeof value !== "string") continue;
    const [head, key] = name.split(".", 2);
    const keep =
      ((head === "rating" || head === "evidence") && key && dims.has(key)) ||
      (head === "note" && key && redFlags.has(key)) ||
      (name === "signals" && signals.has(value)) ||
      name === "recommendation" ||
      name === "takeaways";
    if (keep) known.append(name, value);
  }
  const schema = scorecardSchema(shape, "draft");
  let attempt = parseWithZod(known, { schema });
  const dropped: string[] = [];
  if (attempt.status !== "success") {
    for (const name of Object.keys(attempt.error ?? {})) {
      known.delete(name);
      dropped.push(name);
    }
    attempt = parseWithZod(known, { schema });
  }
  return attempt.status === "success" ? { value: attempt.value, dropped } : null;
}

/**
 * Suggested ratings from this interview's graded code review, if there is one. They pre-fill the
 * scorecard where the interviewer hasn't rated yet and something was found (level null: the
 * recall is shown, nothing is pre-selected); the interviewer's own choice always wins.
 */
export function codeReviewSuggestions(interview: { id: number; stage: string; rubricVersionId: number }, now: Date) {
  if (interview.stage !== "code_review") return {};
  const assignment = getAssignmentForInterview(interview.id);
  if (!assignment) return {};
  const phase = assignmentPhase(assignment, now);
  if (phase !== "submitted" && phase !== "time_up") return {};
  return reviewUnderRubric(assignment, interview.rubricVersionId).suggestions;
}

// The page's copy: the revision it was loaded at (or last saved), and its tab's random id.
const SaveBaseSchema = z.object({
  revision: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  tab: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .nullable()
    .default(null),
});

/**
 * The base a save names (see saveScorecard): undefined when the form sends none (a script), null
 * when what it sends can't be read, which the action refuses rather than guess.
 */
export function saveBaseOf(formData: FormData) {
  if (!formData.has("revision")) return undefined;
  const parsed = SaveBaseSchema.safeParse({ revision: formData.get("revision"), tab: formData.get("tab") || null });
  return parsed.success ? parsed.data : null;
}
