import { getInterview } from "#app/models/loop.server";
import { getRubricDetail } from "#app/models/rubric.server";
import type { ScorecardShape } from "#app/models/scorecard-schema";
import { getScorecard, hasSubmittedForCandidate, listSubmittedScorecards } from "#app/models/scorecard.server";
import { forbidden, notFound } from "#app/utils/http.server";
import { canManageLoops, type SessionUser } from "#app/utils/session.server";

/** The interview, its rubric and who is asking: shared by the loader and the action. */
export function loadScorecardContext(interviewId: number, user: SessionUser) {
  const interview = getInterview(interviewId) ?? notFound("No such interview");
  const isOwn = interview.interviewerId === user.id;
  // Only the interviewer writes their scorecard; the hiring team may read it; nobody else may.
  if (!isOwn && !canManageLoops(user)) forbidden("This scorecard belongs to another interviewer.");
  const scorecard = getScorecard(interview.id);
  const rubric = getRubricDetail(scorecard?.rubricVersionId ?? interview.rubricVersionId) ?? notFound("Rubric version missing");
  const focus = rubric.stages.find((s) => s.key === interview.stage)?.focus ?? [];
  const shape: ScorecardShape = {
    dimensions: rubric.dimensions.map((d) => ({ key: d.key, name: d.name })),
    focus,
    signals: rubric.signals.map((s) => ({ key: s.key, kind: s.kind })),
  };
  return { interview, isOwn, scorecard, rubric, focus, shape };
}

/**
 * Colleagues' submitted scorecards for the same loop, or null while the viewer may not see them.
 * Anti-anchoring is enforced here, on the server: an interviewer who has not submitted their own
 * scorecard for this candidate gets nothing, not even how many colleagues have submitted.
 */
export function visiblePanel(ctx: ReturnType<typeof loadScorecardContext>, user: SessionUser) {
  const allowed = canManageLoops(user) || hasSubmittedForCandidate({ candidateId: ctx.interview.candidateId, interviewerId: user.id });
  if (!allowed) return null;
  return listSubmittedScorecards({ loopId: ctx.interview.loopId, exceptInterviewId: ctx.interview.id });
}
