import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/forgot";
import { AuthCard } from "#app/components/account/auth-card";
import { FormError, TextField } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { ForgotPasswordSchema } from "#app/models/account-schema";
import { forgotPassword, RESET_REQUESTED } from "#app/auth/account.server";
import { clientAddress } from "#app/utils/client-address.server";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Forgot your password? · Loopwise" }];

export async function action({ request, context }: Route.ActionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: null }, { status: 400 });
  const outcome = await forgotPassword({ email: submission.value.email, client: clientAddress(request), now: requestTime(context) });
  if (!outcome.ok)
    return data(
      { result: submission.reply({ formErrors: [outcome.message] }), sent: null },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  // The same words for every address, known or not.
  return { result: null, sent: { email: submission.value.email, message: RESET_REQUESTED } };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
    shouldRevalidate: "onInput",
  });
  const sent = actionData?.sent;
  return (
    <AuthCard>
      <h1>Forgot your password?</h1>
      {sent ? (
        <div className="stack">
          <p className="form-success" role="status">
            {sent.message}
          </p>
          <p>
            Sent to <strong>{sent.email}</strong>? Check that inbox, including its spam folder. Nothing arrived after a few minutes?{" "}
            <Link to="/forgot" reloadDocument>
              Try again
            </Link>{" "}
            or ask an admin.
          </p>
          <p>
            <Link to="/login">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="muted">Enter the email you sign in with. We'll send a link to choose a new password.</p>
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormError errors={form.errors} />
            <TextField meta={fields.email} label="Email" type="email" autoComplete="username" autoFocus />
            <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
          </Form>
          <p className="auth-aside">
            <Link to="/login">Back to sign in</Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}
