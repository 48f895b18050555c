import { data, redirect } from "react-router";
import type { Route } from "./+types/incident.$token";
import { ExpiredLinkPage } from "#app/components/expired-link";
import { IncidentFinished, IncidentStart, IncidentWorkspace } from "#app/components/incident/incident-workspace";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";
import { handleIncidentAction, scenarioOf, workspaceData } from "#app/models/incident-workspace.server";
import { incidentFromLink } from "#app/models/incident-link.server";
import { SelfIdInvite } from "#app/components/fairness/self-id-form";
import { selfIdInvite } from "#app/models/self-id-link.server";
import { CandidateLinkError } from "#app/components/error-boundary";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Incident: ${data.title} · Loopwise` : "Incident · Loopwise" },
  // A private link: not indexed, and not leaked in the Referer header to another site.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { run, kit } = await incidentFromLink(params.token);
  const now = requestTime(context);
  const workspace = workspaceData(run, kit, now);
  // Offered before the clock starts and after it stops, never in the middle of the incident.
  return { ...workspace, selfId: workspace.phase === "in_progress" ? null : await selfIdInvite(run.assignmentId, now) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { run, kit } = await incidentFromLink(params.token);
  const result = handleIncidentAction(run, scenarioOf(kit), await readFormData(request), requestTime(context));
  if (result.reload) throw redirect(`/incident/${params.token}`);
  return data(result.body, { status: result.status });
}

export default function CandidateIncident({ loaderData: d }: Route.ComponentProps) {
  if (d.phase === "not_started" && d.linkExpired)
    return <ExpiredLinkPage exercise="incident simulation" title={d.title} notice={d.linkExpired} />;
  if (d.phase === "in_progress") return <IncidentWorkspace d={d} driver={false} />;
  return (
    <>
      {d.phase === "not_started" ? <IncidentStart d={d} driver={false} /> : <IncidentFinished d={d} />}
      <SelfIdInvite invite={d.selfId} />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <CandidateLinkError error={error} what="Incident simulation" unexpected="Please reload the page; what you recorded is safe." />;
}
