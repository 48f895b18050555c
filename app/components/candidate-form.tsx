import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import { CandidateSchema } from "#app/models/candidate-schema";
import { SOURCE_LABELS } from "#app/models/labels";
import { FormError, SelectField, TextareaField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

const SOURCES = Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }));

/** Create and edit share one form and one schema, so the rules can't drift apart. */
export function CandidateForm({
  lastResult,
  positions,
  defaultValue,
  submitLabel,
  cancelTo,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  positions: { id: number; title: string }[];
  defaultValue?: { name: string; email: string; positionId: number; source: string; notes: string; panelSummary: string };
  submitLabel: string;
  cancelTo: string;
}) {
  const [form, fields] = useForm({
    id: "candidate",
    lastResult,
    defaultValue: defaultValue ? { ...defaultValue, positionId: String(defaultValue.positionId) } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CandidateSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form card" {...getFormProps(form)}>
      <FormError errors={form.errors} />
      <div className="form-grid">
        <TextField meta={fields.name} label="Full name" autoComplete="off" />
        <TextField meta={fields.email} label="Email" type="email" autoComplete="off" />
      </div>
      <div className="form-grid">
        <SelectField
          meta={fields.positionId}
          label="Position"
          placeholder="Choose a position"
          options={positions.map((p) => ({ value: String(p.id), label: p.title }))}
        />
        <SelectField meta={fields.source} label="Source" placeholder="Choose a source" options={SOURCES} />
      </div>
      <TextareaField
        meta={fields.notes}
        label="Recruiter notes"
        hint="Current role, why they are interesting, constraints such as notice period. Interviewers do not see these notes."
        rows={5}
      />
      <TextareaField
        meta={fields.panelSummary}
        label="Summary for the panel"
        hint="Every interviewer on the loop reads this before their interview (blind graders don't): where they are now, what you learned, what to probe. Up to 1,000 characters; keep pay, notice and personal details in the notes above."
        rows={3}
      />
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        <Link to={cancelTo} className="btn">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
