import { Link } from "react-router";
import type { Route } from "./+types/_app.fairness.reports.$reportId";
import { requirePermission } from "#app/auth/session.server";
import { formatP } from "#app/components/fairness/impact-table";
import { ScrollRegion } from "#app/components/ui/scroll-region";
import { CATEGORISATIONS } from "#app/models/fairness";
import { FOUR_FIFTHS } from "#app/models/fairness-stats";
import { getReport } from "#app/models/fairness.server";
import { formatFixed, formatPercent } from "#app/models/numbers";
import { idParam, notFound } from "#app/utils/http.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Bias-audit report #${data?.report.id ?? ""} · Loopwise` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "fairness:read");
  const report = getReport(idParam(params.reportId, "No such report"));
  if (!report) notFound("No such report");
  return { report };
}

export default function BiasAuditReport({ loaderData: { report } }: Route.ComponentProps) {
  const c = report.content;
  const measures = [...new Set(c.rows.map((r) => r.measure))];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Bias-audit report #{report.id}</h1>
          <p>
            {c.position}, candidates who applied {c.periodFrom} to {c.periodTo}. Produced{" "}
            {report.producedAt.toISOString().slice(0, 16).replace("T", " ")} UTC by {report.producedBy}.
          </p>
        </div>
        <div className="row">
          <a className="btn" href={`/fairness/reports/${report.id}/bias-audit.csv`} download>
            Download CSV
          </a>
          <a className="btn" href={`/fairness/reports/${report.id}/bias-audit.json`} download>
            Download JSON
          </a>
          <Link className="btn btn-ghost" to="/fairness">
            Back to the monitor
          </Link>
        </div>
      </div>
      <div className="stack">
        <section className="card" aria-labelledby="scope-heading">
          <h2 id="scope-heading">What it covers</h2>
          <dl className="audit-fields">
            <dt>Date range</dt>
            <dd>
              {c.periodFrom} to {c.periodTo} (application dates)
            </dd>
            <dt>Applicants</dt>
            <dd>{c.applicants}</dd>
            {CATEGORISATIONS.map((k) => (
              <div key={k.key} style={{ display: "contents" }}>
                <dt>Unknown {k.label.toLowerCase()}</dt>
                <dd>{c.unknownShare[k.key] == null ? "—" : formatPercent(c.unknownShare[k.key]!)} of applicants</dd>
              </div>
            ))}
            <dt>Rubric versions</dt>
            <dd>{c.rubricVersions.join(", ") || "none"}</dd>
            <dt>Suppression</dt>
            <dd>Groups with fewer than {c.threshold} people are not reported</dd>
            <dt>Source of data</dt>
            <dd>{c.source ?? "Historical data of this organisation, from Loopwise."}</dd>
            <dt>What the tool assists</dt>
            <dd>{c.assists ?? "—"}</dd>
          </dl>
          <p className="small muted">
            This report holds totals only, no person's data, and is kept when candidates are erased. Impact ratios under{" "}
            {formatFixed(FOUR_FIFTHS, 1)} are marked.
          </p>
        </section>
        {measures.map((measure) => {
          const rows = c.rows.filter((r) => r.measure === measure);
          return (
            <section key={measure} className="card card-flush" aria-label={measure}>
              <div className="card-header">
                <h2>
                  {measure} <span className="small muted">({rows[0]!.kind})</span>
                </h2>
              </div>
              <ScrollRegion label={measure}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Category</th>
                      <th scope="col" className="num">
                        Applicants
                      </th>
                      <th scope="col" className="num">
                        Rate
                      </th>
                      <th scope="col" className="num">
                        Impact ratio
                      </th>
                      <th scope="col" className="num">
                        Mid-p
                      </th>
                      <th scope="col" className="num">
                        Fisher p
                      </th>
                      <th scope="col">Note</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={i}>
                        <th scope="row">
                          <span className="small muted">{r.categorisation}: </span>
                          {r.category}
                        </th>
                        <td className="num">{r.applicants ?? "—"}</td>
                        <td className="num">{r.rate === null ? "—" : formatPercent(r.rate)}</td>
                        <td className="num">
                          {r.impact_ratio === null ? (
                            "—"
                          ) : r.impact_ratio < FOUR_FIFTHS ? (
                            <strong className="warn-text">{formatFixed(r.impact_ratio, 2)}</strong>
                          ) : (
                            formatFixed(r.impact_ratio, 2)
                          )}
                        </td>
                        <td className="num">{r.note ? "—" : formatP(r.mid_p)}</td>
                        <td className="num">{r.note ? "—" : formatP(r.fisher_p)}</td>
                        <td className="small">{r.note}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            </section>
          );
        })}
      </div>
    </>
  );
}
