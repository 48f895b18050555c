import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { setPasswordSchema } from "#app/models/account-schema";
import { MIN_PASSWORD_LENGTH } from "#app/models/account-rules";
import { FormError, TextField } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, not built from your name or email. A few unrelated words are easy to remember and hard to guess.`;

/** New password and confirmation, for an invitation or a reset link. */
export function SetPasswordForm({
  person,
  lastResult,
  submitLabel,
}: {
  person: { name: string; email: string };
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}) {
  const schema = setPasswordSchema(person);
  const [form, fields] = useForm({
    id: "set-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormError errors={form.errors} />
      {/* The account's address, for password managers to save the new password against. */}
      <input type="hidden" name="username" autoComplete="username" value={person.email} />
      <TextField meta={fields.newPassword} label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT} />
      <TextField meta={fields.confirmPassword} label="Type it again" type="password" autoComplete="new-password" />
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </Form>
  );
}
