import type { Route } from "./+types/invite.$token";
import { AuthCard } from "#app/components/account/auth-card";
import { LinkProblem } from "#app/components/account/link-problem";
import { SetPasswordForm } from "#app/components/account/set-password-form";
import { loadLink, setPasswordFromForm } from "#app/auth/account-link-pages.server";

export const meta: Route.MetaFunction = () => [{ title: "Accept your invitation · Loopwise" }, { name: "robots", content: "noindex" }];

export function loader(args: Route.LoaderArgs) {
  return loadLink("invitation", args);
}

export function action(args: Route.ActionArgs) {
  return setPasswordFromForm("invitation", args);
}

export default function AcceptInvitation({ loaderData, actionData }: Route.ComponentProps) {
  const link = actionData?.link ?? loaderData.link;
  if (link.state !== "valid") return <LinkProblem problem={link} kind="invitation" />;
  return (
    <AuthCard>
      <h1>Welcome to Loopwise, {link.user.name}</h1>
      <p className="muted">
        Choose a password for <strong>{link.user.email}</strong>. You'll sign in with that address and this password.
      </p>
      <SetPasswordForm person={link.user} lastResult={actionData?.result} submitLabel="Set password and sign in" />
    </AuthCard>
  );
}
