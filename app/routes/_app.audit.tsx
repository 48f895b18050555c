import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/_app.audit";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "#app/models/audit.server";
import { requirePermission } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import { ScrollRegion } from "#app/components/ui/scroll-region";

export const meta: Route.MetaFunction = () => [{ title: "Audit log · Loopwise" }];

const ENTITY_TYPES = [
  "candidate",
  "loop",
  "interview",
  "user",
  "scorecard",
  "decision",
  "sign_in",
  "rubric_version",
  "position",
  "exercise",
] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "audit:read");
  const url = new URL(request.url);
  const type = url.searchParams.get("type");
  const before = Number(url.searchParams.get("before"));
  const rows = listAuditEntries({
    entityType: ENTITY_TYPES.find((t) => t === type),
    beforeId: Number.isSafeInteger(before) && before > 0 ? before : undefined,
  });
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  return { entries, nextBefore: hasMore ? entries.at(-1)!.id : null, timeZone: user.timeZone };
}

/** Changed fields as "field: value" lines; long values (hashes, notes) are shortened. */
function Fields({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (typeof value !== "object") return <span>{String(value)}</span>;
  return (
    <ul className="audit-fields">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        const text = typeof v === "string" ? v : JSON.stringify(v);
        return (
          <li key={k}>
            <span className="k">{k}:</span> {text.length > 160 ? `${text.slice(0, 160)}…` : text}
          </li>
        );
      })}
    </ul>
  );
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { entries, nextBefore, timeZone } = loaderData;
  const [params] = useSearchParams();
  const type = params.get("type") ?? "";
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p>
            Every change to users, candidates, loops, interviews, scorecards, decisions and rubrics. Entries can't be edited or deleted.
          </p>
        </div>
      </div>
      <div className="card card-flush">
        <Form method="get" className="card-header">
          <div className="row">
            <label htmlFor="type">Show</label>
            <select id="type" name="type" className="select" defaultValue={type} style={{ width: 220 }}>
              <option value="">All changes</option>
              {ENTITY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t.replace("_", " ")}
                </option>
              ))}
            </select>
            <button type="submit" className="btn">
              Filter
            </button>
          </div>
        </Form>
        {entries.length === 0 ? (
          <p className="empty-state">No entries.</p>
        ) : (
          <ScrollRegion label="Audit entries">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap small">{formatDateTime(e.at, timeZone)}</td>
                    <td className="small">
                      {e.actorLabel}
                      {e.actorEmail ? <div className="muted">{e.actorEmail}</div> : null}
                    </td>
                    <td>
                      <span className="badge">{e.action.replaceAll("_", " ")}</span>{" "}
                      {e.summary || `${e.entityType.replaceAll("_", " ")} #${e.entityId}`}
                      <div className="small muted">
                        {e.entityType.replaceAll("_", " ")} #{e.entityId}
                      </div>
                    </td>
                    <td>{e.redacted ? <span className="muted">Redacted (erasure)</span> : <Fields value={e.before} />}</td>
                    <td>{e.redacted ? null : <Fields value={e.after} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {nextBefore ? (
          <div className="card-header" style={{ borderTop: "1px solid var(--border)", borderBottom: 0 }}>
            <Link to={`?${new URLSearchParams({ ...(type ? { type } : {}), before: String(nextBefore) })}`}>Older entries →</Link>
          </div>
        ) : null}
      </div>
    </>
  );
}
