import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.candidates.$candidateId.loop";
import { ErrorList, FormError, SelectField, TextField } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { loopScheduleSchema } from "#app/models/loop-schema";
import { getOpenLoop, scheduleLoop } from "#app/models/loop.server";
import { idParam, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { toLocalInputValue } from "#app/utils/time";
import { pickStageFields, schedulingOptions, toInterviewPlans } from "#app/models/loop-scheduling.server";
import { checkWarnings, WARNINGS_MESSAGE } from "#app/models/interview-checks.server";
import { AcceptWarnings, warningHint, warningsOf } from "#app/components/scheduling-warnings";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Schedule loop: ${data?.candidate.name ?? ""} · Loopwise` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "loops:manage");
  const now = requestTime(context);
  const candidateId = idParam(params.candidateId);
  const options = schedulingOptions(candidateId);
  if (getOpenLoop(candidateId)) throw redirect(`/candidates/${candidateId}`);
  return { ...options, suggestions: suggestTimes(options.stages.length, user.timeZone, now), timeZone: user.timeZone, now: now.getTime() };
}

/** One stage per working day from tomorrow, at 10:00 on the scheduler's clock. */
function suggestTimes(count: number, timeZone: string, now: Date): string[] {
  const day = new Date(now);
  return Array.from({ length: count }, () => {
    do day.setUTCDate(day.getUTCDate() + 1);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
    return `${toLocalInputValue(day, timeZone).slice(0, 10)}T10:00`;
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const candidateId = idParam(params.candidateId);
  const options = schedulingOptions(candidateId);
  // A second submit of the same form (double click, back button) finds the loop already there.
  if (getOpenLoop(candidateId)) throw redirect(`/candidates/${candidateId}`);
  const now = requestTime(context).getTime();
  const schema = loopScheduleSchema({ timeZone: user.timeZone, now });
  const formData = await readFormData(request);
  const submission = parseWithZod(pickStageFields(formData, options.stages.length), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = toInterviewPlans(submission.value, {
    timeZone: user.timeZone,
    now,
    stageKeys: options.stages.map((s) => s.key),
    candidateId,
  });
  if ("fieldErrors" in result) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const warnings = checkWarnings(result.plans, formData.get("acceptWarnings"));
  if (warnings) return data({ ...submission.reply({ formErrors: [WARNINGS_MESSAGE] }), warnings }, { status: 400 });
  scheduleLoop(user, {
    candidateId,
    rubricVersionId: options.rubricVersionId,
    interviews: result.plans.map((p) => p.plan),
    now: new Date(now),
  });
  throw redirect(`/candidates/${candidateId}`);
}

export default function ScheduleLoop({ loaderData, actionData }: Route.ComponentProps) {
  const { candidate, stages, panelists, exercisesByStage, defaultExercise, suggestions, timeZone, now } = loaderData;
  const warnings = warningsOf(actionData);
  const [form, fields] = useForm({
    id: "schedule-loop",
    lastResult: actionData,
    defaultValue: {
      stages: stages.map((s, i) => ({
        stage: s.key,
        include: s.optional ? undefined : "on",
        scheduledAt: suggestions[i],
        durationMinutes: String(s.minutes),
        exerciseId: defaultExercise[s.key] ? String(defaultExercise[s.key]) : "",
      })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loopScheduleSchema({ timeZone, now }) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const rows = fields.stages.getFieldList();
  const people = panelists.map((p) => ({ value: String(p.id), label: p.title ? `${p.name} (${p.title})` : p.name }));
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Schedule the interview loop</h1>
          <p>
            {candidate.name} · {candidate.positionTitle}. Times are in {timeZone}.
          </p>
        </div>
      </div>
      <Form method="post" className="card form" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        {rows.map((row, i) => {
          const stage = stages[i];
          if (!stage) return null;
          const f = row.getFieldset();
          const kits = exercisesByStage[stage.key] ?? [];
          const { key: includeKey, ...includeProps } = getInputProps(f.include, { type: "checkbox" });
          return (
            <fieldset key={row.key} className="stage-row" style={{ border: 0, padding: "1rem 0" }}>
              <legend className="visually-hidden">{stage.name}</legend>
              <input type="hidden" name={f.stage.name} value={stage.key} />
              <div>
                <label className="checkbox">
                  <input key={includeKey} {...includeProps} />
                  <span>
                    <span className="stage-name">{stage.name}</span>
                    {stage.optional && !/optional/i.test(stage.name) ? <span className="small muted"> (optional)</span> : null}
                  </span>
                </label>
                <div className="focus-list" aria-label="Focus dimensions">
                  {stage.focus.map((d) => (
                    <span key={d} className="badge">
                      {d}
                    </span>
                  ))}
                </div>
                <ErrorList id={f.stage.errorId} errors={f.stage.errors} />
              </div>
              <SelectField meta={f.interviewerId} label="Interviewer" placeholder="Choose an interviewer" options={people} />
              <TextField
                meta={f.scheduledAt}
                label="Date and time"
                type="datetime-local"
                hint={warningHint(warnings?.byField[f.scheduledAt.name])}
              />
              <TextField meta={f.durationMinutes} label="Minutes" type="number" min={15} max={600} step={5} />
              <SelectField
                meta={f.exerciseId}
                label="Exercise / kit"
                placeholder={kits.length ? "No kit" : "No kit available yet"}
                options={kits.map((k) => ({ value: String(k.id), label: k.title }))}
              />
            </fieldset>
          );
        })}
        {warnings ? <AcceptWarnings warningsKey={warnings.key} /> : null}
        <div className="form-actions">
          <SubmitButton pendingText="Scheduling…">Schedule loop</SubmitButton>
          <Link to={`/candidates/${candidate.id}`} className="btn">
            Cancel
          </Link>
        </div>
      </Form>
    </>
  );
}
