import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.candidates.$candidateId.erase";
import { ErrorList, FormError } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { ERASURE_REASONS, erasureSchema } from "#app/models/erasure-schema";
import { eraseCandidate, erasurePlan } from "#app/models/erasure.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { formatDate, formatDateTime } from "#app/utils/time";

export const meta: Route.MetaFunction = () => [{ title: "Erase a candidate · Loopwise" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "candidate-data:manage");
  const plan = erasurePlan(idParam(params.candidateId, "No such candidate"), requestTime(context)) ?? notFound("No such candidate");
  return { plan, timeZone: user.timeZone };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "candidate-data:manage");
  const id = idParam(params.candidateId, "No such candidate");
  const submission = parseWithZod(await readFormData(request), { schema: erasureSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = eraseCandidate(user, id, submission.value.reason, requestTime(context));
  if (!result.ok && result.status === 404) notFound(result.message);
  if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status });
  throw redirect(`/candidates/${id}/erase`);
}

export default function EraseCandidate({ loaderData, actionData }: Route.ComponentProps) {
  const { plan, timeZone } = loaderData;
  const { candidate } = plan;
  const [form, fields] = useForm({
    lastResult: actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: erasureSchema }),
    shouldValidate: "onSubmit",
  });
  if (plan.erased)
    return (
      <div className="page-narrow" style={{ margin: 0 }}>
        <div className="page-header">
          <h1>Candidate #{candidate.id} was erased</h1>
        </div>
        <section className="card">
          <p>
            Their personal data was erased on {formatDateTime(candidate.erasedAt!, timeZone)}. Their ratings remain, linked to no one; the
            audit log records the erasure.
          </p>
          <p>
            <Link to="/admin/retention">Retention</Link> · <Link to="/candidates">Candidates</Link>
          </p>
        </section>
      </div>
    );
  const { key: confirmKey, ...confirmProps } = getInputProps(fields.confirm, { type: "checkbox" });
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Erase {candidate.name}</h1>
          <p>{candidate.positionTitle}. Erasure removes this person from Loopwise for good; it can't be undone.</p>
        </div>
      </div>
      {candidate.legalHoldAt ? (
        <section className="card gate gate-red_flag" role="status">
          <strong>Under legal hold since {formatDate(candidate.legalHoldAt, timeZone)}.</strong> {candidate.legalHoldReason} A hold stops
          erasure: lift it on the <Link to={`/candidates/${candidate.id}/data`}>candidate's data page</Link> first.
        </section>
      ) : null}
      <div className="grid-2" style={{ alignItems: "start", marginTop: "1rem" }}>
        <section className="card" aria-labelledby="erased-heading">
          <h2 id="erased-heading">Erased</h2>
          <ul>
            {plan.erase.map((e) => (
              <li key={e}>{e}</li>
            ))}
            {plan.upcoming ? (
              <li>
                {plan.upcoming} upcoming interview{plan.upcoming === 1 ? " is" : "s are"} cancelled, the loop is closed and any code-review
                link stops working
              </li>
            ) : null}
          </ul>
        </section>
        <section className="card" aria-labelledby="kept-heading">
          <h2 id="kept-heading">Kept, linked to no one</h2>
          <ul>
            <li>
              {plan.keep.ratings} rating{plan.keep.ratings === 1 ? "" : "s"} (levels only) in {plan.keep.scorecards} scorecard
              {plan.keep.scorecards === 1 ? "" : "s"}, so interviewer calibration keeps its evidence
            </li>
            <li>
              {plan.keep.interviews} interview{plan.keep.interviews === 1 ? "" : "s"}: stage, time and interviewer
            </li>
            {plan.keep.decisions ? <li>The decision itself (hire, no hire or hold), without its rationale</li> : null}
            <li>The audit log's record of who did what and when; the erasure itself is recorded, with nothing that was erased</li>
          </ul>
        </section>
      </div>
      {candidate.legalHoldAt ? null : (
        <Form method="post" className="card form" style={{ marginTop: "1rem" }} {...getFormProps(form)}>
          <FormError errors={form.errors} />
          <fieldset aria-describedby={fields.reason.errors ? fields.reason.errorId : undefined}>
            <legend>Why</legend>
            {Object.entries(ERASURE_REASONS).map(([value, label]) => (
              <label key={value} className="checkbox">
                <input type="radio" name={fields.reason.name} value={value} defaultChecked={fields.reason.initialValue === value} />
                <span>{label}</span>
              </label>
            ))}
            <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
          </fieldset>
          <div className="field">
            <label className="checkbox">
              <input key={confirmKey} {...confirmProps} />
              <span>I understand that {candidate.name}'s personal data will be erased everywhere, for good.</span>
            </label>
            <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
          </div>
          <div className="form-actions">
            <SubmitButton className="btn btn-danger" pendingText="Erasing…">
              Erase {candidate.name}
            </SubmitButton>
            <Link to={`/candidates/${candidate.id}`} className="btn">
              Cancel
            </Link>
          </div>
        </Form>
      )}
    </div>
  );
}
