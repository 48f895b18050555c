import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form } from "react-router";
import type { Route } from "./+types/_app.account";
import { useHydratedMarker } from "#app/components/account/hydrated";
import { PASSWORD_HINT } from "#app/components/account/set-password-form";
import { FormError, TextField } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { changePasswordSchema } from "#app/models/account-schema";
import { ROLE_LABELS } from "#app/models/labels";
import { changeOwnPassword } from "#app/auth/account.server";
import { currentSessionId, requirePermission } from "#app/auth/session.server";
import { clientAddress } from "#app/utils/client-address.server";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Your account · Loopwise" }];

const HIDDEN = ["currentPassword", "newPassword", "confirmPassword"];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "account:own");
  return { me: { name: user.name, email: user.email, role: user.role, title: user.title, timeZone: user.timeZone } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "account:own");
  const submission = parseWithZod(await readFormData(request), { schema: changePasswordSchema(user) });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: HIDDEN }), changed: false }, { status: 400 });
  const outcome = await changeOwnPassword(user, {
    ...submission.value,
    sessionId: await currentSessionId(request),
    client: clientAddress(request),
    now: requestTime(context),
  });
  if (!outcome.ok)
    return data(
      { result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] }, hideFields: HIDDEN }), changed: false },
      {
        status: outcome.retryAfterSeconds ? 429 : 400,
        headers: outcome.retryAfterSeconds ? { "Retry-After": String(outcome.retryAfterSeconds) } : undefined,
      },
    );
  // A reply with no values resets the form, so the typed passwords don't linger in the fields.
  return { result: submission.reply({ resetForm: true }), changed: true };
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const { me } = loaderData;
  const marker = useHydratedMarker();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema(me) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="page-narrow" style={{ margin: 0 }} {...marker}>
      <div className="page-header">
        <h1>Your account</h1>
      </div>
      <section className="card" aria-labelledby="me-heading">
        <h2 id="me-heading">Who you are</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{me.name}</dd>
          <dt>Email (you sign in with it)</dt>
          <dd>{me.email}</dd>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[me.role]}</dd>
          <dt>Time zone</dt>
          <dd>{me.timeZone}</dd>
        </dl>
        <p className="muted small">An admin changes your name, email or role.</p>
      </section>
      <section className="card" style={{ marginTop: "1rem" }} aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        {actionData?.changed ? (
          <p className="form-success" role="status">
            Password changed. You stay signed in here; every other browser or device you were signed in on has been signed out.
          </p>
        ) : null}
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError errors={form.errors} />
          <input type="hidden" name="username" autoComplete="username" value={me.email} />
          <TextField meta={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
          <TextField meta={fields.newPassword} label="New password" type="password" autoComplete="new-password" hint={PASSWORD_HINT} />
          <TextField meta={fields.confirmPassword} label="Type the new password again" type="password" autoComplete="new-password" />
          <div className="form-actions">
            <SubmitButton pendingText="Changing…">Change password</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
