import { mayInterview } from "#app/models/interview-access";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.interviews.$interviewId.kit";
import { interviewFor } from "#app/models/interview-access.server";
import { IncidentPanel } from "#app/components/incident/incident-panel";
import { KitLayout, PrintButton } from "#app/components/kit/kit-layout";
import { TakeHomePanel } from "#app/components/kit/take-home-panel";
import { STAGE_LABELS } from "#app/models/labels";
import { candidateNameFor } from "#app/models/interview.server";
import { getKit } from "#app/models/kit.server";
import { can } from "#app/models/permissions";
import { getRubricDetail } from "#app/models/rubric.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import { handleKitAction, incidentPanel } from "#app/models/incident-kit.server";
import { kitPageData } from "#app/models/kit-page.server";
import { handleTakeHomeKitAction, takeHomePanel } from "#app/models/take-home-link.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Kit: ${data.page?.kit.title ?? "none"} · Loopwise` : "Kit · Loopwise" },
];

/** The interview and who is asking: its interviewer or the hiring team, nobody else. */
async function kitContext(request: Request, interviewId: string | undefined) {
  const user = await requireUser(request);
  const interview = interviewFor(user, idParam(interviewId), "read");
  // The guide says what good looks like: only the interviewer and the hiring team may read it.
  const kit = interview.exerciseId ? getKit(interview.exerciseId) : null;
  return { user, interview, kit };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, interview, kit } = await kitContext(request, params.interviewId);
  const rubric = getRubricDetail(interview.rubricVersionId) ?? notFound("Rubric version missing");
  const focusKeys = rubric.stages.find((s) => s.key === interview.stage)?.focus ?? [];
  const dimensionNames = Object.fromEntries(rubric.dimensions.map((d) => [d.key, d.name]));
  const focus = focusKeys.map((k) => dimensionNames[k] ?? k);
  const isOwn = mayInterview(user, interview, "write");
  return {
    interview: {
      id: interview.id,
      stage: interview.stage,
      candidateName: candidateNameFor(interview, user.id),
      scheduledAt: interview.scheduledAt,
      scorecardStatus: interview.scorecardStatus,
    },
    isOwn,
    canManage: can(user, "loops:manage"),
    focus,
    dimensionNames,
    page: kit ? kitPageData(kit, focus) : null,
    incident: kit?.content?.scenario ? await incidentPanel(interview, kit, requestTime(context), isOwn) : null,
    takeHome: kit?.content?.takeHome ? await takeHomePanel(interview, kit, requestTime(context)) : null,
    timeZone: user.timeZone,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, interview, kit } = await kitContext(request, params.interviewId);
  const form = await readFormData(request);
  if (String(form.get("intent")).startsWith("take-home")) {
    const result = handleTakeHomeKitAction(user, interview, kit, form, requestTime(context));
    if (!result.ok) return data({ error: result.error }, { status: 400 });
    throw redirect(`/interviews/${interview.id}/kit#take-home`);
  }
  const result = handleKitAction(user, interview, kit, form, requestTime(context));
  if (!result.ok) return data({ error: result.error }, { status: 400 });
  throw redirect(result.drive ? `/interviews/${interview.id}/incident` : `/interviews/${interview.id}/kit#incident`);
}

export default function InterviewKit({ loaderData: d, actionData }: Route.ComponentProps) {
  const scorecardLabel = d.isOwn
    ? d.interview.scorecardStatus === "submitted"
      ? "View my scorecard"
      : "Open scorecard"
    : "View scorecard";
  return (
    <>
      <nav className="breadcrumbs no-print" aria-label="Breadcrumb">
        {d.isOwn ? <Link to="/interviews">My interviews</Link> : <Link to="/candidates">Candidates</Link>} /{" "}
        <Link to={`/interviews/${d.interview.id}`}>
          {STAGE_LABELS[d.interview.stage]}: {d.interview.candidateName}
        </Link>{" "}
        /
      </nav>
      <div className="page-header">
        <div>
          <h1>{d.page ? d.page.kit.title : `${STAGE_LABELS[d.interview.stage]}: no kit chosen`}</h1>
          <p>
            {STAGE_LABELS[d.interview.stage]} with {d.interview.candidateName} · {formatDateTime(d.interview.scheduledAt, d.timeZone)}
            {d.page ? ` · kit version ${d.page.kit.version}` : ""}
          </p>
        </div>
        <div className="row no-print">
          <Link to={`/interviews/${d.interview.id}/scorecard`} className="btn btn-primary">
            {scorecardLabel}
          </Link>
          {d.page?.canShowPrompt ? (
            <Link to={`/interviews/${d.interview.id}/prompt`} className="btn" target="_blank" rel="noopener">
              Show the prompt to the candidate
            </Link>
          ) : null}
          {d.page ? <PrintButton /> : null}
        </div>
      </div>
      {!d.page ? (
        <div className="card empty-state">
          <h2>No kit was chosen for this interview</h2>
          <p>
            {d.canManage ? (
              <Link to={`/interviews/${d.interview.id}/edit`}>Choose one when you edit the interview.</Link>
            ) : (
              "Ask the hiring manager to choose one."
            )}
          </p>
        </div>
      ) : (
        <>
          {d.page.newerVersion ? (
            <p className="flash no-print">
              This interview uses version {d.page.kit.version} of the kit; version {d.page.newerVersion.version} has replaced it for new
              interviews.
            </p>
          ) : null}
          <KitLayout data={d.page} focus={d.focus} dimensionNames={d.dimensionNames} timerKey={`kit-timer-${d.interview.id}`}>
            {d.incident ? (
              <IncidentPanel
                panel={d.incident}
                interviewId={d.interview.id}
                error={actionData?.error}
                timeZone={d.timeZone}
                dimensionNames={d.dimensionNames}
              />
            ) : null}
            {d.takeHome ? (
              <TakeHomePanel panel={d.takeHome} interviewId={d.interview.id} error={actionData?.error} timeZone={d.timeZone} />
            ) : null}
          </KitLayout>
        </>
      )}
    </>
  );
}
