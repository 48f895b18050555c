import { interviewRefusal } from "#app/models/interview-access";
import { interviewFor } from "#app/models/interview-access.server";
import { assignmentPhase } from "#app/models/assignment-phase";
import { getAssignmentForInterview } from "#app/models/assignment.server";
import { reviewUnderRubric } from "#app/models/review-grade.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { shapeFor } from "#app/models/scorecard-form";
import { canSeePanel } from "#app/models/panel-visibility.server";
import { getScorecard, listSubmittedScorecards } from "#app/models/scorecard.server";
import { notFound } from "#app/utils/http.server";
import type { SessionUser } from "#app/auth/session.server";

/** The interview, its rubric and who is asking: shared by the loader and the action. */
export function loadScorecardContext(interviewId: number, user: SessionUser) {
  // Only the interviewer writes their scorecard; the hiring team may read it; nobody else may.
  const interview = interviewFor(user, interviewId, "read");
  const isOwn = interviewRefusal(user, interview, "write") === null;
  const scorecard = getScorecard(interview.id);
  const rubric = getRubricDetail(scorecard?.rubricVersionId ?? interview.rubricVersionId) ?? notFound("Rubric version missing");
  const shape = shapeFor(rubric, interview.stage);
  return { interview, isOwn, scorecard, rubric, focus: shape.focus, shape };
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
