import { Link } from "react-router";
import type { Route } from "./+types/_app.rubrics.$versionId._index";
import { RubricStatusBadge } from "#app/components/rubric-status-badge";
import { formatScore } from "#app/models/numbers";
import { getRubricVersion } from "#app/models/rubric-version.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { idParam, notFound } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { formatDate } from "#app/utils/time";
import { ScrollRegion } from "#app/components/ui/scroll-region";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.rubric.title ?? "Rubric"} v${data?.rubric.version ?? ""} · Loopwise` },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "rubrics:manage");
  const id = idParam(params.versionId, "No such rubric version");
  const version = getRubricVersion(id) ?? notFound("No such rubric version");
  return { version, rubric: getRubricDetail(id)!, timeZone: user.timeZone };
}

const KIND_LABELS = { strong: "Strong signals", weak: "Weak signals", red_flag: "Red flags" } as const;

export default function RubricVersion({ loaderData }: Route.ComponentProps) {
  const { version, rubric, timeZone } = loaderData;
  const bandLabel = (key: string) => rubric.bands.find((b) => b.key === key)?.label ?? key;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/rubrics">Rubric</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>
            {rubric.title} v{rubric.version} <RubricStatusBadge status={version.status} />
          </h1>
          <p>
            {version.status === "published"
              ? `Published ${version.publishedAt ? formatDate(version.publishedAt, timeZone) : ""}: new loops use it.`
              : version.status === "retired"
                ? "Retired: loops scheduled while it was published still use it."
                : "A draft: nothing uses it until it is published."}{" "}
            Used by {version.loops} loop{version.loops === 1 ? "" : "s"} and {version.scorecards} scorecard
            {version.scorecards === 1 ? "" : "s"}.
          </p>
        </div>
        <div className="row">
          <a href={`/rubrics/${version.id}/file`} className="btn" download>
            Download as a file
          </a>
          {version.status === "draft" ? (
            <Link to={`/rubrics/${version.id}/edit`} className="btn btn-primary">
              Edit draft
            </Link>
          ) : null}
        </div>
      </div>

      <section className="card card-flush" aria-labelledby="dimensions-heading">
        <div className="card-header">
          <h2 id="dimensions-heading">Dimensions, weights and floors</h2>
        </div>
        <ScrollRegion label="Dimensions, weights and floors">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col" className="num">
                  Weight
                </th>
                <th scope="col">Floor</th>
                <th scope="col">Excellent looks like</th>
              </tr>
            </thead>
            <tbody>
              {rubric.dimensions.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.name}</th>
                  <td className="num">{d.weight}</td>
                  <td>{d.floor ? `No ${bandLabel(d.floor.blocks)} or better while ≤ ${d.floor.atOrBelow}` : "—"}</td>
                  <td className="small">{d.excellent}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <p className="small muted" style={{ padding: "0 1.25rem 1rem" }}>
          Bands, read from S as shown:{" "}
          {rubric.bands
            .map((b, i) => (i === rubric.bands.length - 1 ? `below that ${b.label}` : `≥ ${formatScore(b.minScore)} ${b.label}`))
            .join(" · ")}
        </p>
      </section>

      <section className="card" aria-labelledby="anchors-heading" style={{ marginTop: "1rem" }}>
        <h2 id="anchors-heading">Anchored levels</h2>
        {rubric.dimensions.map((d) => (
          <details key={d.key} className="anchor-details">
            <summary>{d.name}</summary>
            <dl className="anchors">
              {d.levels.map((l) => (
                <div key={l.level}>
                  <dt>
                    {l.level} · {l.label}
                  </dt>
                  <dd>{l.anchor}</dd>
                </div>
              ))}
            </dl>
          </details>
        ))}
      </section>

      <section className="card" aria-labelledby="signals-heading" style={{ marginTop: "1rem" }}>
        <h2 id="signals-heading">Signals</h2>
        <div className="grid-2">
          {(["strong", "weak", "red_flag"] as const).map((kind) => (
            <div key={kind}>
              <h3>{KIND_LABELS[kind]}</h3>
              <ul>
                {rubric.signals
                  .filter((s) => s.kind === kind)
                  .map((s) => (
                    <li key={s.key}>{s.text}</li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
