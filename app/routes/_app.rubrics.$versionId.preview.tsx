import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.rubrics.$versionId.preview";
import { BandBadge, GateBadges } from "#app/components/score-figures";
import { ImpactPicture } from "#app/components/impact-picture";
import { FormError } from "#app/components/ui/field";
import { Pager } from "#app/components/ui/pager";
import { SubmitButton } from "#app/components/ui/submit-button";
import { formatScore, formatSigned, shownScore } from "#app/models/numbers";
import { previewDraft, type PreviewRow } from "#app/models/rubric-preview.server";
import { getRubricVersion, listRubricVersions, publishDraft } from "#app/models/rubric-version.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { pageFrom } from "#app/utils/pagination";
import { requirePermission } from "#app/auth/session.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Impact of draft v${data?.draft.version ?? ""} · Rubric · Loopwise` }];

const PAGE_SIZE = 100;

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "rubrics:manage");
  const id = idParam(params.versionId, "No such rubric version");
  const version = getRubricVersion(id) ?? notFound("No such rubric version");
  if (version.status !== "draft") throw redirect(`/rubrics/${id}`);
  const preview = previewDraft(id)!;
  const published = listRubricVersions().find((v) => v.key === version.key && v.status === "published") ?? null;
  const page = pageFrom(new URL(request.url));
  return {
    draft: preview.draft,
    published: published && { version: published.version, loops: published.loops },
    total: preview.rows.length,
    bandChanges: preview.bandChanges,
    floorChanges: preview.floorChanges,
    changes: preview.changes,
    base: preview.base,
    picture: preview.picture,
    bandMoves: preview.bandMoves,
    rows: preview.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    page,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "rubrics:manage");
  const id = idParam(params.versionId, "No such rubric version");
  const form = await readFormData(request);
  if (form.get("intent") !== "publish") return data({ error: "Nothing to do: use Publish." }, { status: 400 });
  const result = publishDraft(user, id, requestTime(context));
  if (!result.ok) return data({ error: result.message }, { status: 409 });
  throw redirect(`/rubrics/${id}`);
}

export default function PreviewDraft({ loaderData, actionData }: Route.ComponentProps) {
  const { draft, published, total, bandChanges, floorChanges, changes, base, picture, bandMoves, rows, page } = loaderData;
  const n = (x: number) => x.toLocaleString("en-GB");
  const summary =
    total === 0
      ? ""
      : `S of ${n(total)} past candidate${total === 1 ? "" : "s"} now and under draft v${draft.version}: ${n(bandChanges)} change band (${n(bandMoves.up)} up, ${n(bandMoves.down)} down)${
          floorChanges ? `, and for ${n(floorChanges)} a floor starts or stops ruling out a band` : ""
        }.`;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/rubrics">Rubric</Link> / <Link to={`/rubrics/${draft.id}/edit`}>Draft v{draft.version}</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Impact of draft v{draft.version}</h1>
          <p>
            What the draft changes, then every candidate with submitted scorecards: S, band and gates as shown today, and under draft v
            {draft.version}, from the same ratings. Candidates whose band would change come first.
          </p>
        </div>
        <Link to={`/rubrics/${draft.id}/edit`} className="btn">
          Back to editing
        </Link>
      </div>

      <section className="card" aria-labelledby="changes-heading">
        <h2 id="changes-heading">What draft v{draft.version} changes</h2>
        {base ? null : <p className="muted">No published version to compare with.</p>}
        {base && changes.length === 0 ? (
          <p className="muted">Nothing yet: the draft is the same as v{base.version}. Edit it to see what the change would do.</p>
        ) : null}
        {changes.length ? (
          <ul className="change-list" aria-label={`Changes from v${base?.version ?? ""}`}>
            {changes.map((c, i) => (
              <li key={i} className={`change-${c.kind}`}>
                {c.text}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="card" aria-labelledby="publish-heading" style={{ marginTop: "1rem" }}>
        <h2 id="publish-heading">
          {total === 0
            ? "No candidate has a submitted scorecard yet"
            : `${n(bandChanges)} of ${n(total)} candidate${total === 1 ? "" : "s"} would change band`}
          {floorChanges ? `; a floor would start or stop ruling out a band for ${n(floorChanges)}` : ""}
        </h2>
        <p>
          Publishing makes v{draft.version} the version new loops use.
          {published
            ? ` The ${n(published.loops)} loop${published.loops === 1 ? "" : "s"} on v${published.version}, and any on older versions, keep theirs: the figures in the "Now" column are what they keep showing.`
            : ""}{" "}
          A published version can't be changed.
        </p>
        <Form method="post" className="row">
          <FormError errors={actionData ? [actionData.error] : null} />
          <SubmitButton name="intent" value="publish" pendingText="Publishing…">
            Publish v{draft.version}
          </SubmitButton>
        </Form>
      </section>

      {total > 0 ? (
        <section className="card" aria-labelledby="picture-heading" style={{ marginTop: "1rem" }}>
          <h2 id="picture-heading">Now and under the draft</h2>
          <ImpactPicture
            points={picture}
            nowBands={base?.bands ?? draft.bands}
            draftBands={draft.bands}
            nowLabel={base ? `Now (v${base.version})` : "Now"}
            draftLabel={`Draft v${draft.version}`}
            summary={summary}
          />
        </section>
      ) : null}

      {total > 0 ? (
        <section className="card card-flush" aria-labelledby="impact-heading" style={{ marginTop: "1rem" }}>
          <div className="card-header">
            <h2 id="impact-heading">Candidates</h2>
          </div>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">
                S and band now and under draft v{draft.version}, with their gates, changed bands first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col" className="num">
                    Now
                  </th>
                  <th scope="col">Band and gates now</th>
                  <th scope="col" className="num">
                    Draft v{draft.version}
                  </th>
                  <th scope="col">Band and gates under the draft</th>
                  <th scope="col" className="num">
                    Change in S
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <ImpactRow key={r.candidateId} row={r} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pageSize={PAGE_SIZE} total={total} />
        </section>
      ) : null}
    </>
  );
}

function ImpactRow({ row }: { row: PreviewRow }) {
  // The difference of the figures shown beside it, so the three never disagree.
  const [now, next] = [shownScore(row.current.score), shownScore(row.draft.score)];
  const change = now !== null && next !== null ? next - now : null;
  return (
    <tr className={row.bandChanged || row.floorChanged ? "preview-changed" : undefined}>
      <th scope="row" className="name-cell">
        <Link to={`/candidates/${row.candidateId}`}>{row.candidateName}</Link>
        {row.bandChanged ? <span className="visually-hidden"> (band changes)</span> : null}
        {!row.panelIn.complete ? <div className="small muted">{row.panelIn.label}</div> : null}
      </th>
      <td className="num">
        {formatScore(row.current.score)} <span className="small muted">v{row.current.version}</span>
      </td>
      <td>
        <div className="row" style={{ gap: "0.3rem" }}>
          <BandBadge band={row.current.band} panel={row.panelIn} /> <GateBadges gates={row.current.gates} />
        </div>
      </td>
      <td className="num">{formatScore(row.draft.score)}</td>
      <td>
        <div className="row" style={{ gap: "0.3rem" }}>
          <BandBadge band={row.draft.band} panel={row.panelIn} /> <GateBadges gates={row.draft.gates} />
        </div>
      </td>
      <td className="num">{change === null ? "—" : formatSigned(change)}</td>
    </tr>
  );
}
