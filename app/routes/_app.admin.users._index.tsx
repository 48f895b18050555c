import { Link } from "react-router";
import type { Route } from "./+types/_app.admin.users._index";
import { ROLE_LABELS } from "#app/models/labels";
import { listUsers } from "#app/models/user.server";
import { requirePermission } from "#app/auth/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Users · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "users:manage");
  return { users: listUsers() };
}

export default function Users({ loaderData }: Route.ComponentProps) {
  const { users } = loaderData;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Users</h1>
          <p>
            {users.filter((u) => u.active).length} active of {users.length}
          </p>
        </div>
        <Link to="/admin/users/new" className="btn btn-primary">
          Add user
        </Link>
      </div>
      <div className="card card-flush table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Time zone</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td className="name-cell">
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                  {u.title ? <div className="small muted">{u.title}</div> : null}
                </td>
                <td>{u.email}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td className="small">{u.timeZone}</td>
                <td>
                  {!u.active ? (
                    <span className="badge">Deactivated</span>
                  ) : u.invited ? (
                    <span className="badge badge-info">Invited</span>
                  ) : (
                    <span className="badge badge-ok">Active</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
