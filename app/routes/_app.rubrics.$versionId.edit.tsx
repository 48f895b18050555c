import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/_app.rubrics.$versionId.edit";
import { RubricDraftForm } from "#app/components/rubric-draft-form";
import { SubmitButton } from "#app/components/ui/submit-button";
import { rubricDraftSchema } from "#app/models/rubric-draft-schema";
import { discardDraft, getRubricVersion, saveDraft } from "#app/models/rubric-version.server";
import { rubricDocument } from "#app/models/rubric.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { formatDate } from "#app/utils/time";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Draft v${data?.version.version ?? ""} · Rubric · Loopwise` }];

function draftOr404(param: string | undefined) {
  const id = idParam(param, "No such rubric version");
  const version = getRubricVersion(id) ?? notFound("No such rubric version");
  // A published version never changes: its page shows it instead.
  if (version.status !== "draft") throw redirect(`/rubrics/${id}`);
  return { id, version, draft: rubricDocument(id)! };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "rubrics:manage");
  const { version, draft } = draftOr404(params.versionId);
  return { version, draft, timeZone: user.timeZone };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "rubrics:manage");
  const { id, draft } = draftOr404(params.versionId);
  const form = await readFormData(request);
  const now = requestTime(context);
  if (form.get("intent") === "discard") {
    discardDraft(user, id, now);
    throw redirect("/rubrics");
  }
  const submission = parseWithZod(form, { schema: rubricDraftSchema(draft) });
  // Adding or removing a signal row without JavaScript comes back here too, as a reply without errors.
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const saved = saveDraft(user, id, submission.value, now);
  if (!saved.ok) return data(submission.reply({ formErrors: [saved.message] }), { status: 409 });
  throw redirect(form.get("intent") === "preview" ? `/rubrics/${id}/preview` : `/rubrics/${id}/edit?saved=1`);
}

export default function EditDraft({ loaderData, actionData }: Route.ComponentProps) {
  const { version, draft, timeZone } = loaderData;
  const [params] = useSearchParams();
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/rubrics">Rubric</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>
            Draft v{version.version} of {version.title}
          </h1>
          <p>
            Started {formatDate(version.createdAt, timeZone)}
            {version.sourceFile ? ` from ${version.sourceFile}` : version.createdByName ? ` by ${version.createdByName}` : ""}. Nothing uses
            it until it is published; check its impact on every candidate first.
          </p>
        </div>
        <div className="row">
          <Link to={`/rubrics/${version.id}/preview`} className="btn">
            Preview the impact
          </Link>
          <Form method="post">
            <SubmitButton name="intent" value="discard" className="btn btn-ghost" pendingText="Discarding…">
              Discard the draft
            </SubmitButton>
          </Form>
        </div>
      </div>
      {params.get("saved") && !actionData ? (
        <p className="form-success" role="status">
          Draft saved.
        </p>
      ) : null}
      <RubricDraftForm draft={draft} lastResult={actionData} />
    </>
  );
}
