import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/_app.candidates.$candidateId.data";
import { FormError, TextField } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { getCandidate } from "#app/models/candidate.server";
import { DECISION_FLOOR_MONTHS, legalHoldSchema } from "#app/models/retention";
import { candidateRetention, liftLegalHold, setLegalHold } from "#app/models/retention.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { formatDate } from "#app/utils/time";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Data held: ${data?.candidate.name ?? "candidate"} · Loopwise` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "candidate-data:manage");
  const candidate = getCandidate(idParam(params.candidateId, "No such candidate")) ?? notFound("No such candidate");
  return {
    candidate: { id: candidate.id, name: candidate.name, positionTitle: candidate.positionTitle },
    retention: candidateRetention(candidate.id)!,
    timeZone: user.timeZone,
    now: requestTime(context).getTime(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "candidate-data:manage");
  const id = idParam(params.candidateId, "No such candidate");
  const form = await readFormData(request);
  const now = requestTime(context);
  if (form.get("intent") === "lift") {
    const lifted = liftLegalHold(user, id, now);
    if (!lifted.ok && lifted.status === 404) notFound(lifted.message);
    return lifted.ok ? null : data({ liftError: lifted.message }, { status: lifted.status });
  }
  const submission = parseWithZod(form, { schema: legalHoldSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const held = setLegalHold(user, id, submission.value, now);
  if (!held.ok && held.status === 404) notFound(held.message);
  if (!held.ok) return data(submission.reply({ formErrors: [held.message] }), { status: held.status });
  return submission.reply({ resetForm: true });
}

export default function CandidateData({ loaderData, actionData }: Route.ComponentProps) {
  const { candidate, retention, timeZone, now } = loaderData;
  const [form, fields] = useForm({
    lastResult: actionData && "liftError" in actionData ? undefined : actionData,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: legalHoldSchema }),
    shouldValidate: "onSubmit",
  });
  const liftError = actionData && "liftError" in actionData ? [actionData.liftError] : null;
  const base = `/candidates/${candidate.id}/subject-access`;
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Data held about {candidate.name}</h1>
          <p>{candidate.positionTitle}. What to do when they ask for their data or for its erasure, and how long it is kept.</p>
        </div>
      </div>

      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Their data (subject access)</h2>
        <p>
          One file with everything held about them: a readable copy with the complete data (JSON) inside it. Colleagues appear by role and
          number. Each download is recorded in the audit log.
        </p>
        <div className="row">
          <a className="btn btn-primary" href={base} download>
            Download (HTML with JSON)
          </a>
          <a className="btn" href={`${base}?format=json`} download>
            JSON only
          </a>
        </div>
      </section>

      <section className="card" aria-labelledby="retention-heading" style={{ marginTop: "1rem" }}>
        <h2 id="retention-heading">Retention</h2>
        <p>
          {retention.openLoop
            ? "Kept while their interview loop is open."
            : `${retention.keptUntil! <= new Date(now) ? "Past retention since" : "Kept until"} ${formatDate(retention.keptUntil!, timeZone)}: ${retention.retentionMonths} months after ${
                retention.lastClosedAt ? `their last loop closed (${formatDate(retention.lastClosedAt, timeZone)})` : `they were added`
              }${retention.lastDecidedAt ? `, and at least ${DECISION_FLOOR_MONTHS} months from the decision (${formatDate(retention.lastDecidedAt, timeZone)})` : ""}.`}
        </p>
        <h3>Legal hold</h3>
        {retention.legalHold ? (
          <Form method="post" className="form">
            <FormError errors={liftError} />
            <p>
              <strong>Held since {formatDate(retention.legalHold.at, timeZone)}:</strong> {retention.legalHold.reason}. Their data can't be
              erased and they are not listed as past retention while the hold stands.
            </p>
            <div className="form-actions">
              <SubmitButton name="intent" value="lift" className="btn" pendingText="Lifting…">
                Lift the legal hold
              </SubmitButton>
            </div>
          </Form>
        ) : (
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormError errors={form.errors} />
            <TextField
              meta={fields.reason}
              label="Reason for a legal hold"
              hint="A claim, an investigation or a request that needs this data kept. While held, it can't be erased."
            />
            <div className="form-actions">
              <SubmitButton name="intent" value="hold" className="btn" pendingText="Placing…">
                Place a legal hold
              </SubmitButton>
            </div>
          </Form>
        )}
      </section>

      <section className="card" aria-labelledby="erase-heading" style={{ marginTop: "1rem" }}>
        <h2 id="erase-heading">Erasure</h2>
        <p>Removes their personal data everywhere, on their request or once past retention. The next page says what goes and what stays.</p>
        <Link to={`/candidates/${candidate.id}/erase`} className="btn btn-danger">
          Erase {candidate.name}…
        </Link>
      </section>
    </div>
  );
}
