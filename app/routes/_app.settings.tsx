import { Link } from "react-router";
import type { Route } from "./+types/_app.settings";
import { settingsFor } from "#app/models/permissions";
import { requirePermission } from "#app/auth/session.server";

export const meta: Route.MetaFunction = () => [{ title: "Settings · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "settings:read");
  return { pages: settingsFor(user).map(({ path, label, description }) => ({ path, label, description })) };
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>The rubric, the people and records behind every loop.</p>
        </div>
      </div>
      <ul className="settings-list">
        {loaderData.pages.map((p) => (
          <li key={p.path} className="card">
            <h2>
              <Link to={p.path}>{p.label}</Link>
            </h2>
            <p>{p.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
