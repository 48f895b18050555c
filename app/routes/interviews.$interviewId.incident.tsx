// The interviewer drives the incident while sharing this screen: the candidate's workspace with
// nothing of the guide on it. Outside the signed-in layout on purpose (no navigation to share).
import { data, redirect } from "react-router";
import { interviewFor } from "#app/models/interview-access.server";
import type { Route } from "./+types/interviews.$interviewId.incident";
import { IncidentFinished, IncidentStart, IncidentWorkspace } from "#app/components/incident/incident-workspace";
import { getIncidentRun } from "#app/models/incident.server";
import { getKit } from "#app/models/kit.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { handleIncidentAction, scenarioOf, workspaceData } from "#app/models/incident-workspace.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `Incident: ${data.title} · Loopwise` : "Incident · Loopwise" }];

/** Only the interviewer of this debugging interview drives its interviewer-led run. */
async function drivenRun(request: Request, interviewId: string | undefined) {
  const user = await requireUser(request);
  const interview = interviewFor(user, idParam(interviewId), "write");
  const run = getIncidentRun(interview.id);
  const kit = run ? getKit(run.exerciseId) : null;
  if (!run || run.mode !== "interviewer_led" || !kit?.content?.scenario)
    notFound("This interview has no incident for you to drive. Start one from the kit page.");
  return { run, kit, interview };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { run, kit } = await drivenRun(request, params.interviewId);
  return workspaceData(run, kit, requestTime(context));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { run, kit, interview } = await drivenRun(request, params.interviewId);
  const result = handleIncidentAction(run, scenarioOf(kit), await readFormData(request), requestTime(context));
  if (result.reload) throw redirect(`/interviews/${interview.id}/incident`);
  return data(result.body, { status: result.status });
}

export default function DrivenIncident({ loaderData: d }: Route.ComponentProps) {
  if (d.phase === "not_started") return <IncidentStart d={d} driver />;
  if (d.phase === "in_progress") return <IncidentWorkspace d={d} driver />;
  return <IncidentFinished d={d} />;
}
