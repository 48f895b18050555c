// A rubric version as a file for rubrics/: the same format the loader reads, so a version made in
// the app can be kept with the code or loaded into another installation.
import type { Route } from "./+types/rubrics.$versionId.file";
import { rubricDocument } from "#app/models/rubric.server";
import { idParam, notFound } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "rubrics:manage");
  const document = rubricDocument(idParam(params.versionId, "No such rubric version")) ?? notFound("No such rubric version");
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${document.key}.v${document.version}.json"`,
    },
  });
}
