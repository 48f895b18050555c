// Who may do what: the one table that the route guards, the navigation and the redirect after
// sign-in all read. Object-level rules (whose interview, which loop's panel) build on it in the
// models that own those objects.
import type { Role } from "#db/schema";

const EVERYONE = ["interviewer", "hiring_manager", "admin"] as const satisfies readonly Role[];
const HIRING_TEAM = ["hiring_manager", "admin"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  /** Their own interviews, scorecards and code-review grading; debriefs of loops they sat on. */
  "interviews:own": EVERYONE,
  /** Candidates, loops, candidate links, every scorecard, recommendations and decisions. */
  "loops:manage": HIRING_TEAM,
  /** Rate gold samples and read their own certification (never a colleague's answers). */
  "certification:own": EVERYONE,
  /**
   * Grade pre-graded code reviews to certify as a grader: whoever may grade a code review today
   * (interviews:own; the interview's own interviewer grades it). Their answers stay theirs; the
   * hiring team sees only the status (calibration).
   */
  "certification:grading": EVERYONE,
  "pipeline:read": HIRING_TEAM,
  "compare:read": HIRING_TEAM,
  "calibration:read": HIRING_TEAM,
  /**
   * Post-hire outcomes (recording them) and the validity page computed from them; which hires is
   * the hiring team's rule (outcome.server.ts): every hire, as for loops.
   */
  "validity:manage": HIRING_TEAM,
  "audit:read": HIRING_TEAM,
  /** Every interview kit and exercise, each version, and the loops using it. */
  "exercises:read": HIRING_TEAM,
  /** View the rubric's versions; draft, preview and publish a new one. */
  "rubrics:manage": HIRING_TEAM,
  "users:manage": ["admin"],
  /** A candidate's data on request: subject-access export, erasure, legal hold, retention. */
  "candidate-data:manage": ["admin"],
  /** Every email the app has sent or kept: who it went to, and whether it arrived. */
  "outbox:read": ["admin"],
  /** The settings page; it lists only the settings pages the role may open (see SETTINGS). */
  "settings:read": HIRING_TEAM,
  /**
   * Fairness totals: the adverse-impact monitor and bias-audit reports. Never one candidate's
   * self-identification; compliance reads only this, nobody who decides on a candidate reads it.
   */
  "fairness:read": ["admin", "compliance"],
  /** Fairness as an everyday page in the main navigation; admins open it under Settings. */
  "fairness:home": ["compliance"],
  /** Their own account: who they are, and changing their password. */
  "account:own": ["interviewer", "hiring_manager", "admin", "compliance"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: { role: Role }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

type Page = { path: string; label: string; permission: Permission };

/** The main navigation, in order: the pages a hiring team works in every day. */
export const NAVIGATION: Page[] = [
  { path: "/interviews", label: "My interviews", permission: "interviews:own" },
  { path: "/candidates", label: "Candidates", permission: "loops:manage" },
  { path: "/pipeline", label: "Pipeline", permission: "pipeline:read" },
  { path: "/compare", label: "Compare", permission: "compare:read" },
  { path: "/calibration", label: "Calibration", permission: "calibration:read" },
  { path: "/validity", label: "Validity", permission: "validity:manage" },
  { path: "/exercises", label: "Exercises", permission: "exercises:read" },
  { path: "/fairness", label: "Fairness", permission: "fairness:home" },
];

/**
 * Pages opened now and then, gathered behind one "Settings" entry so the main navigation stays
 * one line on a laptop whatever the role.
 */
export const SETTINGS: (Page & { description: string })[] = [
  {
    path: "/rubrics",
    label: "Rubric",
    permission: "rubrics:manage",
    description: "The rubric's versions: draft, preview against past loops, publish.",
  },
  { path: "/admin/users", label: "Users", permission: "users:manage", description: "Who can sign in, and with which role." },
  {
    path: "/admin/retention",
    label: "Retention",
    permission: "candidate-data:manage",
    description: "How long each position keeps a candidate's data, and what was erased.",
  },
  {
    path: "/admin/outbox",
    label: "Outbox",
    permission: "outbox:read",
    description: "Every email the app sent or kept, and whether it arrived.",
  },
  {
    path: "/certification",
    label: "Certification",
    permission: "certification:own",
    description: "Rate the gold samples of a stage before your first loop on it; who is certified.",
  },
  {
    path: "/fairness",
    label: "Fairness",
    permission: "fairness:read",
    description: "Adverse impact by sex, race/ethnicity and their intersections; bias-audit reports.",
  },
  {
    path: "/audit",
    label: "Audit log",
    permission: "audit:read",
    description: "Every change to scorecards, decisions, rubrics and users, by whom and when.",
  },
];

/**
 * The settings pages this user may open; the Settings entry shows only when there is one. An
 * interviewer has no Settings: the one entry they may open (certification) is on My interviews.
 */
export function settingsFor(user: { role: Role }): (typeof SETTINGS)[number][] {
  return can(user, "settings:read") ? SETTINGS.filter((s) => can(user, s.permission)) : [];
}

// What opening a page needs, most specific first. A debrief sits under /candidates but its panel
// may open it, so it is listed before the /candidates prefix.
const PAGE_ACCESS: { pattern: RegExp; permission: Permission }[] = [
  { pattern: /^\/candidates\/\d+\/debrief\/?$/, permission: "interviews:own" },
  // A candidate's data on request is the admin's, though the hiring team opens the candidate.
  { pattern: /^\/candidates\/\d+\/(data|erase|subject-access)(\/|$)/, permission: "candidate-data:manage" },
  { pattern: /^\/settings\/?$/, permission: "settings:read" },
  { pattern: /^\/certification\/grading(\/|$)/, permission: "certification:grading" },
  { pattern: /^\/account\/?$/, permission: "account:own" },
  // Fairness is in compliance's navigation and admins' settings; reading it needs the one permission.
  { pattern: /^\/fairness(\/|$)/, permission: "fairness:read" },
  ...[...NAVIGATION, ...SETTINGS].map((n) => ({ pattern: new RegExp(`^${n.path}(/|$)`), permission: n.permission })),
];

/**
 * The pages of signing in, open to anyone not signed in yet: the sign-in page, and the two steps of
 * signing in with the identity provider (which answer 404 when none is configured). None is ever
 * where a sign-in leads: that would only start it again.
 */
export const SIGN_IN_PAGES = {
  signIn: "/login",
  providerStart: "/auth/oidc/start",
  providerCallback: "/auth/oidc/callback",
} as const;

const isSignInPage = (pathname: string) => Object.values(SIGN_IN_PAGES).some((p) => pathname.replace(/\/+$/, "") === p);

/** The permission a page needs, or null when any signed-in user may try it (object checks decide). */
export function pagePermission(pathname: string): Permission | null {
  return PAGE_ACCESS.find((p) => p.pattern.test(pathname))?.permission ?? null;
}

export function homeFor(role: Role): string {
  if (role === "compliance") return "/fairness";
  return can({ role }, "loops:manage") ? "/candidates" : "/interviews";
}

/**
 * Where to send someone after sign-in: the page they were going to if their role may open it,
 * otherwise their own home page rather than a 403.
 */
export function destinationAfterSignIn(target: string, role: Role): string {
  const pathname = target.split(/[?#]/)[0]!;
  if (isSignInPage(pathname)) return homeFor(role);
  const permission = pagePermission(pathname);
  return permission && !can({ role }, permission) ? homeFor(role) : target;
}
