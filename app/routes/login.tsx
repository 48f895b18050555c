import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect } from "react";
import { data, Form, Link, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { ProviderSignIn } from "#app/components/provider-sign-in";
import { FormError, TextField } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { destinationAfterSignIn, homeFor } from "#app/models/permissions";
import { signIn } from "#app/auth/sign-in.server";
import { clientAddress } from "#app/utils/client-address.server";
import { requestTime } from "#app/utils/clock.server";
import { getUser } from "#app/auth/session.server";
import { identityProvider, START_PATH } from "#app/auth/identity-provider.server";
import { takeSignInNotice } from "#app/utils/provider-sign-in-cookies.server";
import { readFormData } from "#app/utils/http.server";
import { safeRedirect } from "#app/utils/misc";

const SignInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "That email address is too long")
    .email("Enter a valid email address"),
  password: z.string({ error: "Enter your password" }).max(200, "That password is too long"),
  redirectTo: z.string().max(2000).optional(),
});

export const meta: Route.MetaFunction = () => [{ title: "Sign in · Loopwise" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await getUser(request);
  if (user)
    throw redirect(
      destinationAfterSignIn(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user.role)), user.role),
    );
  // Sign-in with the identity provider, when configured; why its last attempt was refused, once.
  const provider = identityProvider();
  const notice = await takeSignInNotice(request.headers.get("Cookie"), requestTime(context));
  return data(
    { provider: provider ? { name: provider.name, startPath: START_PATH } : null, notice: notice?.notice ?? null },
    notice ? { headers: { "Set-Cookie": notice.clear } } : undefined,
  );
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await signIn({
    email: submission.value.email,
    password: submission.value.password,
    client: clientAddress(request),
    now: requestTime(context),
  });
  if (!result.ok)
    return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), {
      status: result.refused ? 429 : 400,
      headers: result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : undefined,
    });
  throw redirect(destinationAfterSignIn(safeRedirect(submission.value.redirectTo, homeFor(result.role)), result.role), {
    headers: { "Set-Cookie": result.cookie },
  });
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const { provider, notice } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    // On input, like every other form: revalidating on blur cleared the "don't match" message as
    // the pointer pressed Sign in, the button moved up under it, and the click was lost.
    shouldRevalidate: "onInput",
  });
  // After a failed attempt the password field starts empty again; the email stays.
  useEffect(() => {
    const input = document.getElementById(fields.password.id) as HTMLInputElement | null;
    if (lastResult && input) input.value = "";
  }, [lastResult, fields.password.id]);
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} /> Loopwise
        </div>
        <h1>Sign in</h1>
        <p className="muted">Structured interviews for Lead ML Engineer hiring.</p>
        {notice ? (
          <div className="form-error sign-in-notice" role="alert">
            {notice}
          </div>
        ) : null}
        <Form method="post" className="form" {...getFormProps(form)}>
          <FormError errors={form.errors} />
          <TextField meta={fields.email} label="Email" type="email" autoComplete="username" autoFocus />
          <TextField meta={fields.password} label="Password" type="password" autoComplete="current-password" />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
        </Form>
        <p className="auth-aside">
          <Link to="/forgot">Forgot your password?</Link>
        </p>
        {provider ? <ProviderSignIn name={provider.name} action={provider.startPath} /> : null}
      </div>
    </main>
  );
}
