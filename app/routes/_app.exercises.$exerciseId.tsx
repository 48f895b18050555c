import { Link } from "react-router";
import type { Route } from "./+types/_app.exercises.$exerciseId";
import { KitLayout, PrintButton } from "#app/components/kit/kit-layout";
import { STAGE_LABELS } from "#app/models/labels";
import { getKit } from "#app/models/kit.server";
import { getLatestRubricVersion, getRubricDetail } from "#app/models/rubric.server";
import { idParam, notFound } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { kitPageData } from "#app/models/kit-page.server";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.page.kit.title} · Exercises · Loopwise` : "Exercise · Loopwise" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "exercises:read");
  const kit = getKit(idParam(params.exerciseId, "No such exercise")) ?? notFound("No such exercise");
  // Outside a loop, the newest rubric says which dimensions the stage focuses on.
  const latest = getLatestRubricVersion("lead-ml-engineer");
  const rubric = latest ? getRubricDetail(latest.id) : null;
  const dimensionNames = Object.fromEntries((rubric?.dimensions ?? []).map((d) => [d.key, d.name]));
  const focus = (rubric?.stages.find((s) => s.key === kit.stage)?.focus ?? []).map((k) => dimensionNames[k] ?? k);
  return { page: kitPageData(kit, focus), focus, dimensionNames };
}

export default function ExercisePage({ loaderData: d }: Route.ComponentProps) {
  return (
    <>
      <nav className="breadcrumbs no-print" aria-label="Breadcrumb">
        <Link to="/exercises">Exercises</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>{d.page.kit.title}</h1>
          <p>
            {STAGE_LABELS[d.page.kit.stage]} · version {d.page.kit.version} · {d.page.kit.durationMinutes} minutes
          </p>
        </div>
        <div className="row no-print">
          <PrintButton />
        </div>
      </div>
      {d.page.newerVersion ? (
        <p className="flash no-print">
          Version {d.page.newerVersion.version} has replaced this one for new interviews.{" "}
          <Link to={`/exercises/${d.page.newerVersion.id}`}>Open version {d.page.newerVersion.version}</Link>
        </p>
      ) : null}
      <KitLayout data={d.page} focus={d.focus} dimensionNames={d.dimensionNames} timerKey={`exercise-timer-${d.page.kit.id}`} />
    </>
  );
}
