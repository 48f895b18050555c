import { data, Link } from "react-router";
import type { Route } from "./+types/_app.candidates.$candidateId._index";
import { LoopOverview } from "#app/components/loop-overview";
import { DECISION_LABELS, SOURCE_LABELS } from "#app/models/labels";
import { getCandidate } from "#app/models/candidate.server";
import { owedScorecards, withStates } from "#app/models/interview-status";
import { getLatestLoop } from "#app/models/loop.server";
import { getDecision } from "#app/models/decision.server";
import { panelInOf } from "#app/models/panel-in";
import { getLoopRecommendation } from "#app/models/recommendation.server";
import { RecommendationPanel } from "#app/components/recommendation-panel";
import { ReminderButton } from "#app/components/reminder-button";
import { lastRemindedAt } from "#app/models/reminder.server";
import { remindFromForm } from "#app/models/reminder-form.server";
import { CodeReviewCard } from "#app/components/code-review-card";
import { codeReviewsOf, handleCodeReviewAction } from "#app/models/code-review-link.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { can } from "#app/models/permissions";
import { requirePermission } from "#app/auth/session.server";
import { formatDate, formatDateTime } from "#app/utils/time";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.candidate.name ?? "Candidate"} · Loopwise` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "loops:manage");
  const candidate = getCandidate(idParam(params.candidateId)) ?? notFound("No such candidate");
  const loop = getLatestLoop(candidate.id);
  const now = requestTime(context);
  const interviews = loop ? withStates(loop.interviews, now) : [];
  const owed = owedScorecards(interviews);
  return {
    candidate,
    loop: loop && { id: loop.id, status: loop.status, createdAt: loop.createdAt, interviews },
    // The same rule the recommendation's "1 of 3 in" comes from, so the loop and the band agree.
    panel: panelInOf(interviews),
    recommendation: loop ? getLoopRecommendation(loop, now) : null,
    decision: loop ? getDecision(loop.id) : null,
    codeReviews: await codeReviewsOf(loop, { links: true }, now),
    owed,
    // Reminders only make sense while the loop is open (a closed loop's scorecards can't change).
    reminded: loop?.status === "open" ? Object.fromEntries(lastRemindedAt(owed.map((o) => o.interviewId))) : null,
    canManageData: can(user, "candidate-data:manage"),
    timeZone: user.timeZone,
    now: now.getTime(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const candidate = getCandidate(idParam(params.candidateId)) ?? notFound("No such candidate");
  const formData = await readFormData(request);
  if (formData.get("intent") === "remind") {
    const reply = remindFromForm(user, formData, { now: requestTime(context) });
    return data({ error: undefined, ...reply }, { status: reply.reminder.ok ? 200 : 400 });
  }
  const result = handleCodeReviewAction(user, getLatestLoop(candidate.id), formData, requestTime(context));
  return result.ok ? { error: undefined } : data({ error: result.error }, { status: 400 });
}

export default function CandidatePage({ loaderData, actionData }: Route.ComponentProps) {
  const { candidate, loop, panel, recommendation, decision, owed, reminded, codeReviews, canManageData, timeZone, now } = loaderData;
  const remind = reminded
    ? (o: (typeof owed)[number]) => (
        <ReminderButton
          interviewId={o.interviewId}
          interviewerName={o.interviewerName}
          lastRemindedAt={reminded[o.interviewId] ?? null}
          now={now}
        />
      )
    : undefined;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>{candidate.name}</h1>
          <p>{candidate.positionTitle}</p>
        </div>
        <div className="row">
          {loop ? (
            <Link to="debrief" className="btn">
              Debrief{decision ? "" : " and decision"}
            </Link>
          ) : null}
          <Link to="edit" className="btn">
            Edit details
          </Link>
          {canManageData ? (
            <Link to="data" className="btn">
              Data held
            </Link>
          ) : null}
          {!loop || loop.status === "closed" ? (
            <Link to="loop" className="btn btn-primary">
              Schedule loop
            </Link>
          ) : (
            <Link to="interviews/new" className="btn btn-primary">
              Add interview
            </Link>
          )}
        </div>
      </div>
      {decision ? (
        <section className="card decision-record" aria-labelledby="decision-heading">
          <h2 id="decision-heading">
            Decision: {DECISION_LABELS[decision.decision]}{" "}
            <span className="small muted">
              by {decision.decidedByName}, {formatDateTime(decision.decidedAt, timeZone)}
            </span>
          </h2>
          <p className="notes">{decision.rationale}</p>
        </section>
      ) : null}
      {/* The loop first: what is scheduled and owed decides what the recommendation can mean yet. */}
      <LoopOverview loop={loop} panel={panel} owed={owed} now={now} timeZone={timeZone} remind={remind} />
      {recommendation ? (
        <div style={{ marginTop: "1rem" }}>
          <RecommendationPanel rec={recommendation} now={now} redFlagsAddressed={Boolean(decision?.acknowledgedRedFlags)} />
        </div>
      ) : null}
      <CodeReviewCard rows={codeReviews} timeZone={timeZone} error={actionData?.error} loopOpen={loop?.status === "open"} />
      <section className="card" aria-labelledby="details-heading" style={{ marginTop: "1rem" }}>
        <h2 id="details-heading">Details</h2>
        <dl className="facts">
          <dt>Email</dt>
          <dd>{candidate.email}</dd>
          <dt>Position</dt>
          <dd>{candidate.positionTitle}</dd>
          <dt>Source</dt>
          <dd>{SOURCE_LABELS[candidate.source]}</dd>
          <dt>Added</dt>
          <dd>{formatDate(candidate.createdAt, timeZone)}</dd>
        </dl>
        <h3 style={{ marginTop: "1.25rem" }}>Recruiter notes</h3>
        {candidate.notes ? <p className="notes">{candidate.notes}</p> : <p className="muted">No notes.</p>}
        <h3 style={{ marginTop: "1.25rem" }}>Summary for the panel</h3>
        {candidate.panelSummary ? (
          <p className="notes">{candidate.panelSummary}</p>
        ) : (
          <p className="muted">None yet: interviewers see no summary before their interview.</p>
        )}
      </section>
    </>
  );
}
