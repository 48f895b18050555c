// The accessibility gate over every page a person can reach: each role, in the page's empty,
// filled and error states, at 1280 and at 390 px, with axe-core (tests/e2e/axe.ts). Pages are listed below by their route
// file; a route file that renders a page and is listed nowhere fails the first test, so a new page
// can't arrive without an axe check. Nothing here changes data: error states come from refused
// submissions.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";
import { expectAccessible, type KnownViolation } from "./axe";

// Every visit at a laptop's width and at a phone's: a layout that reflows can hide a label, clip a
// control or stack text over text only at one of them.
const WIDTHS = [
  { name: "1280 px", viewport: { width: 1280, height: 800 } },
  { name: "390 px", viewport: { width: 390, height: 844 } },
] as const;

type State = "empty" | "filled" | "error";
type Visit = {
  /** The route file under app/routes, without its extension. */
  route: string;
  state: State;
  path: () => string;
  /** Brings the loaded page to its state (a refused submit for the error state). */
  act?: (page: Page) => Promise<void>;
  /** On screen once the page is in that state. */
  ready: (page: Page) => Locator;
  /** Findings left to another change for now, by rule, element and width; each says whose and why. */
  known?: readonly (KnownViolation & { at: (typeof WIDTHS)[number]["name"] })[];
};

// States this file can't reach without changing data are checked by the journeys that reach them:
// code-review.test.ts (the candidate's start page and Monaco workspace, grading a submitted review),
// scorecard-phone.test.ts (a scorecard filled and submitted at 390×844), calendar.test.ts (My
// interviews with a feed address) and reminders.test.ts (reminders sent and refused, the outbox).

const one = <T>(sql: string, ...params: unknown[]) => {
  const [row] = query<T>(sql, ...params);
  if (!row) throw new Error(`No seeded row for: ${sql}`);
  return row;
};
const candidate = (name: string) => one<{ id: number }>("select id from candidates where name = ?", name).id;
const interview = (candidateName: string, email: string) =>
  one<{ id: number }>(
    `select i.id from interviews i join loops l on l.id = i.loop_id join candidates c on c.id = l.candidate_id
     join users u on u.id = i.interviewer_id where c.name = ? and u.email = ? and i.status != 'cancelled'`,
    candidateName,
    email,
  ).id;
const user = (email: string) => one<{ id: number }>("select id from users where email = ?", email).id;

const h1 = (name: string | RegExp) => (page: Page) => page.getByRole("heading", { level: 1, name });
const click = (name: string) => (page: Page) => page.getByRole("button", { name, exact: true }).click();
const fieldErrors = (page: Page) => page.locator(".field-error").first();

// The interviewer the gate signs in as: Siobhán has a draft, an owed, an upcoming and a submitted scorecard.
const INTERVIEWER = "siobhan@loopwise.test";

const VISITS: Record<"anonymous" | "interviewer" | "hiring manager" | "admin" | "compliance", Visit[]> = {
  anonymous: [
    { route: "login", state: "empty", path: () => "/login", ready: h1("Sign in") },
    {
      route: "login",
      state: "error",
      path: () => "/login",
      act: async (page) => {
        await page.getByLabel("Email").fill("nobody@loopwise.test");
        await page.getByLabel("Password").fill("not the password");
        await click("Sign in")(page);
      },
      ready: (page) => page.getByRole("alert"),
    },
    { route: "review.$token", state: "error", path: () => "/review/not-a-link", ready: h1("This link doesn't work") },
    { route: "incident.$token", state: "error", path: () => "/incident/not-a-link", ready: h1("This link doesn't work") },
    { route: "take-home.$token", state: "error", path: () => "/take-home/not-a-link", ready: h1("This link doesn't work") },
    { route: "self-id.$token", state: "error", path: () => "/self-id/not-a-link", ready: h1("This link doesn't work") },
  ],
  compliance: [
    { route: "_app.fairness._index", state: "filled", path: () => "/fairness", ready: h1("Fairness monitor") },
    {
      route: "_app.fairness._index",
      state: "error",
      path: () => "/fairness?from=2026-02-30",
      ready: (page) => page.getByRole("alert"),
    },
    {
      route: "_app.fairness.reports.$reportId",
      state: "filled",
      path: () => `/fairness/reports/${one<{ id: number }>("select id from bias_audit_reports order by id limit 1").id}`,
      ready: h1(/Bias-audit report/),
    },
  ],
  interviewer: [
    { route: "_app.certification._index", state: "filled", path: () => "/certification", ready: h1("Certification") },
    {
      route: "_app.certification.$slug",
      state: "filled",
      path: () => "/certification/dbg-retrain-first",
      ready: h1(/^Gold sample:/),
    },
    {
      route: "_app.interviews.$interviewId.kit",
      state: "filled",
      path: () => `/interviews/${interview("Lucas Ferreira", INTERVIEWER)}/kit`,
      ready: (page) => page.getByRole("heading", { level: 1 }),
    },
    {
      route: "interviews.$interviewId.prompt",
      state: "filled",
      path: () => `/interviews/${interview("Inês Duarte", INTERVIEWER)}/prompt`,
      ready: (page) => page.getByRole("heading", { level: 1 }),
    },
    {
      // No incident to drive on this interview: the page says so and where to start one.
      route: "interviews.$interviewId.incident",
      state: "error",
      path: () => `/interviews/${interview("Inês Duarte", INTERVIEWER)}/incident`,
      ready: (page) => page.getByText(/no incident for you to drive/),
    },
    { route: "_app.interviews._index", state: "filled", path: () => "/interviews", ready: h1("My interviews") },
    {
      route: "_app.interviews.$interviewId._index",
      state: "filled",
      path: () => `/interviews/${interview("Inês Duarte", INTERVIEWER)}`,
      ready: h1(/Leadership/),
    },
    {
      route: "_app.interviews.$interviewId.scorecard",
      state: "empty",
      path: () => `/interviews/${interview("Lucas Ferreira", INTERVIEWER)}/scorecard`,
      ready: h1(/Scorecard/),
    },
    {
      route: "_app.interviews.$interviewId.scorecard",
      state: "filled",
      path: () => `/interviews/${interview("Maximilian Alexander von Hohenberg-Castellanos", INTERVIEWER)}/scorecard`,
      ready: h1(/Scorecard/),
    },
    {
      // Nothing entered yet, so the refused submit saves nothing.
      route: "_app.interviews.$interviewId.scorecard",
      state: "error",
      path: () => `/interviews/${interview("Inês Duarte", INTERVIEWER)}/scorecard`,
      act: click("Submit scorecard"),
      ready: fieldErrors,
    },
    {
      route: "_app.interviews.$interviewId.scorecard",
      state: "filled",
      path: () => `/interviews/${interview("Hyun-woo Park", INTERVIEWER)}/scorecard`,
      ready: (page) => page.getByRole("heading", { name: "The rest of the panel" }),
    },
    {
      route: "_app.candidates.$candidateId.debrief",
      state: "filled",
      path: () => `/candidates/${candidate("Marcus Adeyemi")}/debrief`,
      ready: h1(/Debrief/),
    },
    {
      route: "_app.interviews.$interviewId.review",
      state: "empty",
      path: () => `/interviews/${interview("Nadia Rahman", INTERVIEWER)}/review`,
      ready: h1(/Code review/),
    },
    { route: "_app.candidates._index", state: "error", path: () => "/candidates", ready: h1("You don't have access to this") },
  ],
  "hiring manager": [
    { route: "_app.exercises._index", state: "filled", path: () => "/exercises", ready: h1("Exercises") },
    {
      route: "_app.exercises.$exerciseId",
      state: "filled",
      path: () => `/exercises/${one<{ id: number }>("select id from exercises where active = 1 and stage = 'system_design' limit 1").id}`,
      ready: (page) => page.getByRole("heading", { level: 1 }),
    },
    { route: "_app.candidates._index", state: "filled", path: () => "/candidates", ready: h1("Candidates") },
    { route: "_app.candidates._index", state: "empty", path: () => "/candidates?q=no-such-person-anywhere", ready: h1("Candidates") },
    { route: "_app.candidates.new", state: "empty", path: () => "/candidates/new", ready: h1(/Add/) },
    { route: "_app.candidates.new", state: "error", path: () => "/candidates/new", act: click("Add candidate"), ready: fieldErrors },
    {
      route: "_app.candidates.$candidateId._index",
      state: "filled",
      path: () => `/candidates/${candidate("Elena Petrova")}`,
      ready: h1("Elena Petrova"),
    },
    {
      route: "_app.candidates.$candidateId._index",
      state: "filled",
      path: () => `/candidates/${candidate("Inês Duarte")}`,
      ready: (page) => page.getByRole("heading", { name: "Still owed" }),
    },
    {
      route: "_app.candidates.$candidateId._index",
      state: "empty",
      path: () => `/candidates/${candidate("Amara Nwosu")}`,
      ready: h1("Amara Nwosu"),
    },
    {
      route: "_app.candidates.$candidateId.edit",
      state: "error",
      path: () => `/candidates/${candidate("Amara Nwosu")}/edit`,
      act: async (page) => {
        await page.getByLabel("Full name").fill("");
        await click("Save changes")(page);
      },
      ready: fieldErrors,
    },
    {
      route: "_app.candidates.$candidateId.loop",
      state: "filled",
      path: () => `/candidates/${candidate("Amara Nwosu")}/loop`,
      ready: h1("Schedule the interview loop"),
    },
    {
      route: "_app.candidates.$candidateId.loop",
      state: "error",
      path: () => `/candidates/${candidate("Amara Nwosu")}/loop`,
      act: click("Schedule loop"),
      ready: fieldErrors,
    },
    {
      route: "_app.candidates.$candidateId.interviews.new",
      state: "error",
      path: () => `/candidates/${candidate("Lucas Ferreira")}/interviews/new`,
      act: click("Add interview"),
      ready: fieldErrors,
    },
    {
      route: "_app.candidates.$candidateId.debrief",
      state: "error",
      path: () => `/candidates/${candidate("Julien Marchand")}/debrief`,
      act: click("Record decision"),
      ready: fieldErrors,
    },
    {
      route: "_app.candidates.$candidateId.debrief",
      state: "filled",
      path: () => `/candidates/${candidate("Gregory Hall")}/debrief`,
      ready: (page) => page.getByRole("heading", { name: /Decision:/ }),
    },
    {
      route: "_app.interviews.$interviewId._index",
      state: "filled",
      path: () => `/interviews/${interview("Lucas Ferreira", "aisha@loopwise.test")}`,
      ready: h1(/System design/),
    },
    {
      route: "_app.interviews.$interviewId.edit",
      state: "filled",
      path: () => `/interviews/${interview("Lucas Ferreira", "aisha@loopwise.test")}/edit`,
      ready: h1(/Edit/),
    },
    {
      route: "_app.interviews.$interviewId.edit",
      state: "error",
      path: () => `/interviews/${interview("Lucas Ferreira", "aisha@loopwise.test")}/edit`,
      act: async (page) => {
        await page.getByLabel("Length in minutes").fill("5");
        await click("Save changes")(page);
      },
      ready: fieldErrors,
    },
    {
      route: "_app.interviews.$interviewId.scorecard",
      state: "filled",
      path: () => `/interviews/${interview("Elena Petrova", "mei@loopwise.test")}/scorecard`,
      ready: h1(/Scorecard/),
    },
    { route: "_app.pipeline", state: "filled", path: () => "/pipeline", ready: h1("Pipeline") },
    { route: "_app.pipeline", state: "error", path: () => "/pipeline?state=bogus", ready: (page) => page.getByText(/Unknown state/) },
    { route: "_app.compare", state: "filled", path: () => "/compare", ready: h1(/Compare/) },
    { route: "_app.calibration", state: "filled", path: () => "/calibration", ready: h1(/calibration/i) },
    { route: "_app.validity._index", state: "filled", path: () => "/validity", ready: h1("Validity") },
    // Chiara Russo's 90-day outcome opens before it is due, and no journey records it.
    {
      route: "_app.validity.outcomes.$candidateId",
      state: "filled",
      path: () => `/validity/outcomes/${candidate("Chiara Russo")}`,
      ready: h1("Outcome for Chiara Russo"),
    },
    {
      route: "_app.validity.outcomes.$candidateId",
      state: "error",
      path: () => `/validity/outcomes/${candidate("Chiara Russo")}`,
      act: click("Record outcome"),
      ready: fieldErrors,
    },
    {
      route: "_app.validity.outcomes.$candidateId",
      state: "empty",
      path: () => `/validity/outcomes/${candidate("Elena Petrova")}`,
      ready: (page) => page.getByText("Elena Petrova has no decision yet."),
    },
    { route: "_app.interviews._index", state: "empty", path: () => "/interviews", ready: h1("My interviews") },
    { route: "_app.settings", state: "filled", path: () => "/settings", ready: h1("Settings") },
  ],
  admin: [
    { route: "_app.admin.users._index", state: "filled", path: () => "/admin/users", ready: h1("Users") },
    { route: "_app.admin.users.new", state: "empty", path: () => "/admin/users/new", ready: h1("Add a user") },
    { route: "_app.admin.users.new", state: "error", path: () => "/admin/users/new", act: click("Add user"), ready: fieldErrors },
    {
      route: "_app.admin.users.$userId",
      state: "error",
      path: () => `/admin/users/${user(INTERVIEWER)}`,
      act: async (page) => {
        await page.getByLabel("Full name").fill("");
        await click("Save changes")(page);
      },
      ready: fieldErrors,
    },
    { route: "_app.audit", state: "filled", path: () => "/audit", ready: h1("Audit log") },
    // Empty unless reminders.test.ts has run first; that journey checks it with an email in it.
    { route: "_app.admin.outbox", state: "empty", path: () => "/admin/outbox", ready: h1("Outbox") },
    { route: "_app.interviews.$interviewId._index", state: "error", path: () => "/interviews/99999999", ready: h1("Not found") },
    { route: "_app.settings", state: "filled", path: () => "/settings", ready: h1("Settings") },
    { route: "_app.rubrics._index", state: "filled", path: () => "/rubrics", ready: h1("Rubric") },
    {
      route: "_app.rubrics.$versionId._index",
      state: "filled",
      path: () => `/rubrics/${one<{ id: number }>("select id from rubric_versions order by id limit 1").id}`,
      ready: h1(/ v1/),
    },
    { route: "_app.admin.retention", state: "filled", path: () => "/admin/retention", ready: h1("Retention") },
    {
      route: "_app.candidates.$candidateId.data",
      state: "filled",
      path: () => `/candidates/${candidate("Lucas Ferreira")}/data`,
      ready: h1("Data held about Lucas Ferreira"),
    },
    // Refused for want of a reason and the confirmation: nothing is erased.
    {
      route: "_app.candidates.$candidateId.erase",
      state: "error",
      path: () => `/candidates/${candidate("Lucas Ferreira")}/erase`,
      act: click("Erase Lucas Ferreira"),
      ready: fieldErrors,
    },
  ],
};

const SIGN_IN: Record<keyof typeof VISITS, string | null> = {
  anonymous: null,
  interviewer: INTERVIEWER,
  "hiring manager": HM,
  admin: "admin@loopwise.test",
  compliance: "compliance@loopwise.test",
};

/** Route files that render a page: a default export, and not the layout every signed-in page sits in. */
function pageRoutes(): string[] {
  const dir = path.resolve("app/routes");
  return readdirSync(dir)
    .filter((f) => /\.tsx$/.test(f) && !/\.(server|test|shared)\./.test(f) && f !== "_app.tsx")
    .filter((f) => /^export default /m.test(readFileSync(path.join(dir, f), "utf8")))
    .map((f) => f.replace(/\.tsx$/, ""));
}

// Pages that exist only after data is changed, checked by axe in the journey that reaches them.
const CHECKED_IN_JOURNEYS = {
  "_app.interviews.$interviewId.take-home": "take-home.test.ts (grading a submitted take-home, blind)",
  "_app.rubrics.$versionId.edit": "governance.test.ts (a draft version, refused and then saved)",
  "_app.rubrics.$versionId.preview": "governance.test.ts (a draft's impact on past loops)",
  "_app.account": "accounts.test.ts (changing one's password, a weak one refused; 1280 and 390 px)",
  forgot: "accounts.test.ts (the same answer for every address, and an empty submit; 1280 and 390 px)",
  "invite.$token": "accounts.test.ts (choosing a password from an invitation, and a used link; 1280 and 390 px)",
  "reset.$token": "accounts.test.ts (a reset link, and a tampered one; 1280 and 390 px)",
  "_app.certification.grading.$slug":
    "grader-certification.test.ts (a pre-graded code review before grading and after submitting, 1280 and 390 px)",
};

test("every page a person can reach has an axe check", () => {
  const listed = new Set([
    ...Object.values(VISITS)
      .flat()
      .map((v) => v.route),
    ...Object.keys(CHECKED_IN_JOURNEYS),
  ]);
  const pages = pageRoutes();
  expect(pages.length).toBeGreaterThan(15);
  expect(pages.filter((route) => !listed.has(route))).toEqual([]);
  // And nothing listed has gone away (a renamed route would silently lose its check).
  expect([...listed].filter((route) => !pages.includes(route))).toEqual([]);
});

// One page and width per test: each has the default 30 s budget and names its page when it fails,
// and the two workers share the gate evenly. Signing in costs a post and a page load (fixtures.ts signIn).
for (const width of WIDTHS) {
  test.describe(`at ${width.name}`, () => {
    test.use({ viewport: width.viewport });
    for (const [who, visits] of Object.entries(VISITS) as [keyof typeof VISITS, Visit[]][]) {
      for (const [i, visit] of visits.entries()) {
        test(`no serious or critical axe violation for the ${who}: ${visit.route} (${visit.state}, ${i + 1} of ${visits.length})`, async ({
          page,
        }) => {
          const email = SIGN_IN[who];
          if (email) await signIn(page, email);
          await page.goto(visit.path());
          await visit.act?.(page);
          await expect(visit.ready(page).first()).toBeVisible();
          await expectAccessible(
            page,
            `${visit.route}, ${visit.state}, as ${who}, at ${width.name}`,
            visit.known?.filter((k) => k.at === width.name),
          );
        });
      }
    }
  });
}
