import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.rubrics._index";
import { FormError } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { RubricStatusBadge } from "#app/components/rubric-status-badge";
import { createDraft, listRubricVersions, loadDraftFromFile } from "#app/models/rubric-version.server";
import { unloadedRubricFiles } from "#app/models/rubric.server";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { formatDate } from "#app/utils/time";

export const meta: Route.MetaFunction = () => [{ title: "Rubric · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "rubrics:manage");
  return { versions: listRubricVersions(), files: unloadedRubricFiles(), timeZone: user.timeZone };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "rubrics:manage");
  const form = await readFormData(request);
  const now = requestTime(context);
  const intent = form.get("intent");
  if (intent === "create-draft") {
    const key = String(form.get("key") ?? "");
    const result = createDraft(user, key, now);
    if (!result.ok) return data({ error: result.message, file: null }, { status: 400 });
    throw redirect(`/rubrics/${result.id}/edit`);
  }
  if (intent === "load-file") {
    const file = String(form.get("file") ?? "");
    const result = loadDraftFromFile(user, file, now);
    if (!result.ok) return data({ error: result.message, file }, { status: 400 });
    throw redirect(`/rubrics/${result.id}/preview`);
  }
  return data({ error: "Choose what to do: create a draft or load a file.", file: null }, { status: 400 });
}

export default function Rubrics({ loaderData, actionData }: Route.ComponentProps) {
  const { versions, files, timeZone } = loaderData;
  const published = versions.filter((v) => v.status === "published");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Rubric</h1>
          <p>
            The scorecard every loop is rated against: dimensions and weights, anchored levels, signals, bands and floors. A version never
            changes once published; a change is a new version, drafted from the current one, checked against every candidate's scores, then
            published for new loops. Loops already scheduled keep the version they started with.
          </p>
        </div>
      </div>
      {actionData && !actionData.file ? <FormError errors={[actionData.error]} /> : null}

      {published.map((v) => {
        const draft = versions.find((d) => d.key === v.key && d.status === "draft");
        return (
          <section key={v.id} className="card" aria-labelledby={`rubric-${v.id}`}>
            <div className="row-between">
              <div>
                <h2 id={`rubric-${v.id}`}>
                  {v.title} v{v.version} <RubricStatusBadge status={v.status} />
                </h2>
                <p className="muted">
                  Published {v.publishedAt ? formatDate(v.publishedAt, timeZone) : ""} · used by {v.loops} loop{v.loops === 1 ? "" : "s"}{" "}
                  and {v.scorecards} scorecard{v.scorecards === 1 ? "" : "s"} · new loops use this version
                </p>
              </div>
              <div className="row">
                <Link to={`/rubrics/${v.id}`} className="btn">
                  View v{v.version}
                </Link>
                {draft ? (
                  <>
                    <Link to={`/rubrics/${draft.id}/edit`} className="btn">
                      Edit draft v{draft.version}
                    </Link>
                    <Link to={`/rubrics/${draft.id}/preview`} className="btn btn-primary">
                      Preview draft v{draft.version}
                    </Link>
                  </>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="key" value={v.key} />
                    <SubmitButton name="intent" value="create-draft" pendingText="Creating…">
                      Create a new version from v{v.version}
                    </SubmitButton>
                  </Form>
                )}
              </div>
            </div>
          </section>
        );
      })}

      <section className="card card-flush" aria-labelledby="files-heading" style={{ marginTop: "1rem" }}>
        <div className="card-header">
          <h2 id="files-heading">Load a version from a file</h2>
          <span className="small muted">
            Files in rubrics/ whose version isn't in Loopwise yet. Loading makes a draft to preview and publish.
          </span>
        </div>
        {files.length === 0 ? (
          <p className="empty-state">No rubric file is waiting to be loaded.</p>
        ) : (
          <ul className="file-list">
            {files.map((f) => (
              <li key={f.name}>
                <Form method="post" className="row-between">
                  <input type="hidden" name="file" value={f.name} />
                  <span>
                    <span className="mono">rubrics/{f.name}</span>
                    {f.title ? ` · ${f.title} v${f.version}` : null}
                  </span>
                  {f.problem ? null : (
                    <SubmitButton name="intent" value="load-file" className="btn btn-small" pendingText="Loading…">
                      Load as a draft
                    </SubmitButton>
                  )}
                </Form>
                {f.problem || actionData?.file === f.name ? (
                  <pre className="field-error file-problem" role={actionData?.file === f.name ? "alert" : undefined}>
                    {actionData?.file === f.name ? actionData.error : f.problem}
                  </pre>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card card-flush" aria-labelledby="versions-heading" style={{ marginTop: "1rem" }}>
        <div className="card-header">
          <h2 id="versions-heading">All versions</h2>
        </div>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Made</th>
                <th scope="col">Published</th>
                <th scope="col" className="num">
                  Loops
                </th>
                <th scope="col" className="num">
                  Scorecards
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link to={v.status === "draft" ? `/rubrics/${v.id}/edit` : `/rubrics/${v.id}`}>
                      {v.title} v{v.version}
                    </Link>
                  </th>
                  <td>
                    <RubricStatusBadge status={v.status} />
                  </td>
                  <td className="small">
                    {formatDate(v.createdAt, timeZone)} ·{" "}
                    {v.sourceFile ? `from ${v.sourceFile}` : `in the app by ${v.createdByName ?? "someone"}`}
                  </td>
                  <td className="small">{v.publishedAt ? formatDate(v.publishedAt, timeZone) : "—"}</td>
                  <td className="num">{v.loops}</td>
                  <td className="num">{v.scorecards}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
