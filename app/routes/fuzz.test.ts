// Fuzz: every route module with an action, found on disk, gets FUZZ_RUNS malformed requests (1,000
// by default) from every kind of visitor against a seeded organisation. None may answer 5xx, throw
// anything but a Response, pollute Object.prototype, fail to render its reply, or change the
// database. FUZZ_SEED replays a run.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  CANDIDATE_SOURCES,
  DECISIONS,
  EMPLOYMENT_STATES,
  INTERVIEW_STATUSES,
  OUTCOME_CHECKPOINTS,
  RECOMMENDATIONS,
  REVIEW_VERDICTS,
  ROLES,
  STAGE_KEYS,
} from "#db/schema";
import { RATING_CHOICES } from "#app/models/scorecard-schema";
import { bodyArb, describeBody, toRequest, type BodySpec } from "#tests/fuzz/bodies";
import { ACTORS, caseArb, casesFor, type Actor, type Case } from "#tests/fuzz/cases";
import { fingerprint, undone, type Allowed } from "#tests/fuzz/database";
import { seedOrganisation, type Organisation } from "#tests/fuzz/organisation";
import { renderPage } from "#tests/render";
import { routeContext } from "#tests/factories";
import { startIdentityProvider } from "#tests/identity-provider";

// Sign-in with an identity provider turned on, against a real one in-process, so its start is
// fuzzed as it runs (and the sign-in page renders its button); set before the app reads its
// environment.
const identityProvider = await startIdentityProvider({
  clientId: "loopwise-fuzz",
  clientSecret: "a-client-secret-for-the-fuzzer",
  redirectUri: "http://localhost:3000/auth/oidc/callback",
});
Object.assign(process.env, {
  OIDC_ISSUER: identityProvider.issuer,
  OIDC_CLIENT_ID: "loopwise-fuzz",
  OIDC_CLIENT_SECRET: "a-client-secret-for-the-fuzzer",
  OIDC_NAME: "Fuzz SSO",
});
afterAll(() => identityProvider.close());

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type RouteModule = { action?: (args: never) => unknown; loader?: (args: never) => unknown; default?: unknown };

// The same rule as app/routes.ts: these files sit beside the routes but are not routes.
const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f) && !/\.(server|test|shared)\./.test(f));
const modules = await Promise.all(
  routeFiles.map(async (file) => ({ route: file.replace(/\.tsx?$/, ""), mod: (await import(path.join(ROUTES_DIR, file))) as RouteModule })),
);
const actionRoutes = modules.filter((m) => typeof m.mod.action === "function");

// ---------------------------------------------------------------------------------------------
// What each action is sent. A poisoned field (or a forbidden pair) keeps every body malformed:
// without it a lucky draw could be a well-formed request that rightly changes data.

type Target = BodySpec & {
  actors?: Actor[];
  /** Rows this case may change (see Allowed); each use says why. */
  allowed?: (c: Case) => Allowed;
};

const oneOf = (values: readonly string[]) => (v: string) => values.includes(v);
const futureDates = ["2030-01-07T10:00", "2027-06-01T09:30", "2020-01-01T10:00", "2027-03-28T01:30", "2027-13-45T99:99"];
const conformNumber = (v: string) => (v.trim() === "" ? NaN : Number(v));

const ids = (o: Record<string, { id: number }>) => Object.values(o).map((x) => String(x.id));

const userFields = (fx: Organisation): Target => ({
  names: ["name", "email", "title", "role", "timeZone", "active", "password"],
  values: [...ROLES, "on", "Europe/London", "Mars/Olympus", fx.people.ana.email, "new.person@loopwise.test", "a long enough password"],
  poison: { field: "role", valid: oneOf(ROLES) },
});

const candidateFields = (fx: Organisation): Target => ({
  names: ["name", "email", "positionId", "source", "notes"],
  values: [...CANDIDATE_SOURCES, String(fx.position.id), fx.candidates.ada.email, "new.candidate@example.com", "Ada Obi"],
  poison: { field: "source", valid: oneOf(CANDIDATE_SOURCES) },
});

const interviewValues = (fx: Organisation) => [
  ...STAGE_KEYS,
  ...INTERVIEW_STATUSES,
  ...ids(fx.people),
  ...futureDates,
  "15",
  "60",
  "601",
  "save",
  "delete",
];

const SPECS: Record<string, (fx: Organisation) => Target> = {
  "_app.admin.users.$userId": (fx) => {
    const fields = userFields(fx);
    return {
      ...fields,
      names: [...fields.names, "intent"],
      values: [...fields.values, "resend-invitation", "send-reset", "save"],
      // An admin's "Email a password reset link" (or a new invitation) is the form's job: the
      // link, its email and its audit entry, whatever else the body holds; nothing for anyone else.
      // An admin on their own page is the owner too ("owner on the admin").
      allowed: (c): Allowed =>
        c.actor === "admin" || (c.actor === "owner" && c.subject?.owner === "admin")
          ? { account_links: "1", outbox: "1", audit_log: "action IN ('invite', 'password_reset_request')" }
          : {},
    };
  },
  "_app.admin.users.new": userFields,
  "_app.account": () => ({
    names: ["currentPassword", "newPassword", "confirmPassword", "username"],
    values: ["correct horse battery", "harbour lantern copper", "short", "Test interviewer 3", "interviewer.3@loopwise.test"],
    // Never the caller's real password, so no body changes it; the wrong ones are only counted.
    poison: { field: "currentPassword", valid: (v) => v === "correct horse battery" },
  }),
  forgot: (fx) => ({
    names: ["email"],
    values: [fx.people.ana.email, fx.people.gone.email, "nobody@example.com", "ana@", fx.people.admin.email.toUpperCase()],
    // A well-formed address is a reset rightly asked for: a link, its email and audit entry for a
    // known active account (until the per-address limit), nothing at all otherwise.
    allowed: () => ({ account_links: "purpose = 'password_reset'", outbox: "1", audit_log: "action = 'password_reset_request'" }),
  }),
  "invite.$token": () => ({
    names: ["newPassword", "confirmPassword"],
    values: ["harbour lantern copper", "short", ""],
  }),
  "reset.$token": () => ({
    names: ["newPassword", "confirmPassword"],
    values: ["harbour lantern copper", "short", ""],
  }),
  "_app.candidates.new": candidateFields,
  "_app.candidates.$candidateId.edit": candidateFields,
  "_app.candidates.$candidateId._index": (fx) => ({
    names: ["intent", "interviewId", "timeLimitMinutes"],
    values: ["create-link", "remind", ...ids(fx.interviews), "10", "40", "181"],
    // Creating a link for a review that has one changes nothing; re-issuing one always does.
    forbid: (name, value) => name === "intent" && value === "reissue-link",
    allowed: remindersByTheHiringTeam,
  }),
  "_app.pipeline": (fx) => ({
    names: ["intent", "interviewId"],
    values: ["remind", "create-link", ...ids(fx.interviews), "0", "-1"],
    allowed: remindersByTheHiringTeam,
  }),
  "_app.fairness._index": (fx) => ({
    names: ["position", "from", "to", "threshold"],
    values: ["all", String(fx.position.id), "2026-01-01", "2026-12-31", "2026-02-30", "5", "4", "51"],
    // A valid threshold (a blank one is the default, 5) with defaults for the rest is a report rightly produced.
    poison: { field: "threshold", valid: (v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 5 && Number(v) <= 50) },
  }),
  "_app.candidates.$candidateId.debrief": () => ({
    names: ["decision", "rationale", "acknowledge"],
    values: [...DECISIONS, "on", "A rationale long enough for the record, and then some."],
    poison: { field: "decision", valid: oneOf(DECISIONS) },
  }),
  "_app.candidates.$candidateId.interviews.new": (fx) => ({
    names: ["stage", "interviewerId", "scheduledAt", "durationMinutes", "exerciseId", "intent"],
    values: interviewValues(fx),
    poison: { field: "stage", valid: oneOf(STAGE_KEYS) },
  }),
  "_app.candidates.$candidateId.loop": (fx) => ({
    names: [0, 1, 2, 5, 999].flatMap((i) =>
      ["stage", "include", "interviewerId", "scheduledAt", "durationMinutes", "exerciseId"].map((f) => `stages[${i}].${f}`),
    ),
    values: interviewValues(fx),
    // No stage ticked: the loop is never scheduled, whatever the rows say.
    forbid: (name, value) => name.endsWith(".include") && value === "on",
  }),
  "_app.interviews.$interviewId.edit": (fx) => ({
    names: ["stage", "interviewerId", "scheduledAt", "durationMinutes", "exerciseId", "status", "intent"],
    values: interviewValues(fx),
    forbid: (name, value) => name === "intent" && value === "delete",
    poison: {
      field: "durationMinutes",
      valid: (v) => Number.isInteger(conformNumber(v)) && conformNumber(v) >= 15 && conformNumber(v) <= 600,
    },
  }),
  "_app.interviews._index": () => ({
    names: ["intent"],
    values: ["issue-feed", "revoke-feed", "issue", "revoke"],
    // Creating, replacing or turning off one's own calendar feed link is the form's job: the
    // caller's own user row and its audit entry may change, nothing else.
    allowed: (c): Allowed =>
      c.actorId ? { users: `id = ${c.actorId}`, audit_log: `entity_type = 'user' AND actor_id = ${c.actorId}` } : {},
  }),
  "_app.interviews.$interviewId.review": (fx) => ({
    names: [
      ...fx.defectIds.map((id) => `decision.${id}`),
      "credit",
      ...fx.commentIds.flatMap((id) => [`severity.${id}`, `dimension.${id}`]),
    ],
    values: ["confirm", "reject", "critical", "major", "minor", ...fx.commentIds.map(String), ...fx.rubric.dimensions.map((d) => d.key)],
    // The matched defect is never decided, so the grade is never complete.
    forbid: (name, value) => name.startsWith("decision.") && (value === "confirm" || value === "reject"),
  }),
  "_app.interviews.$interviewId.scorecard": (fx) => ({
    names: [
      ...fx.rubric.dimensions.flatMap((d) => [`rating.${d.key}`, `evidence.${d.key}`]),
      ...fx.rubric.signals.filter((s) => s.kind === "red_flag").map((s) => `note.${s.key}`),
      "signals",
      "recommendation",
      "takeaways",
      "intent",
    ],
    values: [...RATING_CHOICES, ...RECOMMENDATIONS, ...fx.rubric.signals.map((s) => s.key), "autosave", "submit", "save"],
    // The owner's own editable card: autosave keeps whatever part of a draft is valid, by design
    // (a failed save still keeps the work). That card and its audit entries, nothing else.
    allowed: (c) => (c.actor === "owner" && c.subject?.editable ? ownCard(c.subject.value) : {}),
  }),
  // The scorecard form on a gold sample (none is loaded here, so every request is a 404).
  "_app.certification.$slug": (fx) => ({
    names: [...fx.rubric.dimensions.flatMap((d) => [`rating.${d.key}`, `evidence.${d.key}`]), "recommendation", "intent", "revision"],
    values: [...RATING_CHOICES, ...RECOMMENDATIONS, "autosave", "submit", "save", "0"],
  }),
  // The grading view on a pre-graded code review (none is loaded here either, so every request is
  // a 404; grader-certification.test.ts fuzzes it with the samples loaded).
  "_app.certification.grading.$slug": () => ({
    names: [
      "intent",
      "revision",
      "decision.hardcoded-secrets",
      "decision.fail-open-swallowed-errors",
      "summary",
      "credit",
      "severity.1",
      "dimension.1",
      "moveTo.1",
      "rating.software_engineering",
      "rating.mlops_operations",
      "rating.data_quality",
    ],
    values: [
      "grade",
      "submit",
      "move.1",
      "move.99",
      "confirm",
      "reject",
      "1",
      "4",
      "7",
      "none",
      "auto",
      "rollout-live-without-shadow",
      "0",
    ],
  }),
  "review.$token": (fx) => ({
    names: ["intent", "filePath", "line", "body", "commentId", "summary", "verdict", "revision"],
    values: ["start", "add-comment", "edit-comment", "delete-comment", "save-summary", "submit", ...REVIEW_VERDICTS, "1", "5", "12"],
    // An existing comment's id, or the summary's current revision, would make a valid edit
    // (the schema reads them with Number(), so "" and " " are 0).
    forbid: (name, value) =>
      (name === "commentId" && fx.commentIds.includes(Number(value))) || (name === "revision" && Number(value) === fx.summaryRevision),
    // Past the schema: no such file or comment, a stale revision, starting twice.
    templates: [
      { intent: "start" },
      { intent: "add-comment", filePath: "fraud_service/nope.py", line: "3", body: "Needs a test" },
      { intent: "edit-comment", commentId: "99", body: "Reworded" },
      { intent: "delete-comment", commentId: "99" },
      { intent: "save-summary", summary: "Looks good", revision: "7" },
      { intent: "submit", summary: "Done", verdict: "approve", revision: "7" },
    ],
    // The link is the credential; a session makes no difference, which the hiring manager shows.
    actors: ["anonymous", "hiring manager"],
  }),
  "_app.validity.outcomes.$candidateId": (fx) => ({
    names: [
      "checkpoint",
      "performance",
      ...fx.rubric.dimensions.map((d) => `dimensions.${d.key}`),
      "dimensions.nope",
      "employment",
      "reviewedOn",
      "note",
    ],
    values: [
      ...OUTCOME_CHECKPOINTS,
      ...EMPLOYMENT_STATES,
      "0",
      "1",
      "4",
      "5",
      "2026-12-02",
      "2020-01-01",
      "2026-02-30",
      "Owns the service.",
    ],
    // A rating outside 1–4 keeps the body malformed (a valid one for the fuzz's hire, decided today,
    // is refused anyway: no 90-day outcome opens on the day of the hire).
    poison: { field: "performance", valid: oneOf(["1", "2", "3", "4"]) },
  }),
  "_app.validity._index": () => ({
    names: ["intent", "checkpoint"],
    values: ["start-draft", ...OUTCOME_CHECKPOINTS, "year_9"],
    // With an unknown outcome there is no advice to start a draft from.
    poison: { field: "checkpoint", valid: oneOf(OUTCOME_CHECKPOINTS) },
  }),
  "_app.rubrics._index": () => ({
    names: ["intent", "key", "file"],
    // Creating a draft while one exists opens that one; v1's file is loaded already.
    values: ["create-draft", "load-file", "lead-ml-engineer", "lead-ml-engineer.v1.json", "nope.json", "../package.json"],
    templates: [
      { intent: "load-file", file: "lead-ml-engineer.v1.json" },
      { intent: "create-draft", key: "no-such-rubric" },
    ],
  }),
  "_app.rubrics.$versionId.edit": (fx) => ({
    names: [
      ...fx.rubric.dimensions.flatMap((_, i) => [
        `dimensions[${i}].weight`,
        `dimensions[${i}].floor.atOrBelow`,
        `dimensions[${i}].floor.blocks`,
      ]),
      ...[0, 1, 4].map((j) => `dimensions[0].levels[${j}].anchor`),
      ...["key", "kind", "text", "dimension"].flatMap((f) => [`signals[0].${f}`, `signals[20].${f}`]),
      ...[0, 3].map((b) => `bands[${b}].minScore`),
      "intent",
    ],
    values: ["save", "preview", "20", "25", "2", "hire", "no_hire", "3.5", "3.255", "strong", "red_flag", "ml_system_design", "dup_key"],
    // Discarding the draft always changes data; a valid weight of 1–100 on the first dimension could save it.
    forbid: (name, value) => name === "intent" && value === "discard",
    poison: {
      field: "dimensions[0].weight",
      valid: (v) => Number.isInteger(conformNumber(v)) && conformNumber(v) >= 1 && conformNumber(v) <= 100,
    },
  }),
  "_app.rubrics.$versionId.preview": () => ({
    names: ["intent"],
    values: ["save", "discard"],
    forbid: (name, value) => name === "intent" && value === "publish",
  }),
  "_app.candidates.$candidateId.erase": () => ({
    names: ["reason", "confirm"],
    values: ["request", "retention", "on"],
    poison: { field: "reason", valid: oneOf(["request", "retention"]) },
  }),
  "_app.candidates.$candidateId.data": () => ({
    names: ["intent", "reason"],
    // Nobody is under a hold, so lifting one changes nothing.
    values: ["hold", "lift", "A claim"],
    poison: { field: "reason", valid: (v) => v.trim().length >= 3 && v.trim().length <= 300 },
  }),
  "_app.admin.retention": (fx) => ({
    names: ["positionId", "retentionMonths", "intent"],
    values: [String(fx.position.id), "24", "0", "121", "1.5", `retention-${fx.position.id}`],
    poison: {
      field: "retentionMonths",
      valid: (v) => Number.isInteger(conformNumber(v)) && conformNumber(v) >= 1 && conformNumber(v) <= 120,
    },
  }),
  login: (fx) => ({
    names: ["email", "password", "redirectTo"],
    values: [fx.people.ana.email, fx.people.admin.email.toUpperCase(), "nobody@example.com", "//evil.test", "/admin/users"],
    // Past the schema to the password check and, after five misses, the lock-out.
    templates: [
      { email: fx.people.ana.email, password: "not the password" },
      { email: "nobody@example.com", password: "not the password", redirectTo: "/admin/users" },
    ],
    // A failed sign-in is recorded by design; nothing else may change.
    allowed: () => ({ audit_log: "action = 'sign_in_failed'" }),
  }),
  // Starting a sign-in with the identity provider writes nothing here: whatever the destination
  // field holds, the answer is a redirect to the provider and a cookie for the browser.
  "auth.oidc.start": () => ({
    names: ["redirectTo"],
    values: ["/candidates", "/pipeline?position=1", "//evil.test", "https://evil.test/", "/\\evil.test", "/auth/oidc/callback", ""],
  }),
  logout: () => ({
    names: [],
    values: [],
    // Signing out ends the caller's own session and says so in the log, whatever the body.
    allowed: (c): Allowed =>
      c.actorId ? { sessions: `user_id = ${c.actorId}`, audit_log: `action = 'sign_out' AND actor_id = ${c.actorId}` } : {},
  }),
};

// A route no one has described yet is still fuzzed: generic names, every visitor, no exceptions.
const targetFor = (route: string, fx: Organisation): Target => SPECS[route]?.(fx) ?? { names: [], values: [] };

// "Remind" about an owed scorecard is a well-formed request a random body can hit: the hiring
// team's reminder, its email and its audit entry, nothing else (and nothing for anyone else).
const remindersByTheHiringTeam = (c: Case): Allowed =>
  c.actor === "hiring manager" || c.actor === "admin" ? { reminders: "1", outbox: "1", audit_log: "action = 'remind'" } : {};

const ownCard = (interviewId: string): Allowed => {
  const card = `SELECT id FROM scorecards WHERE interview_id = ${Number(interviewId)}`;
  return {
    scorecards: `interview_id = ${Number(interviewId)}`,
    ratings: `scorecard_id IN (${card})`,
    scorecard_signals: `scorecard_id IN (${card})`,
    audit_log: `entity_type = 'scorecard' AND entity_id IN (SELECT CAST(id AS TEXT) FROM scorecards WHERE interview_id = ${Number(interviewId)})`,
  };
};

// ---------------------------------------------------------------------------------------------
// One request: its outcome, its page, and what it did to the database.

type Outcome = { status: number; data?: unknown; thrown?: unknown };

function isDataWithInit(v: unknown): v is { data: unknown; init: ResponseInit | null } {
  return typeof v === "object" && v !== null && (v as { type?: unknown }).type === "DataWithResponseInit";
}

async function outcomeOf(fn: () => unknown): Promise<Outcome> {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status };
    if (isDataWithInit(result)) return { status: result.init?.status ?? 200, data: result.data };
    return { status: 200, data: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status };
    if (isDataWithInit(thrown)) return { status: thrown.init?.status ?? 500 };
    return { status: 500, thrown };
  }
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).join();
const counts = new Map<string, { requests: number; serverErrors: number }>();

afterAll(() => {
  const lines = [...counts].map(([route, c]) => `  ${route.padEnd(48)} ${String(c.requests).padStart(6)} requests, ${c.serverErrors} 5xx`);
  console.log(`Fuzzed ${counts.size} actions:\n${lines.join("\n")}`);
});

describe("every action survives malformed requests", () => {
  it("finds the actions on disk, and every spec belongs to one", () => {
    expect(actionRoutes.length).toBeGreaterThanOrEqual(14);
    expect(actionRoutes.map((r) => r.route)).toEqual(expect.arrayContaining(Object.keys(SPECS)));
  });

  it.each(actionRoutes.map((r) => [r.route, r.mod] as const))(
    "%s",
    async (route, mod) => {
      const fx = await seedOrganisation();
      const target = targetFor(route, fx);
      const cases = casesFor(route, fx, target.actors ?? ACTORS);
      const baselines = new Map<string, Record<string, string>>();
      const baseline = (allowed: Allowed) => {
        const key = JSON.stringify(allowed);
        if (!baselines.has(key)) baselines.set(key, fingerprint(allowed));
        return baselines.get(key)!;
      };
      const pages = new Map<string, unknown>();
      const pageData = async (c: Case) => {
        if (!pages.has(c.label)) {
          const loaded = mod.loader
            ? await outcomeOf(() =>
                mod.loader!({
                  request: new Request(c.url, { headers: c.cookie ? { Cookie: c.cookie } : {} }),
                  params: c.params,
                  context: routeContext(),
                } as never),
              )
            : null;
          pages.set(c.label, loaded && loaded.status === 200 && !loaded.thrown ? loaded.data : null);
        }
        return pages.get(c.label);
      };
      const tally = { requests: 0, serverErrors: 0 };
      counts.set(route, tally);

      await fc.assert(
        fc.asyncProperty(caseArb(cases), bodyArb(target), async (c, body) => {
          tally.requests += 1;
          const allowed = target.allowed?.(c) ?? {};
          const expected = baseline(allowed);
          const loaderData = mod.default ? await pageData(c) : null;
          const what = `${c.label}, ${describeBody(body)}`;
          await undone(async (wrote) => {
            const request = toRequest(c.url, body, c.cookie);
            const outcome = await outcomeOf(() => mod.action!({ request, params: c.params, context: routeContext() } as never));
            if (outcome.status >= 500) tally.serverErrors += 1;
            if (outcome.thrown) throw new Error(`${what}: threw ${(outcome.thrown as Error)?.stack ?? String(outcome.thrown)}`);
            if (outcome.status >= 500) throw new Error(`${what}: answered ${outcome.status}`);
            // A reply the page can't render is a 500 too (the browser gets the error page).
            if (loaderData && outcome.data !== undefined) {
              try {
                renderPage(mod.default as never, { loaderData, actionData: outcome.data });
              } catch (error) {
                tally.serverErrors += 1;
                throw new Error(`${what}: the page threw rendering the reply: ${(error as Error).stack}`);
              }
            }
            if (Object.getOwnPropertyNames(Object.prototype).join() !== PROTOTYPE_KEYS)
              throw new Error(`${what}: polluted Object.prototype`);
            if (wrote()) {
              const now = fingerprint(allowed);
              const changed = Object.keys(now).filter((table) => now[table] !== expected[table]);
              if (changed.length) throw new Error(`${what}: changed ${changed.join(", ")}`);
            }
          });
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(tally.requests).toBeGreaterThanOrEqual(RUNS);
    },
    RUNS * 100 + 30_000,
  );
});
