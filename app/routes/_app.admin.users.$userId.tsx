import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.admin.users.$userId";
import { STAGE_LABELS } from "#app/models/labels";
import { UserForm } from "#app/components/user-form";
import { listInterviewsFor } from "#app/models/interview.server";
import { formatDateTime } from "#app/utils/time";
import { EditUserSchema } from "#app/models/user-schema";
import { getUser, setPassword, updateUser } from "#app/models/user.server";
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
  return { user, upcoming, timeZone: admin.timeZone };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const id = idParam(params.userId);
  if (!getUser(id)) notFound("No such user");
  const submission = parseWithZod(await readFormData(request), { schema: EditUserSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { password, ...value } = submission.value;
  const now = requestTime(context);
  const result = updateUser(admin, id, value, now) ?? notFound("No such user");
  if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors, hideFields: ["password"] }), { status: 400 });
  if (password) await setPassword(admin, id, password, now);
  throw redirect("/admin/users");
}

export default function EditUser({ loaderData, actionData }: Route.ComponentProps) {
  const { user, upcoming, timeZone } = loaderData;
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/admin/users">Users</Link> /
      </nav>
      <div className="page-header">
        <h1>{user.name}</h1>
      </div>
      <UserForm mode="edit" lastResult={actionData} defaultValue={user} />
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
