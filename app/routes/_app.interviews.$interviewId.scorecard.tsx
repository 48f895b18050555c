import { useState } from "react";
import { interviewRefusal } from "#app/models/interview-access";
import { data, Link, redirect, useRevalidator, type ShouldRevalidateFunction } from "react-router";
import type { Route } from "./+types/_app.interviews.$interviewId.scorecard";
import { STAGE_LABELS } from "#app/models/labels";
import { PanelScorecards, ScorecardCard } from "#app/components/panel-scorecards";
import { ScorecardForm } from "#app/components/scorecard-form";
import { scorecardDefaults } from "#app/models/scorecard-defaults";
import type { EnteredField } from "#app/components/scorecard-conflict";
import { candidateNameFor } from "#app/models/interview.server";
import { getScorecardTarget, saveScorecard } from "#app/models/scorecard.server";
import { scorecardEditing, scorecardWriteRefusal, submitsYet } from "#app/models/scorecard-rules";
import { getRubricDetail } from "#app/models/rubric.server";
import { RaterGuidance } from "#app/components/rater-guidance";
import { forbidden, idParam, notFound, readFormData } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import { codeReviewSuggestions, loadScorecardContext, visiblePanel } from "./_app.interviews.$interviewId.scorecard.server";
import { answerScorecardPost, saveBaseOf, scorecardRefusal, shapeFor, type ScorecardPostAnswer } from "#app/models/scorecard-form";
import { requestTime } from "#app/utils/clock.server";
import { InvestigationPathView } from "#app/components/incident/investigation-path";
import { getKit } from "#app/models/kit.server";
import { incidentPathFor } from "#app/models/incident-kit.server";
import { takeHomeSuggestions } from "#app/models/take-home-link.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Scorecard: ${data.interview.candidateName} · Loopwise` : "Scorecard · Loopwise" },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const now = requestTime(context);
  const ctx = loadScorecardContext(idParam(params.interviewId), user);
  const { interview, scorecard, rubric, isOwn } = ctx;
  const url = new URL(request.url);
  const amend = url.searchParams.get("amend") === "1";
  const target = { ...interview, scorecardStatus: scorecard?.status ?? null };
  const suggestions = codeReviewSuggestions(interview, now);
  const fromTakeHome = takeHomeSuggestions(interview);
  const codeReviewEvidence = (sg: (typeof suggestions)[string]) =>
    `Code review (graded): found ${sg.found} of ${sg.total} points of planted defects in this area (${Math.round(sg.recall * 100)}%)` +
    (sg.credited ? `, plus ${sg.credited} points of valid findings outside the answer key.` : ".") +
    sg.applied.map((a) => ` Capped at ${a.capAt} by the rubric: ${a.says}`).join("");
  const defaults = scorecardDefaults(
    scorecard,
    Object.fromEntries(Object.entries(suggestions).map(([k, sg]) => [k, { level: sg.level, evidence: codeReviewEvidence(sg) }])),
    Object.fromEntries(Object.entries(fromTakeHome).map(([k, sg]) => [k, { level: sg.level, evidence: sg.evidence }])),
  );

  return {
    interview: {
      id: interview.id,
      stage: interview.stage,
      candidateName: candidateNameFor(interview, user.id),
      positionTitle: interview.positionTitle,
      interviewerName: interview.interviewerName,
      scheduledAt: interview.scheduledAt,
      loopOpen: interview.loopStatus === "open",
      cancelled: interview.status === "cancelled",
    },
    rubric: {
      title: rubric.title,
      version: rubric.version,
      dimensions: rubric.dimensions,
      signals: rubric.signals,
      raterGuidance: rubric.raterGuidance,
    },
    shape: ctx.shape,
    defaults,
    status: scorecard?.status ?? null,
    submittedAt: scorecard?.submittedAt ?? null,
    amendedAt: scorecard?.amendedAt ?? null,
    amendmentCount: scorecard?.amendmentCount ?? 0,
    updatedAt: scorecard?.updatedAt ?? null,
    // The revision this copy is at: every save from the page names it, so a stale tab can't overwrite.
    revision: scorecard?.revision ?? 0,
    isOwn,
    // The compact read-only view of this scorecard, for anyone who isn't editing it.
    card: scorecard && {
      interviewerName: interview.interviewerName,
      stage: interview.stage,
      recommendation: scorecard.recommendation,
      takeaways: scorecard.takeaways,
      submittedAt: scorecard.submittedAt,
      amendmentCount: scorecard.amendmentCount,
      ratings: Object.entries(scorecard.ratings).map(([dimensionKey, r]) => ({ dimensionKey, level: r.level, evidence: r.evidence })),
      signals: Object.entries(scorecard.signals).map(([signalKey, note]) => ({ signalKey, note })),
    },
    ...scorecardEditing(target, { isOwn, amend }),
    panel: visiblePanel(ctx, user),
    suggestions: Object.fromEntries(Object.entries(suggestions).map(([k, sg]) => [k, { level: sg.level, recall: sg.recall }])),
    justSubmitted: url.searchParams.get("submitted") === "1" && scorecard?.status === "submitted",
    submitBlockedReason: submitsYet(interview, now)
      ? null
      : `You can submit once the interview has started (${formatDateTime(interview.scheduledAt, user.timeZone)}); until then, notes save as a draft.`,
    timeZone: user.timeZone,
    // A debugging interview's recorded investigation, to rate the stage with it in view.
    incident:
      interview.stage === "debugging" && interview.exerciseId ? incidentPathFor(interview.id, getKit(interview.exerciseId), now) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  // The autosave path: one read of what the write needs, not the page's whole context.
  const interview = getScorecardTarget(idParam(params.interviewId)) ?? notFound("No such interview");
  const formData = await readFormData(request);
  const now = requestTime(context);
  const submit = formData.get("intent") === "submit";
  // Only the amend page (?amend=1) may change a submitted scorecard, and only by submitting.
  const amend = new URL(request.url).searchParams.get("amend") === "1";
  const answer = (a: ScorecardPostAnswer) => {
    if (a.submitted) throw redirect(`/interviews/${interview.id}/scorecard?submitted=1`);
    // A save that worked answers plainly (an autosave's answer is only its status line).
    return a.status === 200 ? a.body : data(a.body, { status: a.status });
  };
  // Read access first (403 for anyone outside the hiring team), then the write rules with their reasons.
  const readRefusal = interviewRefusal(user, interview, "read");
  if (readRefusal) forbidden(readRefusal);
  const writeRefusal = interviewRefusal(user, interview, "write");
  if (writeRefusal) return answer(scorecardRefusal(writeRefusal, 403));
  const ruleRefusal = scorecardWriteRefusal(interview, { submit, amend, now });
  if (ruleRefusal) return answer(scorecardRefusal(ruleRefusal, 409));

  const base = saveBaseOf(formData);
  if (base === null)
    return answer(scorecardRefusal("This page's copy of the scorecard can't be read. Reload the page; what was saved is safe.", 400));
  const rubric = getRubricDetail(interview.rubricVersionId) ?? notFound("Rubric version missing");
  return answer(
    answerScorecardPost({
      formData,
      shape: shapeFor(rubric, interview.stage),
      salvage: interview.scorecardStatus !== "submitted",
      timeZone: user.timeZone,
      save: (value, asSubmit) =>
        saveScorecard(user, {
          interviewId: interview.id,
          interviewerId: user.id,
          rubricVersionId: interview.rubricVersionId,
          value,
          submit: asSubmit,
          amend,
          now,
          base,
        }),
    }),
  );
}

// Autosaves don't need the page's data reloaded: the form already shows what was saved.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export default function ScorecardPage({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const revalidator = useRevalidator();
  // Loading another tab's version remounts the form on the fresh data, keeping a copy of what this
  // tab had entered beside it.
  const [generation, setGeneration] = useState(0);
  const [entered, setEntered] = useState<EnteredField[] | null>(null);
  const [replacing, setReplacing] = useState<typeof d | null>(null);
  const loadOther = (fields: EnteredField[]) => {
    setEntered(fields);
    setReplacing(d);
    void revalidator.revalidate();
  };
  // Once the fresh data is here (not before: it arrives in a transition), the form starts over from it.
  if (replacing && replacing !== d) {
    setReplacing(null);
    setGeneration(generation + 1);
  }
  const savedLabel = d.updatedAt && d.status === "draft" ? `Draft last saved ${formatDateTime(d.updatedAt, d.timeZone)}` : null;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        {d.isOwn ? <Link to="/interviews">My interviews</Link> : <Link to="/candidates">Candidates</Link>} /{" "}
        <Link to={`/interviews/${d.interview.id}`}>
          {STAGE_LABELS[d.interview.stage]}: {d.interview.candidateName}
        </Link>{" "}
        /
      </nav>
      <div className="page-header">
        <div>
          <h1>Scorecard: {d.interview.candidateName}</h1>
          <p>
            {STAGE_LABELS[d.interview.stage]} · {formatDateTime(d.interview.scheduledAt, d.timeZone)} ·{" "}
            {d.isOwn ? "you" : d.interview.interviewerName} · rubric {d.rubric.title} v{d.rubric.version}
          </p>
        </div>
        <div className="row">
          {d.status === "submitted" ? (
            <span className="badge badge-ok">Submitted {d.submittedAt ? formatDateTime(d.submittedAt, d.timeZone) : ""}</span>
          ) : d.editable ? null : d.status === "draft" ? (
            // While the form is open its save-status line is the one indicator (never "Not started"
            // beside "Draft saved").
            <span className="badge badge-warn">Draft</span>
          ) : (
            <span className="badge">Not started</span>
          )}
          {d.amendmentCount > 0 && d.amendedAt ? (
            <span className="badge badge-info">
              Amended {d.amendmentCount}× · last {formatDateTime(d.amendedAt, d.timeZone)}
            </span>
          ) : null}
          {d.canAmend ? (
            <Link to="?amend=1" className="btn">
              Amend
            </Link>
          ) : null}
        </div>
      </div>
      {!d.interview.loopOpen ? <p className="form-error">This loop is closed; the scorecard is shown read-only.</p> : null}
      {d.interview.cancelled ? <p className="form-error">This interview was cancelled.</p> : null}
      {d.justSubmitted ? (
        <p className="flash" role="status">
          Scorecard submitted. {d.panel?.length ? "Your colleagues' scorecards are below." : ""}
        </p>
      ) : null}
      {d.isOwn && d.editable && d.status === "submitted" ? (
        <p className="flash">
          You are amending a submitted scorecard. The earlier version is kept in the audit log.{" "}
          <Link to={`/interviews/${d.interview.id}/scorecard`}>Cancel amending</Link>
        </p>
      ) : null}
      {d.incident ? (
        <InvestigationPathView
          path={d.incident.path}
          conclusion={d.incident.conclusion}
          ranOutOfTime={d.incident.ranOutOfTime}
          dimensionNames={Object.fromEntries(d.rubric.dimensions.map((x) => [x.key, x.name]))}
        />
      ) : null}
      {d.editable ? <RaterGuidance guidance={d.rubric.raterGuidance} /> : null}
      {d.editable ? (
        <ScorecardForm
          key={generation}
          shape={d.shape}
          dimensions={d.rubric.dimensions}
          signals={d.rubric.signals}
          defaults={d.defaults}
          // An autosave's bare status reply goes to its fetcher, never here; a form reply has a status.
          lastResult={actionData && "status" in actionData ? actionData : undefined}
          submitted={d.status === "submitted"}
          lastSavedLabel={savedLabel}
          submitBlockedReason={d.submitBlockedReason}
          suggestions={d.suggestions}
          revision={d.revision}
          lastSave={actionData?.autosave}
          entered={entered}
          onLoadOther={loadOther}
          onDismissEntered={() => setEntered(null)}
        />
      ) : d.card ? (
        <>
          {d.status === "draft" ? <p className="flash">This scorecard is still a draft; it doesn't count until it is submitted.</p> : null}
          <ScorecardCard card={d.card} dimensions={d.rubric.dimensions} signals={d.rubric.signals} timeZone={d.timeZone} />
        </>
      ) : (
        <p className="card muted">No scorecard has been started for this interview yet.</p>
      )}
      <PanelScorecards panel={d.panel} dimensions={d.rubric.dimensions} signals={d.rubric.signals} timeZone={d.timeZone} isOwn={d.isOwn} />
    </>
  );
}
