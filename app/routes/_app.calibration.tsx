import type { Route } from "./+types/_app.calibration";
import { DistributionBar, LevelLegend, LeniencyPlot } from "#app/components/charts";
import { MIN_PAIRABLE } from "#app/models/agreement";
import { getCalibration } from "#app/models/calibration.server";
import { getLatestRubricVersion, getRubricDetail } from "#app/models/rubric.server";
import { requirePermission } from "#app/utils/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Interviewer calibration · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "calibration:read");
  const rubric = getLatestRubricVersion("lead-ml-engineer");
  const dimensions = (rubric ? (getRubricDetail(rubric.id)?.dimensions ?? []) : []).map((d) => ({ key: d.key, name: d.name }));
  return { ...getCalibration(), dimensions };
}

const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(2)}`;
const alpha = (x: number | null) => (x === null ? "—" : x.toFixed(2));

export default function Calibration({ loaderData: d }: Route.ComponentProps) {
  const overall = d.agreement.overall;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Interviewer calibration</h1>
          <p>
            Over every submitted scorecard. Leniency compares each interviewer with colleagues who rated the same candidate and dimension.
          </p>
        </div>
      </div>
      {d.people.length === 0 ? (
        <p className="card empty-state">No submitted scorecards yet.</p>
      ) : (
        <div className="stack">
          <section className="card" aria-labelledby="plot-heading">
            <h2 id="plot-heading">Who rates high, who rates low</h2>
            <LeniencyPlot people={d.people} />
            <p className="small muted">
              Dot: leniency, shrunk toward 0 when there are few paired ratings. Line: its 95% interval. An interval clear of 0 means a
              consistent offset worth a calibration conversation.
            </p>
          </section>
          <section className="card card-flush" aria-labelledby="people-heading">
            <div className="card-header">
              <h2 id="people-heading">Interviewers</h2>
              <LevelLegend />
            </div>
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col" className="num">
                      Scorecards
                    </th>
                    <th scope="col" className="num">
                      Median time to submit
                    </th>
                    <th scope="col" className="num">
                      Leniency
                    </th>
                    <th scope="col" className="num">
                      Paired ratings
                    </th>
                    <th scope="col" className="num">
                      Matched the decision
                    </th>
                    <th scope="col">Ratings given (1 → 4) by dimension</th>
                  </tr>
                </thead>
                <tbody>
                  {d.people.map((p) => (
                    <tr key={p.id}>
                      <td className="name-cell">
                        {p.name}
                        <div className="small muted">{p.title}</div>
                      </td>
                      <td className="num">{p.scorecards}</td>
                      <td className="num">{p.medianHoursToSubmit === null ? "—" : `${p.medianHoursToSubmit.toFixed(1)} h`}</td>
                      <td className="num">
                        {signed(p.leniency)}
                        <div className="small muted">raw {signed(p.rawLeniency)}</div>
                      </td>
                      <td className="num">{p.pairs}</td>
                      <td className="num">{p.matchRate === null ? "—" : `${Math.round(p.matchRate * 100)}% of ${p.decided}`}</td>
                      <td>
                        <div className="dist-grid">
                          {d.dimensions.map((dim) => (
                            <span key={dim.key} className="dist-cell">
                              <span className="small muted">{dim.name}</span>
                              <DistributionBar counts={p.distribution[dim.key] ?? [0, 0, 0, 0]} label={`${p.name}, ${dim.name}`} />
                            </span>
                          ))}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="alpha-heading">
            <h2 id="alpha-heading">Panel agreement (Krippendorff's alpha)</h2>
            <p className="small muted">
              1 is perfect agreement, 0 is what chance would give. Units are candidate × dimension; missing ratings are allowed. Marked “too
              little data” below {MIN_PAIRABLE} pairable values.
            </p>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col" className="num">
                    Interval α
                  </th>
                  <th scope="col" className="num">
                    Ordinal α
                  </th>
                  <th scope="col" className="num">
                    Pairable values
                  </th>
                  <th scope="col">Reliability</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">All dimensions</th>
                  <td className="num">{alpha(overall.interval)}</td>
                  <td className="num">{alpha(overall.ordinal)}</td>
                  <td className="num">{overall.pairable}</td>
                  <td>{overall.enough ? "" : <span className="badge badge-warn">Too little data</span>}</td>
                </tr>
                {d.dimensions.map((dim) => {
                  const a = d.agreement.byDimension[dim.key];
                  return (
                    <tr key={dim.key}>
                      <th scope="row">{dim.name}</th>
                      <td className="num">{alpha(a?.interval ?? null)}</td>
                      <td className="num">{alpha(a?.ordinal ?? null)}</td>
                      <td className="num">{a?.pairable ?? 0}</td>
                      <td>{a?.enough ? "" : <span className="badge badge-warn">Too little data</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </>
  );
}
