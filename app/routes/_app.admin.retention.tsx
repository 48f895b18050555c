import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, useLocation } from "react-router";
import type { Route } from "./+types/_app.admin.retention";
import { ErrorList } from "#app/components/ui/field";
import { Pager } from "#app/components/ui/pager";
import { SubmitButton } from "#app/components/ui/submit-button";
import { DECISION_FLOOR_MONTHS, retentionSchema } from "#app/models/retention";
import { listPastRetention, listRetentionSettings, setRetention } from "#app/models/retention.server";
import { requestTime } from "#app/utils/clock.server";
import { notFound, readFormData } from "#app/utils/http.server";
import { pageFrom } from "#app/utils/pagination";
import { requirePermission } from "#app/auth/session.server";
import { formatDate } from "#app/utils/time";

export const meta: Route.MetaFunction = () => [{ title: "Retention · Loopwise" }];

const PAGE_SIZE = 100;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "candidate-data:manage");
  const { due, held } = listPastRetention(requestTime(context));
  const page = pageFrom(new URL(request.url));
  return {
    positions: listRetentionSettings(),
    due: due.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    dueTotal: due.length,
    page,
    held,
    timeZone: user.timeZone,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "candidate-data:manage");
  const submission = parseWithZod(await readFormData(request), { schema: retentionSchema });
  const positionId = Number(submission.payload.positionId);
  if (submission.status !== "success") return data({ positionId, reply: submission.reply() }, { status: 400 });
  const result = setRetention(user, submission.value.positionId, submission.value.retentionMonths, requestTime(context));
  if (!result.ok) notFound(result.message);
  return { positionId, reply: submission.reply() };
}

export default function Retention({ loaderData, actionData }: Route.ComponentProps) {
  const { positions, due, dueTotal, page, held, timeZone } = loaderData;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Retention</h1>
          <p>
            A candidate's data is kept for the period set on their position, counted from when their last interview loop closed (or from
            when they were added, if they were never interviewed), and never less than {DECISION_FLOOR_MONTHS} months from a hiring
            decision: the least a US employer must keep hiring records. Nothing is due while a loop is open or a legal hold stands.
          </p>
        </div>
      </div>

      <section className="card card-flush" aria-labelledby="positions-heading">
        <div className="card-header">
          <h2 id="positions-heading">Per position</h2>
        </div>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col" className="num">
                  Candidates
                </th>
                <th scope="col">Keep data for</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.title}
                    {p.open ? null : <span className="small muted"> (closed)</span>}
                  </th>
                  <td className="num">{p.candidates.toLocaleString("en-GB")}</td>
                  <td>
                    <RetentionForm position={p} lastResult={actionData?.positionId === p.id ? actionData.reply : undefined} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card card-flush" aria-labelledby="due-heading" style={{ marginTop: "1rem" }}>
        <div className="card-header">
          <h2 id="due-heading">Past retention ({dueTotal.toLocaleString("en-GB")})</h2>
          <span className="small muted">Review each and erase; the erasure page says what goes and what stays.</span>
        </div>
        {dueTotal === 0 ? (
          <p className="empty-state">No candidate's data is past its retention period.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col">Position</th>
                  <th scope="col">Last loop closed</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Kept until</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {due.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                    </th>
                    <td>{c.positionTitle}</td>
                    <td className="nowrap">
                      {c.lastClosedAt
                        ? formatDate(c.lastClosedAt, timeZone)
                        : `never interviewed (added ${formatDate(c.addedAt, timeZone)})`}
                    </td>
                    <td className="nowrap">{c.lastDecidedAt ? formatDate(c.lastDecidedAt, timeZone) : "—"}</td>
                    <td className="nowrap">{formatDate(c.keptUntil!, timeZone)}</td>
                    <td>
                      <Link to={`/candidates/${c.id}/erase`} className="btn btn-small" aria-label={`Review and erase ${c.name}`}>
                        Review and erase
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} pageSize={PAGE_SIZE} total={dueTotal} />
      </section>

      <section className="card card-flush" aria-labelledby="held-heading" style={{ marginTop: "1rem" }}>
        <div className="card-header">
          <h2 id="held-heading">On legal hold ({held.length})</h2>
          <span className="small muted">Never erased, never listed as due, until the hold is lifted.</span>
        </div>
        {held.length === 0 ? (
          <p className="empty-state">No candidate is under a legal hold.</p>
        ) : (
          <ul style={{ margin: 0, padding: "0.75rem 1.25rem 0.75rem 2.5rem" }}>
            {held.map((c) => (
              <li key={c.id}>
                <Link to={`/candidates/${c.id}/data`}>{c.name}</Link>, {c.positionTitle}: held since {formatDate(c.legalHold!.at, timeZone)}{" "}
                — {c.legalHold!.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function RetentionForm({
  position,
  lastResult,
}: {
  position: { id: number; title: string; retentionMonths: number };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const location = useLocation();
  const [form, fields] = useForm({
    id: `retention-${position.id}`,
    lastResult,
    defaultValue: { positionId: String(position.id), retentionMonths: String(position.retentionMonths) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: retentionSchema }),
    shouldValidate: "onSubmit",
  });
  const { key, ...months } = getInputProps(fields.retentionMonths, { type: "number", ariaAttributes: true });
  return (
    <Form method="post" action={`${location.pathname}${location.search}`} className="row" {...getFormProps(form)}>
      <input type="hidden" name={fields.positionId.name} value={position.id} />
      <label htmlFor={fields.retentionMonths.id} className="visually-hidden">
        Months to keep data for {position.title}
      </label>
      <input key={key} className="input" style={{ width: "6rem" }} min={1} max={120} {...months} />
      <span>months</span>
      <SubmitButton className="btn btn-small" name="intent" value={`retention-${position.id}`} pendingText="Saving…">
        Save
      </SubmitButton>
      <ErrorList id={fields.retentionMonths.errorId} errors={fields.retentionMonths.errors} />
    </Form>
  );
}
