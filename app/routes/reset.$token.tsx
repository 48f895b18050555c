import type { Route } from "./+types/reset.$token";
import { AuthCard } from "#app/components/account/auth-card";
import { LinkProblem } from "#app/components/account/link-problem";
import { SetPasswordForm } from "#app/components/account/set-password-form";
import { loadLink, setPasswordFromForm } from "#app/auth/account-link-pages.server";

export const meta: Route.MetaFunction = () => [{ title: "Choose a new password · Loopwise" }, { name: "robots", content: "noindex" }];

export function loader(args: Route.LoaderArgs) {
  return loadLink("password_reset", args);
}

export function action(args: Route.ActionArgs) {
  return setPasswordFromForm("password_reset", args);
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const link = actionData?.link ?? loaderData.link;
  if (link.state !== "valid") return <LinkProblem problem={link} kind="reset" />;
  return (
    <AuthCard>
      <h1>Choose a new password</h1>
      <p className="muted">
        For <strong>{link.user.email}</strong>. Saving it signs you in here and out everywhere else.
      </p>
      <SetPasswordForm person={link.user} lastResult={actionData?.result} submitLabel="Save password and sign in" />
    </AuthCard>
  );
}
