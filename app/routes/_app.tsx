import { Form, NavLink, Outlet, useLocation, useNavigation, useRouteLoaderData } from "react-router";
import type { Role } from "#db/schema";
import type { Route } from "./+types/_app";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ROLE_LABELS } from "#app/models/labels";
import { can, NAVIGATION, SETTINGS, settingsFor } from "#app/models/permissions";
import { countOwedScorecards } from "#app/models/reminder.server";
import { requestTime } from "#app/utils/clock.server";
import { requireUser } from "#app/auth/session.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  // Only decides what the shell shows; every child route checks access for itself.
  const user = await requireUser(request);
  return { user: { name: user.name, role: user.role, owed: countOwedScorecards(user.id, requestTime(context)) } };
}

export default function AppLayout({ loaderData }: Route.ComponentProps) {
  return (
    <Shell user={loaderData.user}>
      <Outlet />
    </Shell>
  );
}

/** Header and navigation; also wraps error pages, so a 403 still lets people find their way. */
function Shell({ user, children }: { user: { name: string; role: Role; owed: number } | null; children: React.ReactNode }) {
  const navigation = useNavigation();
  const { pathname } = useLocation();
  // Settings stays marked while on any page it gathers, as NavLink would for a page below it.
  const inSettings = SETTINGS.some((s) => pathname === s.path || pathname.startsWith(`${s.path}/`));
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
            {NAVIGATION.filter((n) => user && can(user, n.permission)).map((n) => (
              <NavLink key={n.path} to={n.path}>
                {n.label}
                {n.path === "/interviews" && user?.owed ? (
                  <>
                    <span className="nav-count" aria-hidden="true">
                      {user.owed}
                    </span>
                    <span className="visually-hidden">
                      ({user.owed} scorecard{user.owed === 1 ? "" : "s"} owed)
                    </span>
                  </>
                ) : null}
              </NavLink>
            ))}
            {user && settingsFor(user).length ? (
              <NavLink to="/settings" className={({ isActive }) => (isActive || inSettings ? "active" : undefined)}>
                Settings
              </NavLink>
            ) : null}
          </nav>
          {user ? (
            <div className="whoami">
              {/* The name is the way to one's account: a separate "Account" button wrapped the
                  admin's top bar onto two lines at 1280 px. */}
              <span>
                <NavLink to="/account" className="whoami-name" aria-label={`${user.name}: your account`}>
                  <strong>{user.name}</strong>
                </NavLink>{" "}
                <span className="role-pill">{ROLE_LABELS[user.role]}</span>
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="btn btn-ghost btn-small">
                  Sign out
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  // The layout's own loader ran, so the header can still be shown around the error.
  const data = useRouteLoaderData<typeof loader>("routes/_app");
  return (
    <Shell user={data?.user ?? null}>
      <GeneralErrorBoundary error={error} />
    </Shell>
  );
}
