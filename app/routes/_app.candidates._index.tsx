import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/_app.candidates._index";
import { DECISION_LABELS, SOURCE_LABELS } from "#app/models/labels";
import { listCandidates, listPositions } from "#app/models/candidate.server";
import { requestTime } from "#app/utils/clock.server";
import { can } from "#app/models/permissions";
import { requirePermission } from "#app/auth/session.server";
import { Pager } from "#app/components/ui/pager";
import { pageFrom } from "#app/utils/pagination";
import { formatDate, formatDateTime } from "#app/utils/time";

export const meta: Route.MetaFunction = () => [{ title: "Candidates · Loopwise" }];

const PAGE_SIZE = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "loops:manage");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 120);
  const positionParam = Number(url.searchParams.get("position"));
  const positions = listPositions();
  // An unknown position filter is ignored rather than an error: it is only a view.
  const positionId = positions.some((p) => p.id === positionParam) ? positionParam : undefined;
  const page = pageFrom(url);
  const { rows, total } = listCandidates({
    now: requestTime(context),
    query: query || undefined,
    positionId,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return {
    candidates: rows,
    total,
    page,
    positions,
    timeZone: user.timeZone,
    filtered: Boolean(query || positionId),
    canManageData: can(user, "candidate-data:manage"),
  };
}

function LoopProgress({ c }: { c: Route.ComponentProps["loaderData"]["candidates"][number] }) {
  if (c.decision)
    return <span className="badge badge-info">Decided: {DECISION_LABELS[c.decision as keyof typeof DECISION_LABELS] ?? c.decision}</span>;
  if (!c.loopId) return <span className="badge">No loop yet</span>;
  if (c.interviewCount === 0) return <span className="badge">Loop without interviews</span>;
  const pct = Math.round((100 * c.submittedCount) / c.interviewCount);
  return (
    <span className="nowrap" aria-label={`${c.submittedCount} of ${c.interviewCount} scorecards submitted`}>
      <span className="progress-count">
        {c.submittedCount}/{c.interviewCount}
      </span>{" "}
      scorecards
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}

export default function Candidates({ loaderData }: Route.ComponentProps) {
  const { candidates, total, page, positions, timeZone, filtered, canManageData } = loaderData;
  const [params] = useSearchParams();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Candidates</h1>
          <p>
            {total.toLocaleString("en-GB")} {total === 1 ? "candidate" : "candidates"}
            {filtered ? " match" : ""}
          </p>
        </div>
        <div className="row">
          {canManageData ? (
            <Link to="/admin/retention" className="btn">
              Retention
            </Link>
          ) : null}
          <Link to="/candidates/new" className="btn btn-primary">
            Add candidate
          </Link>
        </div>
      </div>
      <div className="card card-flush">
        <Form method="get" className="card-header" role="search">
          <div className="row">
            <label className="visually-hidden" htmlFor="q">
              Search candidates
            </label>
            <input
              id="q"
              name="q"
              type="search"
              className="input"
              placeholder="Search by name or email"
              defaultValue={params.get("q") ?? ""}
              style={{ width: 260 }}
            />
            <label className="visually-hidden" htmlFor="position">
              Position
            </label>
            <select id="position" name="position" className="select" defaultValue={params.get("position") ?? ""} style={{ width: 280 }}>
              <option value="">All positions</option>
              {positions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
            <button type="submit" className="btn">
              Filter
            </button>
            {filtered ? (
              <Link to="/candidates" className="small">
                Clear
              </Link>
            ) : null}
          </div>
        </Form>
        {candidates.length === 0 ? (
          <div className="empty-state">
            <h2>{filtered ? "No candidates match" : "No candidates yet"}</h2>
            <p>{filtered ? "Try another name or position." : "Add the first candidate to start scheduling their loop."}</p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Position</th>
                  <th scope="col">Source</th>
                  <th scope="col">Loop</th>
                  <th scope="col">Next interview</th>
                  <th scope="col">Added</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.id}>
                    <td className="name-cell">
                      <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                      <div className="small muted">{c.email}</div>
                    </td>
                    <td>{c.positionTitle}</td>
                    <td className="nowrap">{SOURCE_LABELS[c.source]}</td>
                    <td>
                      <LoopProgress c={c} />
                    </td>
                    <td className="nowrap small">{c.nextInterviewAt ? formatDateTime(c.nextInterviewAt, timeZone) : "—"}</td>
                    <td className="nowrap small">{formatDate(c.createdAt, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={page} pageSize={PAGE_SIZE} total={total} />
          </div>
        )}
      </div>
    </>
  );
}
