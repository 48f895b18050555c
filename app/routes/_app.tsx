import { Form, NavLink, Outlet, useNavigation } from "react-router";
import type { Route } from "./+types/_app";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ROLE_LABELS } from "#app/components/labels";
import { requireUser } from "#app/utils/session.server";

export async function loader({ request }: Route.LoaderArgs) {
  // Only decides what the shell shows; every child route checks access for itself.
  const user = await requireUser(request);
  return { user: { name: user.name, role: user.role } };
}

const NAV: { to: string; label: string; roles: string[] }[] = [
  { to: "/interviews", label: "My interviews", roles: ["interviewer", "hiring_manager", "admin"] },
  { to: "/candidates", label: "Candidates", roles: ["hiring_manager", "admin"] },
  { to: "/admin/users", label: "Users", roles: ["admin"] },
  { to: "/audit", label: "Audit log", roles: ["admin", "hiring_manager"] },
];

export default function AppLayout({ loaderData }: Route.ComponentProps) {
  const { user } = loaderData;
  const navigation = useNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {navigation.state !== "idle" ? <div className="progress-bar" role="progressbar" aria-label="Loading" /> : null}
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/" className="brand">
            <img src="/favicon.svg" alt="" width={24} height={24} /> Loopwise
          </NavLink>
          <nav className="nav" aria-label="Main">
            {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
              <NavLink key={n.to} to={n.to}>
                {n.label}
              </NavLink>
            ))}
          </nav>
          <div className="whoami">
            <span>
              <strong>{user.name}</strong> <span className="role-pill">{ROLE_LABELS[user.role]}</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="btn btn-ghost btn-small">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <main id="main" className="page">
      <GeneralErrorBoundary error={error} />
    </main>
  );
}
