import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.admin.users.$userId";
import { STAGE_LABELS } from "#app/models/labels";
import { UserForm } from "#app/components/user-form";
import { listInterviewsFor } from "#app/models/interview.server";
import { formatDateTime } from "#app/utils/time";
import { EditUserSchema } from "#app/models/user-schema";
import { getUser, updateUser } from "#app/models/user.server";
import { InvitationCard } from "#app/components/account/invitation-card";
import { hasPassword, invitationStatus, requestPasswordReset, resendInvitation } from "#app/models/account-link.server";
import { accountMail, deliverSoon } from "#app/auth/account.server";
import { clientAddress } from "#app/utils/client-address.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.user.name ?? "User"} · Loopwise` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const admin = await requirePermission(request, "users:manage");
  const user = getUser(idParam(params.userId)) ?? notFound("No such user");
  const now = requestTime(context).getTime();
  // Shown so an admin deactivating someone sees which interviews need another interviewer.
  const upcoming = listInterviewsFor(user.id)
    .filter((i) => i.status === "scheduled" && i.scheduledAt.getTime() > now)
    .map((i) => ({ id: i.id, stage: i.stage, scheduledAt: i.scheduledAt, candidateName: i.candidateName }));
  const invitation = invitationStatus(user.id, requestTime(context));
  // Right after adding someone (?invited), the page confirms the invitation went out.
  const justInvited = new URL(request.url).searchParams.has("invited") && invitation.kind === "valid";
  return { user, upcoming, timeZone: admin.timeZone, invitation, hasPassword: hasPassword(user.id), justInvited };
}

type AccountNotice = { accountNotice: { ok: boolean; message: string } };

/** "Resend invitation" and "Email a password reset link" on the Signing in card. */
function accountAction(admin: { id: number; name: string; timeZone: string }, id: number, intent: string, request: Request, now: Date) {
  const mail = accountMail(now);
  if (intent === "resend-invitation") {
    const sent = resendInvitation(admin, id, mail) ?? notFound("No such user");
    if (!sent.ok) return data<AccountNotice>({ accountNotice: { ok: false, message: sent.message } }, { status: 400 });
    deliverSoon(mail);
    return data<AccountNotice>({
      accountNotice: {
        ok: true,
        message: `Invitation sent to ${sent.email}. The link works until ${formatDateTime(sent.expiresAt, admin.timeZone)}; the earlier link no longer works.`,
      },
    });
  }
  const user = getUser(id) ?? notFound("No such user");
  if (!user.active || !hasPassword(id))
    return data<AccountNotice>(
      { accountNotice: { ok: false, message: "Only an active user with a password can be sent a reset link." } },
      { status: 400 },
    );
  requestPasswordReset({ email: user.email, actor: admin, client: clientAddress(request) }, mail);
  deliverSoon(mail);
  return data<AccountNotice>({ accountNotice: { ok: true, message: `Password reset link sent to ${user.email}. It works for an hour.` } });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const id = idParam(params.userId);
  if (!getUser(id)) notFound("No such user");
  const formData = await readFormData(request);
  const now = requestTime(context);
  const intent = formData.get("intent");
  if (intent === "resend-invitation" || intent === "send-reset") return accountAction(admin, id, intent, request, now);
  const submission = parseWithZod(formData, { schema: EditUserSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = updateUser(admin, id, submission.value, now) ?? notFound("No such user");
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  throw redirect("/admin/users");
}

export default function EditUser({ loaderData, actionData }: Route.ComponentProps) {
  const { user, upcoming, timeZone, invitation, justInvited } = loaderData;
  const notice = actionData && "accountNotice" in actionData ? actionData.accountNotice : null;
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/admin/users">Users</Link> /
      </nav>
      <div className="page-header">
        <h1>{user.name}</h1>
      </div>
      {justInvited && invitation.kind === "valid" ? (
        <p className="flash" role="status">
          Added {user.name}. Invitation sent to {user.email}; the link works until {formatDateTime(invitation.expiresAt, timeZone)}.
        </p>
      ) : null}
      <UserForm mode="edit" lastResult={actionData && !("accountNotice" in actionData) ? actionData : undefined} defaultValue={user} />
      <InvitationCard user={user} invitation={invitation} hasPassword={loaderData.hasPassword} timeZone={timeZone} notice={notice} />
      {upcoming.length ? (
        <section className="card" style={{ marginTop: "1rem" }} aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Upcoming interviews ({upcoming.length})</h2>
          <p className="muted">
            {user.active
              ? "Reassign these before deactivating: someone who can't sign in can't fill in a scorecard."
              : "This user is deactivated but still booked on these interviews; reassign them."}
          </p>
          <ul>
            {upcoming.map((i) => (
              <li key={i.id}>
                <Link to={`/interviews/${i.id}/edit`}>
                  {STAGE_LABELS[i.stage]} with {i.candidateName}, {formatDateTime(i.scheduledAt, timeZone)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
