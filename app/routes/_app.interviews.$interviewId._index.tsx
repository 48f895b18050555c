import { mayInterview } from "#app/models/interview-access";
import { Link } from "react-router";
import type { Route } from "./+types/_app.interviews.$interviewId._index";
import { interviewFor } from "#app/models/interview-access.server";
import { InterviewStateBadge } from "#app/components/interview-state-badge";
import { STAGE_LABELS } from "#app/models/labels";
import { interviewState } from "#app/models/interview-status";
import { candidateNameFor, panelSummaryFor } from "#app/models/interview.server";
import { countMissingScorecards } from "#app/models/decision.server";
import { getDimensions, getStages } from "#app/models/rubric.server";
import { idParam } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import { requestTime } from "#app/utils/clock.server";
import { can } from "#app/models/permissions";
import { interviewContext } from "#app/models/interview-context.server";
import { LoopContextCard } from "#app/components/loop-context-card";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${STAGE_LABELS[data.interview.stage]} with ${data.interview.candidateName} · Loopwise` : "Interview · Loopwise" },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const interview = interviewFor(user, idParam(params.interviewId), "read");
  // An interviewer may open only their own interviews; the hiring team may open any.
  const names = Object.fromEntries(getDimensions(interview.rubricVersionId).map((d) => [d.key, d.name]));
  const stage = getStages(interview.rubricVersionId).find((s) => s.key === interview.stage);
  const now = requestTime(context);
  return {
    interview: {
      id: interview.id,
      stage: interview.stage,
      scheduledAt: interview.scheduledAt,
      durationMinutes: interview.durationMinutes,
      // The kit's own length, when the slot was booked at another (before it was chosen, or edited).
      kitMinutes:
        interview.exerciseMinutes !== null && interview.exerciseMinutes !== interview.durationMinutes ? interview.exerciseMinutes : null,
      candidateId: interview.candidateId,
      candidateName: candidateNameFor(interview, user.id),
      // null for a blind grader: they don't learn who the candidate is from it either.
      panelSummary: panelSummaryFor(interview, user.id),
      positionTitle: interview.positionTitle,
      interviewerName: interview.interviewerName,
      exerciseTitle: interview.exerciseTitle,
      exerciseSummary: interview.exerciseSummary,
      hasKit: interview.exerciseId !== null,
      state: interviewState(
        interview,
        interview.scorecardStatus ? { status: interview.scorecardStatus, submittedAt: interview.scorecardSubmittedAt } : null,
        now,
      ),
    },
    // The loop around this interview: stages and their progress, never a colleague's ratings.
    context: interviewContext(user, interview, now),
    stage: stage ? { description: stage.description, focus: stage.focus.map((k) => names[k] ?? k) } : null,
    isOwn: mayInterview(user, interview, "write"),
    // The panel's debrief opens once every scheduled scorecard is in.
    debriefOpen: countMissingScorecards(interview.loopId) === 0,
    canManage: can(user, "loops:manage"),
    timeZone: user.timeZone,
    now: now.getTime(),
  };
}

export default function InterviewPage({ loaderData }: Route.ComponentProps) {
  const { interview, stage, context, isOwn, canManage, debriefOpen, timeZone, now } = loaderData;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        {isOwn ? (
          <Link to="/interviews">My interviews</Link>
        ) : (
          <Link to={`/candidates/${interview.candidateId}`}>{interview.candidateName}</Link>
        )}{" "}
        /
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {STAGE_LABELS[interview.stage]}: {interview.candidateName}
          </h1>
          <p>{interview.positionTitle}</p>
        </div>
        <div className="row">
          <InterviewStateBadge state={interview.state} now={now} />
          {isOwn || canManage ? (
            <Link to="scorecard" className="btn btn-primary">
              {isOwn ? (interview.state.kind === "submitted" ? "View my scorecard" : "Open scorecard") : "View scorecard"}
            </Link>
          ) : null}
          {interview.hasKit && (isOwn || canManage) ? (
            <Link to="kit" className="btn">
              Open the kit
            </Link>
          ) : null}
          {debriefOpen && (isOwn || canManage) ? (
            <Link to={`/candidates/${interview.candidateId}/debrief`} className="btn">
              Debrief
            </Link>
          ) : null}
          {interview.stage === "take_home" && interview.hasKit ? (
            <Link to="take-home" className="btn">
              {isOwn ? "Grade the take-home" : "Take-home"}
            </Link>
          ) : null}
          {interview.stage === "code_review" ? (
            <Link to="review" className="btn">
              {isOwn ? "Grade the code review" : "Code review"}
            </Link>
          ) : null}
          {canManage ? (
            <Link to="edit" className="btn">
              Edit interview
            </Link>
          ) : null}
        </div>
      </div>
      <div className="grid-2" style={{ alignItems: "start" }}>
        {interview.panelSummary !== null ? (
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">About the candidate</h2>
            {interview.panelSummary ? (
              <p className="notes">{interview.panelSummary}</p>
            ) : (
              <p className="muted">The recruiter has left no summary for the panel.</p>
            )}
            <p className="small muted">From the recruiter, for everyone on the loop; their own notes stay with the hiring team.</p>
          </section>
        ) : null}
        <section className="card" aria-labelledby="when-heading">
          <h2 id="when-heading">When and who</h2>
          <dl className="facts">
            <dt>Starts</dt>
            <dd>
              {formatDateTime(interview.scheduledAt, timeZone)} <span className="muted small">({timeZone})</span>
            </dd>
            <dt>Length</dt>
            <dd>
              {interview.durationMinutes} minutes
              {interview.kitMinutes !== null ? (
                <span className="small muted"> (the kit's time plan and the candidate's prompt say {interview.kitMinutes})</span>
              ) : null}
            </dd>
            <dt>Interviewer</dt>
            <dd>{isOwn ? "You" : interview.interviewerName}</dd>
            <dt>Exercise</dt>
            <dd>{interview.exerciseTitle ?? "None chosen"}</dd>
          </dl>
          <p style={{ marginTop: "0.75rem" }}>
            <a href={`/interviews/${interview.id}/invite.ics`} download className="btn btn-small">
              {isOwn ? "Add to my calendar (.ics)" : "Calendar invitation (.ics)"}
            </a>
          </p>
          {interview.exerciseSummary ? (
            <p className="muted small" style={{ marginTop: "0.75rem" }}>
              {interview.exerciseSummary}
            </p>
          ) : null}
        </section>
        {stage ? (
          <section className="card" aria-labelledby="focus-heading">
            <h2 id="focus-heading">What this stage assesses</h2>
            <p>{stage.description}</p>
            <h3>Focus dimensions</h3>
            <div className="focus-list">
              {stage.focus.map((d) => (
                <span key={d} className="badge badge-info">
                  {d}
                </span>
              ))}
            </div>
          </section>
        ) : null}
        <LoopContextCard panel={context.panel} panelOpen={context.panelOpen} isOwn={isOwn} timeZone={timeZone} />
      </div>
    </>
  );
}
