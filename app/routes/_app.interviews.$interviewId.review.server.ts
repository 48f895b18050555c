import { mayInterview } from "#app/models/interview-access";
import { interviewFor } from "#app/models/interview-access.server";
import { assignmentPhase } from "#app/models/assignment-phase";
import { getAssignmentForInterview } from "#app/models/assignment.server";
import { reviewUnderRubric } from "#app/models/review-grade.server";
import { notFound } from "#app/utils/http.server";
import type { SessionUser } from "#app/auth/session.server";

/** The code-review interview, its assignment and who is asking; 403/404 for anything else. */
export function loadGradingContext(interviewId: number, user: SessionUser, now: Date) {
  const interview = interviewFor(user, interviewId, "read");
  const isGrader = mayInterview(user, interview, "grade");
  if (interview.stage !== "code_review") notFound("This interview has no code review.");
  const assignment = getAssignmentForInterview(interview.id);
  const phase = assignment ? assignmentPhase(assignment, now) : null;
  const finished = phase === "submitted" || phase === "time_up";
  const result = assignment && finished ? reviewUnderRubric(assignment, interview.rubricVersionId) : null;
  return { interview, assignment, phase, finished, isGrader, result };
}
