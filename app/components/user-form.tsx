import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "react-router";
import type { z } from "zod";
import { COUNTRIES, EditUserSchema, NewUserSchema, TIME_ZONES } from "#app/models/user-schema";
import { ROLE_LABELS } from "#app/models/labels";
import { ErrorList, FormError, SelectField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Defaults = { name: string; email: string; title: string; role: string; timeZone: string; country: string; active: boolean };

export function UserForm({
  lastResult,
  defaultValue,
  mode,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Defaults;
  mode: "new" | "edit";
}) {
  // The edit form's fields are the new form's plus "active".
  const schema: typeof EditUserSchema | typeof NewUserSchema = mode === "new" ? NewUserSchema : EditUserSchema;
  const [form, fields] = useForm<z.input<typeof EditUserSchema>>({
    id: `user-${mode}`,
    lastResult,
    defaultValue: defaultValue
      ? { ...defaultValue, active: defaultValue.active ? "on" : undefined }
      : { timeZone: "Europe/London", country: "GB", role: "interviewer" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const { key: activeKey, ...activeProps } = getInputProps(fields.active, { type: "checkbox" });
  return (
    <Form method="post" className="card form" {...getFormProps(form)}>
      <FormError errors={form.errors} />
      <div className="form-grid">
        <TextField meta={fields.name} label="Full name" autoComplete="off" />
        <TextField meta={fields.email} label="Email (used to sign in)" type="email" autoComplete="off" />
      </div>
      <div className="form-grid">
        <TextField meta={fields.title} label="Job title" hint="Shown next to their name on loops." />
        <SelectField
          meta={fields.role}
          label="Role"
          options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
          hint="Interviewers see only their own interviews. Hiring managers and admins see every loop."
        />
      </div>
      <div className="form-grid">
        <SelectField meta={fields.timeZone} label="Time zone" options={TIME_ZONES.map((z) => ({ value: z, label: z }))} />
        <SelectField
          meta={fields.country}
          label="Country (public holidays)"
          placeholder="None"
          options={Object.entries(COUNTRIES).map(([value, label]) => ({ value, label }))}
          hint="Scheduling warns when an interview falls on one of this country's public holidays."
        />
      </div>
      {mode === "edit" ? (
        <div className="field">
          <label className="checkbox">
            <input key={activeKey} {...activeProps} />
            <span>Active: can sign in and be put on a panel</span>
          </label>
          <ErrorList id={fields.active.errorId} errors={fields.active.errors} />
        </div>
      ) : null}
      <div className="form-actions">
        <SubmitButton>{mode === "new" ? "Add user" : "Save changes"}</SubmitButton>
        <Link to="/admin/users" className="btn">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
