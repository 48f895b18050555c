import type { Route } from "./+types/export.$file";
import { listPositions } from "#app/models/candidate.server";
import { exportResults, exportScorecards, exportStream, SCORECARD_COLUMNS } from "#app/models/export.server";
import { getLatestRubricVersion, getRubricDetail } from "#app/models/rubric.server";
import { plainError } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { requestTime } from "#app/utils/clock.server";

const RESULT_COLUMNS = [
  "candidate_id",
  "candidate_name",
  "position",
  "loop_id",
  "loop_status",
  "rubric_version",
  "score",
  "band",
  "calibrated_score",
  "calibrated_band",
  "band_status",
  "coverage",
  "gates",
  "interviews",
  "submitted",
  "decision",
];

const bad = (message: string, status = 400) => plainError(message, status);

/** /export/scorecards.csv, /export/results.json, …; ?position=<id> narrows to one position. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const match = /^(scorecards|results)\.(csv|json)$/.exec(params.file ?? "");
  if (!match) throw bad("Unknown export. Use scorecards.csv, scorecards.json, results.csv or results.json.", 404);
  const [, dataset, format] = match as unknown as [string, "scorecards" | "results", "csv" | "json"];
  const url = new URL(request.url);
  for (const key of url.searchParams.keys()) if (key !== "position") throw bad(`Unknown filter "${key}". The only filter is position.`);
  if (url.searchParams.getAll("position").length > 1) throw bad("Give one position at most.");
  const positionParam = url.searchParams.get("position");
  let positionId: number | undefined;
  if (positionParam) {
    positionId = Number(positionParam);
    if (!listPositions().some((p) => p.id === positionId)) throw bad(`Unknown position "${positionParam}".`);
  }
  const now = requestTime(context);
  const filename = `loopwise-${dataset}-${now.toISOString().slice(0, 10)}.${format}`;
  const rubric = getLatestRubricVersion("lead-ml-engineer");
  const dimensionColumns = rubric ? (getRubricDetail(rubric.id)?.dimensions ?? []).map((d) => `score_${d.key}`) : [];
  const columns = dataset === "scorecards" ? SCORECARD_COLUMNS : [...RESULT_COLUMNS, ...dimensionColumns];
  // Rows are written as they are read, so an export of any size streams with bounded memory.
  const batches = dataset === "scorecards" ? exportScorecards(user, { positionId }) : [exportResults(user, { positionId })];
  return new Response(exportStream(batches, format, { columns, meta: { dataset, generatedAt: now.toISOString() } }), {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}
