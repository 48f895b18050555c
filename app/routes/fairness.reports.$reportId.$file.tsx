import type { Route } from "./+types/fairness.reports.$reportId.$file";
import { requirePermission } from "#app/auth/session.server";
import { exportStream } from "#app/models/export.server";
import { getReport, REPORT_COLUMNS, reportExportRows } from "#app/models/fairness.server";
import { idParam, plainError } from "#app/utils/http.server";

/** /fairness/reports/<id>/bias-audit.csv or .json: a stored report's totals, as produced. */
export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "fairness:read");
  const id = idParam(params.reportId, "No such report");
  const match = /^bias-audit\.(csv|json)$/.exec(params.file ?? "");
  if (!match) throw plainError("Unknown export. Use bias-audit.csv or bias-audit.json.", 404);
  const format = match[1] as "csv" | "json";
  const report = getReport(id);
  if (!report) throw plainError("No such report", 404);
  const { rows, ...about } = report.content;
  const meta = { dataset: "bias-audit", reportId: id, producedAt: report.producedAt.toISOString(), ...about };
  return new Response(exportStream([reportExportRows(id, { ...about, rows })], format, { columns: REPORT_COLUMNS, meta }), {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="loopwise-bias-audit-${id}-${about.periodFrom}-${about.periodTo}.${format}"`,
    },
  });
}
