import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import type { StageKey } from "#db/schema";
import { interviewSchema } from "#app/models/loop-schema";
import { FormError, SelectField, TextField } from "./ui/field";
import { STAGE_LABELS } from "#app/models/labels";
import { SubmitButton } from "./ui/submit-button";
import { AcceptWarnings, warningHint, warningsOf } from "./scheduling-warnings";

export type InterviewFormDefaults = {
  stage: StageKey;
  interviewerId: number | "";
  scheduledAt: string;
  durationMinutes: number;
  exerciseId: number | null;
  status: "scheduled" | "completed" | "cancelled";
};

/** Adding an interview to a loop and editing one share this form. */
export function InterviewForm({
  lastResult,
  defaults,
  stages,
  panelists,
  exercisesByStage,
  timeZone,
  now,
  mode,
  cancelTo,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaults: InterviewFormDefaults;
  stages: { key: StageKey; name: string }[];
  panelists: { id: number; name: string; title: string }[];
  exercisesByStage: Partial<Record<StageKey, { id: number; title: string }[]>>;
  timeZone: string;
  /** When the page was loaded: the browser's check of "in the past" agrees with the server's. */
  now: number;
  mode: "add" | "edit";
  cancelTo: string;
}) {
  const [form, fields] = useForm({
    id: `interview-${mode}`,
    lastResult,
    defaultValue: {
      ...defaults,
      interviewerId: String(defaults.interviewerId),
      durationMinutes: String(defaults.durationMinutes),
      exerciseId: defaults.exerciseId ? String(defaults.exerciseId) : "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: interviewSchema({ timeZone, now, allowPast: mode === "edit" }) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const warnings = warningsOf(lastResult);
  const stage = (fields.stage.value as StageKey | undefined) ?? defaults.stage;
  // The stage comes back as it was posted ("__proto__", "constructor"): only our own keys count.
  const kits = (Object.hasOwn(exercisesByStage, stage) && exercisesByStage[stage]) || [];
  return (
    <Form method="post" className="card form" {...getFormProps(form)}>
      <FormError errors={form.errors} />
      <div className="form-grid">
        {mode === "add" ? (
          <SelectField meta={fields.stage} label="Stage" options={stages.map((s) => ({ value: s.key, label: s.name }))} />
        ) : (
          <div className="field">
            <span className="label">Stage</span>
            <span>{STAGE_LABELS[defaults.stage]}</span>
            <input type="hidden" name={fields.stage.name} value={defaults.stage} />
          </div>
        )}
        <SelectField
          meta={fields.interviewerId}
          label="Interviewer"
          placeholder="Choose an interviewer"
          options={panelists.map((p) => ({ value: String(p.id), label: p.title ? `${p.name} (${p.title})` : p.name }))}
        />
      </div>
      <div className="form-grid">
        <TextField
          meta={fields.scheduledAt}
          label="Date and time"
          type="datetime-local"
          hint={warningHint(warnings?.byField.scheduledAt, `In ${timeZone}`)}
        />
        <TextField meta={fields.durationMinutes} label="Length in minutes" type="number" min={15} max={600} step={5} />
      </div>
      <div className="form-grid">
        <SelectField
          meta={fields.exerciseId}
          label="Exercise / kit"
          placeholder={kits.length ? "No kit" : "No kit available for this stage"}
          options={kits.map((k) => ({ value: String(k.id), label: k.title }))}
        />
        {mode === "edit" ? (
          <SelectField
            meta={fields.status}
            label="Status"
            options={[
              { value: "scheduled", label: "Scheduled" },
              { value: "completed", label: "Completed" },
              { value: "cancelled", label: "Cancelled" },
            ]}
          />
        ) : null}
      </div>
      {warnings ? <AcceptWarnings warningsKey={warnings.key} /> : null}
      <div className="form-actions">
        <SubmitButton name="intent" value="save">
          {mode === "add" ? "Add interview" : "Save changes"}
        </SubmitButton>
        <Link to={cancelTo} className="btn">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
