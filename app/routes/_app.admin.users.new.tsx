import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.admin.users.new";
import { UserForm } from "#app/components/user-form";
import { NewUserSchema } from "#app/models/user-schema";
import { createUser, isEmailTaken } from "#app/models/user.server";
import { accountMail, deliverSoon } from "#app/auth/account.server";
import { requirePermission } from "#app/auth/session.server";
import { readFormData } from "#app/utils/http.server";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = () => [{ title: "Add user · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "users:manage");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const submission = parseWithZod(await readFormData(request), { schema: NewUserSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (isEmailTaken(submission.value.email))
    return data(submission.reply({ fieldErrors: { email: ["Someone already signs in with this email"] } }), { status: 400 });
  const mail = accountMail(requestTime(context));
  const { user } = createUser(admin, submission.value, mail);
  deliverSoon(mail);
  // Their page says the invitation went out, to which address and until when it works.
  throw redirect(`/admin/users/${user.id}?invited`);
}

export default function NewUser({ actionData }: Route.ComponentProps) {
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/admin/users">Users</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Add a user</h1>
          <p>Adding them emails an invitation with a link to choose their own password; the link works once, for 7 days.</p>
        </div>
      </div>
      <UserForm mode="new" lastResult={actionData} />
    </div>
  );
}
