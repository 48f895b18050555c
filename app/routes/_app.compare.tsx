import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/_app.compare";
import { listPositions } from "#app/models/candidate.server";
import { getComparison, withCalibrated } from "#app/models/compare.server";
import { formatScore } from "#app/models/numbers";
import { getRubricDetail } from "#app/models/rubric.server";
import { requirePermission } from "#app/auth/session.server";
import { Pager } from "#app/components/ui/pager";
import { ExportLinks, FilterNotices } from "#app/components/export-links";
import { pageFrom } from "#app/utils/pagination";
import { GateBadges, ScoreCell } from "#app/components/score-figures";

export const meta: Route.MetaFunction = () => [{ title: "Compare candidates · Loopwise" }];

const PAGE_SIZE = 100;

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "compare:read");
  const url = new URL(request.url);
  const positions = listPositions();
  const requested = Number(url.searchParams.get("position"));
  const position = positions.find((p) => p.id === requested) ?? positions[0];
  const notices: string[] = [];
  if (url.searchParams.has("position") && !positions.some((p) => p.id === requested))
    notices.push(`Unknown position "${url.searchParams.get("position")}"; showing ${position?.title ?? "none"}.`);
  if (!position)
    return { positions, position: null, dimensions: [], rows: [], total: 0, page: 1, sort: "score", dir: "desc" as const, notices };
  // A copy: the cached list is shared, and this page sorts it.
  const rows = [...getComparison(position.id)];
  const rubric = getRubricDetail(rows[0]?.rubricVersionId ?? 0);
  const dimensions = (rubric?.dimensions ?? []).map((d) => ({ key: d.key, name: d.name, weight: d.weight }));
  const sortParam = url.searchParams.get("sort") ?? "score";
  const sort = sortParam === "score" || dimensions.some((d) => d.key === sortParam) ? sortParam : "score";
  if (sort !== sortParam) notices.push(`Unknown sort "${sortParam}"; sorted by S.`);
  const dir = url.searchParams.get("dir") === "asc" ? ("asc" as const) : ("desc" as const);
  const value = (r: (typeof rows)[number]) => (sort === "score" ? r.score : r.dimensionScores[sort]) ?? null;
  // Unscored candidates always sink to the bottom, whichever way the column is sorted.
  rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null) return vb === null ? a.candidateName.localeCompare(b.candidateName) : 1;
    if (vb === null) return -1;
    return dir === "asc" ? va - vb : vb - va;
  });
  const page = pageFrom(url);
  return {
    positions,
    position,
    dimensions,
    total: rows.length,
    page,
    notices,
    rows: withCalibrated(rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)).map((r) => ({
      candidateId: r.candidateId,
      candidateName: r.candidateName,
      score: r.score,
      submitted: r.submitted,
      scheduled: r.scheduled,
      band: r.band,
      panelIn: r.panelIn,
      calibratedScore: r.calibratedScore,
      calibratedBand: r.calibratedBand,
      gates: r.gates,
      coverage: r.coverage,
      decision: r.decision,
      dimensionScores: r.dimensionScores,
      rubricVersion: r.rubricVersion,
    })),
    sort,
    dir,
  };
}

function SortLink({ column, label, sort, dir, position }: { column: string; label: string; sort: string; dir: string; position: number }) {
  const active = sort === column;
  const next = active && dir === "desc" ? "asc" : "desc";
  return (
    <Link to={`?position=${position}&sort=${column}&dir=${next}`} className="sort-link" preventScrollReset>
      {label}
      {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
    </Link>
  );
}

export default function Compare({ loaderData: d }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const ariaSort = (column: string) => (d.sort === column ? (d.dir === "asc" ? "ascending" : "descending") : undefined);
  if (!d.position) return <p className="card empty-state">No positions yet.</p>;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Compare candidates</h1>
          <p>
            {d.position.title}: {d.total.toLocaleString("en-GB")} candidates, their latest loop each. S is the raw weighted score, with the
            leniency-calibrated S under it; the band is read from S as shown, and gates sit beside it.
          </p>
        </div>
        <ExportLinks positionId={d.position.id} />
      </div>
      <FilterNotices notices={d.notices} />
      <div className="card card-flush">
        <Form method="get" className="card-header">
          <div className="row">
            <label htmlFor="position">Position</label>
            <select
              id="position"
              name="position"
              className="select"
              defaultValue={params.get("position") ?? String(d.position.id)}
              style={{ width: 300 }}
            >
              {d.positions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
            <button type="submit" className="btn">
              Show
            </button>
          </div>
        </Form>
        {d.rows.length === 0 ? (
          <p className="empty-state">No candidates for this position yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table compare-table">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col" className="num" aria-sort={ariaSort("score")}>
                    <SortLink column="score" label="S and band" sort={d.sort} dir={d.dir} position={d.position.id} />
                  </th>
                  <th scope="col">Gates</th>
                  {d.dimensions.map((dim) => (
                    <th
                      key={dim.key}
                      scope="col"
                      className="num"
                      title={`${dim.name} (weight ${dim.weight})`}
                      aria-sort={ariaSort(dim.key)}
                    >
                      <SortLink column={dim.key} label={dim.name} sort={d.sort} dir={d.dir} position={d.position!.id} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => (
                  <tr key={r.candidateId}>
                    <td className="name-cell">
                      <Link to={`/candidates/${r.candidateId}`}>{r.candidateName}</Link>
                      {r.decision ? <div className="small muted">Decided: {r.decision.replace("_", " ")}</div> : null}
                    </td>
                    <td className="num">
                      <ScoreCell
                        score={r.score}
                        band={r.band}
                        calibratedScore={r.calibratedScore}
                        calibratedBand={r.calibratedBand}
                        rubricVersion={r.rubricVersion}
                        panelIn={r.panelIn}
                      />
                    </td>
                    <td>
                      <div className="row" style={{ gap: "0.3rem" }}>
                        {r.gates.length ? <GateBadges gates={r.gates} /> : <span className="small muted">none</span>}
                      </div>
                    </td>
                    {d.dimensions.map((dim) => (
                      <td key={dim.key} className="num">
                        {formatScore(r.dimensionScores[dim.key] ?? null)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={d.page} pageSize={PAGE_SIZE} total={d.total} />
          </div>
        )}
      </div>
    </>
  );
}
