// The subject-access export: one HTML file, readable anywhere, that also carries the complete data
// as JSON; ?format=json gives the JSON alone. Downloading it is recorded in the audit log.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Route } from "./+types/candidates.$candidateId.subject-access";
import { SubjectAccessDocument } from "#app/components/subject-access-document";
import { recordSubjectAccessExport, subjectAccessData, subjectAccessLabels } from "#app/models/subject-access.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, plainError } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "candidate-data:manage");
  const candidateId = idParam(params.candidateId, "No such candidate");
  const format = new URL(request.url).searchParams.get("format") ?? "html";
  if (format !== "html" && format !== "json") throw plainError('Unknown format. Use "html" (the default) or "json".', 400);
  const now = requestTime(context);
  const data = subjectAccessData(candidateId, now) ?? notFound("No such candidate, or their data has been erased.");
  recordSubjectAccessExport(user, candidateId, format, now);
  const filename = `loopwise-subject-access-${candidateId}-${now.toISOString().slice(0, 10)}.${format}`;
  const body =
    format === "json"
      ? JSON.stringify(data, null, 2)
      : `<!doctype html>\n${renderToStaticMarkup(createElement(SubjectAccessDocument, { data, labels: subjectAccessLabels(data) }))}`;
  return new Response(body, {
    headers: {
      "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}
