import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.validity.outcomes.$candidateId";
import { requirePermission } from "#app/auth/session.server";
import { ErrorList, FormError, SelectField, TextareaField, TextField } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { CHECKPOINTS, EMPLOYMENT_LABELS, OUTCOME_LEVELS } from "#app/models/outcome-scale";
import { OutcomeSchema } from "#app/models/outcome-schema";
import { outcomePage, outcomeRefusal, recordOutcome } from "#app/models/outcome.server";
import { requestTime } from "#app/utils/clock.server";
import { forbidden, idParam, notFound, readFormData } from "#app/utils/http.server";
import { formatDate } from "#app/utils/time";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Outcome for ${data?.candidate.name ?? "a hire"} · Loopwise` }];

async function guard(request: Request, candidateId: string | undefined) {
  const user = await requirePermission(request, "validity:manage");
  const refusal = outcomeRefusal(user);
  if (refusal) forbidden(refusal);
  return { user, id: idParam(candidateId, "No such candidate") };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { id } = await guard(request, params.candidateId);
  const page = outcomePage(id, requestTime(context)) ?? notFound("No such candidate");
  const recorded = new URL(request.url).searchParams.get("recorded");
  return { ...page, justRecorded: recorded && recorded in CHECKPOINTS ? CHECKPOINTS[recorded as keyof typeof CHECKPOINTS].label : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, id } = await guard(request, params.candidateId);
  const now = requestTime(context);
  if (!outcomePage(id, now)) notFound("No such candidate");
  const submission = parseWithZod(await readFormData(request), { schema: OutcomeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = recordOutcome(user, id, submission.value, now);
  if (!result.ok) return data(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }), { status: 400 });
  throw redirect(`/validity/outcomes/${id}?recorded=${submission.value.checkpoint}`);
}

export default function RecordOutcome({ loaderData: d, actionData }: Route.ComponentProps) {
  // Only outcomes that can be recorded today are offered; the next one says when it opens.
  const open = d.checkpoints.filter((c) => c.open && c.canRecordNow);
  const next = d.checkpoints.find((c) => c.open && !c.canRecordNow);
  const suggested = open[0];
  const [form, fields] = useForm({
    id: "outcome",
    lastResult: actionData,
    defaultValue: { checkpoint: suggested?.checkpoint, employment: "employed", reviewedOn: d.hire?.today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const dimensionFields = fields.dimensions.getFieldset();
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/validity">Validity</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Outcome for {d.candidate.name}</h1>
          <p>
            {d.candidate.positionTitle}
            {d.hire ? ` · hired on ${formatDate(d.hire.hiredAt, "UTC")}, decided by ${d.hire.managerName}` : null}
          </p>
        </div>
      </div>
      {d.justRecorded ? (
        <p className="form-success" role="status">
          Recorded the {d.justRecorded.toLowerCase()}. It counts on the <Link to="/validity">validity page</Link> from now on.
        </p>
      ) : null}
      {d.notHired ? (
        <p className="card empty-state" role="status">
          {d.notHired}
        </p>
      ) : null}
      {d.recorded.length ? (
        <section className="card" aria-labelledby="recorded-heading">
          <h2 id="recorded-heading">Recorded</h2>
          <ul className="plain-list">
            {d.recorded.map((o) => (
              <li key={o.id}>
                <strong>{CHECKPOINTS[o.checkpoint].label}</strong>: {o.performance} · {OUTCOME_LEVELS[o.performance - 1]?.label};{" "}
                {EMPLOYMENT_LABELS[o.employment as keyof typeof EMPLOYMENT_LABELS]}. Reviewed on {o.reviewedOn}, recorded by{" "}
                {o.recordedByName}.
                {Object.keys(o.dimensionRatings).length ? (
                  <span className="small muted">
                    {" "}
                    Per dimension:{" "}
                    {d.dimensions
                      .filter((dim) => o.dimensionRatings[dim.key] !== undefined)
                      .map((dim) => `${dim.name} ${o.dimensionRatings[dim.key]}`)
                      .join(", ")}
                    .
                  </span>
                ) : null}
                {o.note ? <p className="small">{o.note}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.hire && !open.length ? (
        <p className="card empty-state">
          {next
            ? `The ${next.label.toLowerCase()} can be recorded from ${formatDate(next.opens, "UTC")}; it is due on ${formatDate(next.due, "UTC")}.`
            : "Every outcome for this hire is recorded."}
        </p>
      ) : null}
      {d.hire && open.length ? (
        <Form method="post" className="form card" {...getFormProps(form)}>
          <FormError errors={form.errors} />
          <SelectField
            meta={fields.checkpoint}
            label="Which outcome"
            options={open.map((c) => ({
              value: c.checkpoint,
              label: `${c.label}, due ${formatDate(c.due, "UTC")}`,
            }))}
            hint={suggested ? CHECKPOINTS[suggested.checkpoint].judge : undefined}
          />
          <fieldset className="anchor-fieldset" aria-describedby={fields.performance.errors ? fields.performance.errorId : undefined}>
            <legend>Overall performance</legend>
            <div className="outcome-levels">
              {OUTCOME_LEVELS.map((l) => (
                <label key={l.level} className="level-option outcome-level">
                  <input
                    type="radio"
                    name={fields.performance.name}
                    value={String(l.level)}
                    defaultChecked={fields.performance.initialValue === String(l.level)}
                  />
                  <span className="level-title">
                    {l.level} · {l.label}
                  </span>
                  <span className="level-anchor">{l.anchor}</span>
                </label>
              ))}
            </div>
            <ErrorList id={fields.performance.errorId} errors={fields.performance.errors} />
          </fieldset>
          <fieldset className="anchor-fieldset">
            <legend>Per dimension (optional)</legend>
            <p className="small muted">On the same scale, where you have seen enough of their work to say.</p>
            <div className="form-grid">
              {d.dimensions.map((dim) => (
                <SelectField
                  key={dim.key}
                  meta={dimensionFields[dim.key]!}
                  label={dim.name}
                  placeholder="Not rated"
                  options={OUTCOME_LEVELS.map((l) => ({ value: String(l.level), label: `${l.level} · ${l.label}` }))}
                />
              ))}
            </div>
          </fieldset>
          <div className="form-grid">
            <SelectField
              meta={fields.employment}
              label="Still employed?"
              options={Object.entries(EMPLOYMENT_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <TextField meta={fields.reviewedOn} label="Reviewed on" type="date" hint="The day you reviewed them; not before the hire." />
          </div>
          <TextareaField
            meta={fields.note}
            label="Note (optional)"
            hint="What the rating rests on. Kept with the outcome; blanked if the person's data is erased."
            rows={3}
          />
          <div className="form-actions">
            <SubmitButton>Record outcome</SubmitButton>
            <Link to="/validity" className="btn">
              Cancel
            </Link>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
