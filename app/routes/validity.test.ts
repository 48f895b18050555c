// Integration: outcomes of hires as the browser posts them (recorded, refused with a message and
// nothing lost), who may see them, the validity page on the demo, its weight advice starting a
// rubric draft, and the one reminder an outcome gets when it falls due.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, candidates, decisions, hireOutcomes, loops, outbox, outcomeReminders, users } from "#db/schema";
import { sendDueOutcomeReminders } from "#app/models/outcome.server";
import { rubricDocument } from "#app/models/rubric.server";
import { systemNow } from "#app/utils/clock.server";
import { db } from "#app/utils/db.server";
import { seedDemoData } from "#db/seed";
import { OUTCOME_LEFT_DUE } from "#db/seed-outcomes";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import { renderPage } from "#tests/render";
import * as outcomeRoute from "./_app.validity.outcomes.$candidateId";
import * as validity from "./_app.validity._index";

const DAY = 24 * 3600_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
type Reply = { data: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> }; init: { status: number } };

/** A candidate on a closed loop decided `decision` by `hm`, `daysAgo` days ago. */
async function decided(decision: "hire" | "no_hire", daysAgo: number) {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const candidate = db()
    .insert(candidates)
    .values({
      name: `Hire ${decision} ${daysAgo}`,
      email: `${decision}.${daysAgo}.${Math.random()}@example.com`,
      positionId: position.id,
      source: "referral",
    })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId, status: "closed" }).returning().get();
  const hiredAt = new Date(systemNow().getTime() - daysAgo * DAY);
  db()
    .insert(decisions)
    .values({ loopId: loop.id, decision, rationale: "The panel agreed.", decidedById: hm.id, decidedAt: hiredAt })
    .run();
  return { hm, candidate, hiredAt };
}

const post = async (userId: number, candidateId: number, form: Record<string, string>) =>
  run(async () =>
    outcomeRoute.action(
      routeArgs(await request(`/validity/outcomes/${candidateId}`, { userId, form }), { candidateId: String(candidateId) }),
    ),
  );
const load = async (userId: number, candidateId: number | string) =>
  run(async () =>
    outcomeRoute.loader(routeArgs(await request(`/validity/outcomes/${candidateId}`, { userId }), { candidateId: String(candidateId) })),
  );

const good = (over: Record<string, string> = {}) => ({
  checkpoint: "day_90",
  performance: "3",
  "dimensions.leadership": "4",
  employment: "employed",
  reviewedOn: day(systemNow()),
  note: "Owns the ranking service; mentoring two engineers.",
  ...over,
});

const rows = (candidateId: number) => db().select().from(hireOutcomes).where(eq(hireOutcomes.candidateId, candidateId)).all();

describe("recording an outcome", () => {
  it("records a hire's 90-day outcome, audited, and the form then shows it recorded", async () => {
    const { hm, candidate } = await decided("hire", 95);
    const { response } = await post(hm.id, candidate.id, good());
    expect(response?.status).toBe(302);
    expect(response?.headers.get("Location")).toBe(`/validity/outcomes/${candidate.id}?recorded=day_90`);
    expect(rows(candidate.id)).toMatchObject([
      { checkpoint: "day_90", performance: 3, dimensionRatings: { leadership: 4 }, employment: "employed", recordedById: hm.id },
    ]);
    const audit = db().select().from(auditLog).where(eq(auditLog.entityType, "hire_outcome")).all();
    expect(audit).toMatchObject([{ actorId: hm.id, action: "create", summary: `Recorded the 90-day outcome for ${candidate.name}` }]);
    const page = (await load(hm.id, candidate.id)).data!;
    expect(page.recorded).toHaveLength(1);
    expect(page.checkpoints.map((c) => [c.checkpoint, c.open])).toEqual([
      ["day_90", false],
      ["year_1", true],
    ]);
  });

  it("refuses a rating of 5 next to the field, keeps what was typed, and writes nothing", async () => {
    const { hm, candidate } = await decided("hire", 95);
    const { data } = await post(hm.id, candidate.id, good({ performance: "5" }));
    const reply = data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    expect(reply.data.error?.performance).toEqual(["The scale runs from 1 to 4: choose one of the four levels for overall performance"]);
    expect(reply.data.initialValue).toMatchObject({ note: "Owns the ranking service; mentoring two engineers.", performance: "5" });
    expect(rows(candidate.id)).toEqual([]);
    // The page renders the refusal rather than failing.
    const html = renderPage(outcomeRoute.default as never, { loaderData: (await load(hm.id, candidate.id)).data, actionData: reply.data });
    expect(html).toContain("The scale runs from 1 to 4");
  });

  it("refuses an outcome recorded twice, naming who recorded it, and keeps the first", async () => {
    const { hm, candidate } = await decided("hire", 95);
    await post(hm.id, candidate.id, good());
    const { data } = await post(hm.id, candidate.id, good({ performance: "1" }));
    const reply = data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    expect(reply.data.error?.[""]?.[0]).toMatch(
      new RegExp(`^The 90-day outcome for ${candidate.name} was already recorded by ${hm.name} on .+; nothing was changed\\.$`),
    );
    expect(rows(candidate.id).map((r) => r.performance)).toEqual([3]);
  });

  it("refuses a day before the hire, a day in the future and a day before the outcome opens", async () => {
    const { hm, candidate, hiredAt } = await decided("hire", 95);
    const error = async (reviewedOn: string) =>
      ((await post(hm.id, candidate.id, good({ reviewedOn }))).data as unknown as Reply).data.error?.reviewedOn;
    expect(await error(day(new Date(hiredAt.getTime() - DAY)))).toEqual([
      `That day is before the hire (${day(hiredAt)}): an outcome is about their time in the job.`,
    ]);
    expect(await error(day(new Date(systemNow().getTime() + DAY)))).toEqual([`That day is in the future (today is ${day(systemNow())}).`]);
    expect((await error(day(new Date(hiredAt.getTime() + 30 * DAY))))?.[0]).toMatch(
      /^A 90-day outcome can be recorded from \d{4}-\d{2}-\d{2}, two weeks before it is due/,
    );
    expect(await error("2026-02-30")).toEqual(["That day does not exist: check the month and day"]);
    expect(rows(candidate.id)).toEqual([]);
  });

  it("refuses an outcome for a candidate who wasn't hired, and the page says why", async () => {
    const { hm, candidate } = await decided("no_hire", 95);
    const page = (await load(hm.id, candidate.id)).data!;
    expect(page.notHired).toBe(
      `${candidate.name} was not hired (the decision on their loop was No hire). Outcomes are recorded only for hires.`,
    );
    const reply = (await post(hm.id, candidate.id, good())).data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    expect(reply.data.error?.[""]).toEqual([page.notHired]);
    expect(rows(candidate.id)).toEqual([]);
  });

  it("is the hiring team's: an interviewer and compliance get 403, an unknown candidate 404", async () => {
    const { hm, candidate } = await decided("hire", 95);
    const admin = await makeUser("admin");
    for (const role of ["interviewer", "compliance"] as const) {
      const someone = await makeUser(role);
      expect((await load(someone.id, candidate.id)).response?.status).toBe(403);
      expect((await post(someone.id, candidate.id, good())).response?.status).toBe(403);
      expect((await run(async () => validity.loader(routeArgs(await request("/validity", { userId: someone.id }))))).response?.status).toBe(
        403,
      );
    }
    expect(rows(candidate.id)).toEqual([]);
    expect((await load(hm.id, 999_999)).response?.status).toBe(404);
    expect((await load(hm.id, "x")).response?.status).toBe(404);
    // Admins record for every hire too.
    expect((await post(admin.id, candidate.id, good())).response?.status).toBe(302);
  });
});

/** The demo organisation, seeded as `npm run demo` does (rubrics and kits loaded first). */
async function demo() {
  makeOrganisation();
  await seedDemoData(db(), systemNow());
  return db().select().from(users).where(eq(users.email, "hm@loopwise.test")).get()!;
}

describe("the validity page on the demo", () => {
  it("leads with the outcome due, shows S and every dimension with intervals, and small-n states with no number", async () => {
    const hm = await demo();
    const { data } = await run(async () => validity.loader(routeArgs(await request("/validity", { userId: hm.id }))));
    expect(data!.due.map((o) => [o.candidateName, o.checkpoint])).toEqual([[OUTCOME_LEFT_DUE, "day_90"]]);
    const f = data!.figures;
    expect(f.s).toMatchObject({ enough: true, n: 17 });
    expect(f.dimensions.every((d) => d.overall.enough && d.overall.n === 17)).toBe(true);
    // Per dimension in the job, and each interviewer's own S: too few, so no number at all.
    expect(f.dimensions.map((d) => d.sameDimension)).toContainEqual({ enough: false, n: 6, needed: 10 });
    expect(f.interviewers.every((i) => !i.correlation.enough && !("rho" in i.correlation))).toBe(true);
    expect(f.advice).toMatchObject({ enough: true, n: 17 });
    const html = renderPage(validity.default as never, { loaderData: data });
    expect(html).toContain("Needs at least 10 hires with outcomes; there are 6. No figure is shown below that.");
    expect(html).toContain("Only hires have outcomes.");
  });

  it("starts a rubric draft with the fitted weights through the rubric flow, and never over an open draft", async () => {
    const hm = await demo();
    const start = async () =>
      run(async () =>
        validity.action(routeArgs(await request("/validity", { userId: hm.id, form: { intent: "start-draft", checkpoint: "day_90" } }))),
      );
    const { response } = await start();
    expect(response?.status).toBe(302);
    const id = Number(/^\/rubrics\/(\d+)\/edit$/.exec(response!.headers.get("Location")!)![1]);
    const { data } = await run(async () => validity.loader(routeArgs(await request("/validity", { userId: hm.id }))));
    const fitted = data!.figures.advice!.enough ? data!.figures.advice!.fitted! : {};
    expect(Object.fromEntries(rubricDocument(id)!.dimensions.map((d) => [d.key, d.weight]))).toEqual(fitted);
    const again = (await start()).data as unknown as { data: { error: string; draftId: number }; init: { status: number } };
    expect(again.init.status).toBe(400);
    expect(again.data).toMatchObject({ draftId: id, error: expect.stringMatching(/is already open/) });
    // A tampered checkpoint is refused with a message.
    const bad = await run(async () =>
      validity.action(routeArgs(await request("/validity", { userId: hm.id, form: { intent: "start-draft", checkpoint: "year_9" } }))),
    );
    expect((bad.data as unknown as { init: { status: number } }).init.status).toBe(400);
  });

  it("reminds the hire's manager once when an outcome falls due, through the outbox", async () => {
    await demo();
    const now = systemNow();
    const pass = (at: Date) => sendDueOutcomeReminders({ now: at, smtp: false, appUrl: "https://loopwise.example" });
    expect(pass(now)).toBe(1);
    expect(pass(new Date(now.getTime() + 3600_000))).toBe(0);
    // Three days on, Chiara Russo's 90-day outcome falls due too: she gets hers, Daniel no second one.
    expect(pass(new Date(now.getTime() + 3 * DAY))).toBe(1);
    expect(pass(new Date(now.getTime() + 4 * DAY))).toBe(0);
    const emails = db()
      .select()
      .from(outbox)
      .where(eq(outbox.subject, `90-day outcome due: ${OUTCOME_LEFT_DUE}`))
      .all();
    expect(emails).toHaveLength(1);
    const [email] = emails;
    const candidate = db().select().from(candidates).where(eq(candidates.name, OUTCOME_LEFT_DUE)).get()!;
    expect(email).toMatchObject({ toAddress: "hm@loopwise.test", status: "outbox_only" });
    expect(email!.body).toContain(`https://loopwise.example/validity/outcomes/${candidate.id}`);
    expect(db().select().from(outcomeReminders).all()).toHaveLength(2);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "remind"))
        .all()
        .map((e) => e.summary),
    ).toEqual([
      `Reminded ${email!.toName} that the 90-day outcome for ${OUTCOME_LEFT_DUE} is due`,
      `Reminded ${email!.toName} that the 90-day outcome for Chiara Russo is due`,
    ]);
  });
});
