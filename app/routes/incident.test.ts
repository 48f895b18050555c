// Integration: the incident simulation through its routes: the kit page sets it up, the candidate's
// link and the interviewer's screen run it, and the path reaches the kit page and the scorecard.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, candidates, exercises, incidentSteps, interviews, loops } from "#db/schema";
import type { LegacyScenario } from "#app/models/incident-scenario";
import { getIncidentRun } from "#app/models/incident.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as incident from "./incident.$token";
import * as driven from "./interviews.$interviewId.incident";
import * as kitPage from "./_app.interviews.$interviewId.kit";
import * as scorecard from "./_app.interviews.$interviewId.scorecard";

const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());
const later = (minutes: number) => vi.setSystemTime(new Date(Date.now() + minutes * 60_000));

// What kits stored before the rebuilt simulation (trimmed): runs started on it must keep working.
const LEGACY_SCENARIO: LegacyScenario = {
  categories: [
    { id: "metrics", title: "Product metrics" },
    { id: "features", title: "Features and data quality" },
  ],
  evidence: [
    {
      id: "ctr-hourly",
      category: "metrics",
      title: "Click-through by hour",
      keywords: ["ctr"],
      artefacts: [{ type: "note", markdown: "CTR fell." }],
      meaning: "The drop.",
    },
    {
      id: "null-rates",
      category: "features",
      title: "Feature null rates: yesterday against since 01:05",
      keywords: ["nulls"],
      artefacts: [{ type: "note", markdown: "71% null." }],
      meaning: "The key evidence.",
    },
  ],
  idealPath: [
    { evidence: "ctr-hourly", why: "first" },
    { evidence: "null-rates", why: "second" },
  ],
};

type Reply = {
  data: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; matches?: { id: string }[]; revealed?: string };
  init: { status: number };
};

async function setup(slug = "debugging-overnight-drop") {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const interviewer = await makeUser("interviewer");
  const other = await makeUser("interviewer");
  const exercise = db().select().from(exercises).where(eq(exercises.slug, slug)).get()!;
  const candidate = db()
    .insert(candidates)
    .values({ name: "Ada Obi", email: `ada.${slug}@example.com`, positionId: position.id, source: "referral" })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId }).returning().get();
  const interview = db()
    .insert(interviews)
    .values({
      loopId: loop.id,
      stage: "debugging",
      interviewerId: interviewer.id,
      exerciseId: exercise.id,
      scheduledAt: NOW,
      durationMinutes: 50,
    })
    .returning()
    .get();
  return { hm, interviewer, other, interview };
}

const kitAction = async (interviewId: number, userId: number, form: Record<string, string>) =>
  run(async () =>
    kitPage.action(routeArgs(await request(`/interviews/${interviewId}/kit`, { userId, form }), { interviewId: String(interviewId) })),
  );
const kitLoad = async (interviewId: number, userId: number) =>
  run(async () =>
    kitPage.loader(routeArgs(await request(`/interviews/${interviewId}/kit`, { userId }), { interviewId: String(interviewId) })),
  );

async function candidateLink(interviewId: number, userId: number) {
  await kitAction(interviewId, userId, { intent: "incident-link", timeLimitMinutes: "40" });
  const link = (await kitLoad(interviewId, userId)).data!.incident!.run!.link!;
  return link.split("/incident/")[1]!;
}

const post = async (token: string, form: Record<string, string>) =>
  run(async () =>
    incident.action(
      routeArgs(new Request(`http://localhost/incident/${token}`, { method: "POST", body: new URLSearchParams(form) }), { token }),
    ),
  );
const load = async (token: string) =>
  run(async () => incident.loader(routeArgs(new Request(`http://localhost/incident/${token}`), { token })));
const reply = (r: Awaited<ReturnType<typeof post>>) => r.data as unknown as Reply;

describe("the candidate's incident link", () => {
  it("shows the situation without starting the clock or sending any evidence; Start fixes the deadline", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const opened = await load(token);
    expect(opened.data).toMatchObject({ phase: "not_started", sources: [], tables: [], revealed: [], deadlineAt: null });
    expect(opened.data!.promptHtml).toContain("Similar items");
    expect((await post(token, { intent: "start" })).response?.status).toBe(302);
    const started = (await load(token)).data!;
    expect(started.phase).toBe("in_progress");
    expect(started.deadlineAt! - NOW.getTime()).toBe(40 * 60_000);
    // The sources go by neutral names and list only their entry points: never what an item
    // means, the timeline, the ideal path, the levels, nor any item that shows the cause.
    const sent = JSON.stringify(started);
    expect(started.sources.map((c) => c.name)).toContain("Feature statistics");
    expect(started.sources.flatMap((c) => c.items.map((i) => i.id)).sort()).toEqual(
      ["alerts", "change-log", "ctr-hourly", "flags", "model-registry", "pipeline-runs", "service-health"].sort(),
    );
    for (const secret of [
      "meaning",
      "null-rates",
      "join-match-rate",
      "warehouse-schemas",
      "seller_profile v2",
      "Rule out the service itself",
      "Lead-level",
      '"levels"',
    ])
      expect([secret, sent.includes(secret)]).toEqual([secret, false]);
    expect(started.clock).toEqual({ now: "Tue 08:30", spent: "0 min", paged: "Tue 08:30" });
    expect(started.tables.map((t) => t.name)).toContain("seller_profile");
  });

  it("is refused when forged, tampered, made for a code review, or replaced by a new link", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const runRow = getIncidentRun(interview.id)!;
    const tampered = token.slice(0, -3) + (token.endsWith("a") ? "bbb" : "aaa");
    const asReview = await signAssignmentToken({
      assignmentId: runRow.assignmentId,
      tokenId: runRow.tokenId,
      expiresAt: new Date(NOW.getTime() + 3600_000),
    });
    for (const bad of [tampered, asReview, "not-a-token", "x".repeat(5000)]) {
      const { response } = await load(bad);
      expect(response?.status).toBe(404);
      expect(await response!.text()).toMatch(/This link isn't valid/);
    }
    await kitAction(interview.id, interviewer.id, { intent: "incident-reissue" });
    expect((await load(token)).response?.status).toBe(404);
    expect((await post(token, { intent: "start" })).response?.status).toBe(404);
  });

  it("can no longer be started once its validity has passed, and says so with whom to ask", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const expiresAt = getIncidentRun(interview.id)!.linkExpiresAt;
    vi.setSystemTime(new Date(expiresAt.getTime() + 60_000));
    expect((await load(token)).data).toMatchObject({
      phase: "not_started",
      linkExpired: { at: expiresAt.getTime(), sentBy: interviewer.name },
    });
    expect((await post(token, { intent: "start" })).response?.status).toBe(302);
    expect(getIncidentRun(interview.id)).toMatchObject({ status: "assigned", startedAt: null, deadlineAt: null });
    expect(reply(await post(token, { intent: "reveal", evidenceId: "ctr-hourly" })).init.status).toBe(409);
  });

  it("an interviewer-led run has no link to expire: it starts whenever the interview happens", async () => {
    const { interviewer, interview } = await setup();
    await kitAction(interview.id, interviewer.id, { intent: "incident-drive", timeLimitMinutes: "40" });
    vi.setSystemTime(new Date(getIncidentRun(interview.id)!.linkExpiresAt.getTime() + 3 * 24 * 3600_000));
    const driven_ = await run(async () =>
      driven.action(
        routeArgs(await request(`/interviews/${interview.id}/incident`, { userId: interviewer.id, form: { intent: "start" } }), {
          interviewId: String(interview.id),
        }),
      ),
    );
    expect(driven_.response?.status).toBe(302);
    expect(getIncidentRun(interview.id)?.status).toBe("started");
  });

  it("records reveals, expectations, asks, queries and hypotheses in order with the server's time and the incident clock", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    await post(token, { intent: "start" });
    later(2);
    // From a menu: the dashboard is an entry point.
    expect(reply(await post(token, { intent: "reveal", evidenceId: "ctr-hourly" })).data.ok).toBe(true);
    // Looking again at something already shown is not a new step.
    expect(reply(await post(token, { intent: "reveal", evidenceId: "ctr-hourly" })).data.message).toMatch(
      /already on your screen \(look 1\)/,
    );
    later(1);
    // By meaning: a clear match is shown at once, with what they expected recorded before it.
    const asked = reply(
      await post(token, { intent: "ask", asked: "null rate of seller features", expected: "seller features missing since ~01:00" }),
    );
    expect(asked.data).toMatchObject({ ok: true, revealed: "null-rates" });
    // A vague request gets the closest items to choose from, and is recorded as an ask.
    const several = reply(await post(token, { intent: "ask", asked: "something about sellers" }));
    expect(several.data.revealed).toBeUndefined();
    expect(several.data.matches!.length).toBeGreaterThan(0);
    const chosen = several.data.matches![0]!.id;
    expect(reply(await post(token, { intent: "reveal", evidenceId: chosen, asked: "something about sellers" })).data.ok).toBe(true);
    // Nothing answers it: said plainly, with where to ask instead, never a bare "nothing".
    const nothing = reply(await post(token, { intent: "ask", asked: "gpu utilisation" }));
    expect(nothing.data.message).toMatch(
      /^No evidence in this incident answers “gpu utilisation”\. Nothing here knows .*Dashboards, Deploy and change log/,
    );
    // Their own SQL: recorded as written, answered by the item that reads its tables.
    later(1);
    const sql = "select count(*), count(sp.seller_id) from listings l left join seller_profile sp on sp.seller_id = l.seller_id";
    expect(reply(await post(token, { intent: "query", sql, expected: "most listings match" })).data).toMatchObject({
      ok: true,
      revealed: "join-match-rate",
    });
    await post(token, { intent: "hypothesis", text: "Seller features went missing" });
    const steps = db().select().from(incidentSteps).all();
    expect(steps.map((s) => [s.kind, s.evidenceId ?? s.text, (s.at.getTime() - NOW.getTime()) / 60_000])).toEqual([
      ["evidence", "ctr-hourly", 2],
      ["expectation", "null-rates", 3],
      ["evidence", "null-rates", 3],
      ["ask", "something about sellers", 3],
      ["evidence", chosen, 3],
      ["ask", "gpu utilisation", 3],
      ["expectation", "join-match-rate", 4],
      ["query", "join-match-rate", 4],
      ["evidence", "join-match-rate", 4],
      ["hypothesis", "Seller features went missing", 4],
    ]);
    expect(steps.find((s) => s.kind === "query")!.text).toBe(sql);
    const shown = (await load(token)).data!;
    expect(shown.revealed.map((r) => r.id)).toEqual(["join-match-rate", chosen, "null-rates", "ctr-hourly"]);
    expect(shown.revealed[3]!.artefacts[0]).toMatchObject({ type: "chart", svg: expect.stringMatching(/^<svg/) });
    expect(shown.revealed[2]).toMatchObject({ expected: "seller features missing since ~01:00", clock: "Tue 08:37", minutes: 5 });
    expect(shown.revealed[0]).toMatchObject({ query: sql, expected: "most listings match" });
    // 2 (dashboard) + 5 (null rates) + the chosen item + 8 (the query) minutes of on-call time.
    const chosenMinutes = shown.revealed[1]!.minutes!;
    expect(shown.clock!.spent).toBe(`${2 + 5 + chosenMinutes + 8} min`);
  });

  it("refuses bad input with a clear message and records nothing that wasn't done", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    await post(token, { intent: "start" });
    const refused: [Record<string, string>, number, RegExp][] = [
      [{ intent: "ask", asked: "" }, 400, /Say what you want to see/],
      [{ intent: "ask", asked: "   " }, 400, /Say what you want to see/],
      [{ intent: "ask", asked: "?!?!…" }, 400, /in words/],
      [{ intent: "ask", asked: "x".repeat(300) }, 400, /under 200 characters/],
      [{ intent: "ask", asked: "null rates", source: "astrology" }, 400, /Choose one of the sources/],
      [{ intent: "ask", asked: "null rates", expected: "y".repeat(1001) }, 400, /under 1,000 characters/],
      [{ intent: "query", sql: "" }, 400, /Write the query/],
      [{ intent: "query", sql: "drop table listings" }, 400, /select query/],
      [{ intent: "query", sql: "select " + "x".repeat(4001) }, 400, /under 4,000 characters/],
      [{ intent: "hypothesis", text: "   " }, 400, /Write the hypothesis before adding it/],
      // An id from another scenario, or made up: it doesn't exist here.
      [{ intent: "reveal", evidenceId: "stepup-hourly" }, 400, /doesn't exist in this scenario/],
      [{ intent: "reveal", evidenceId: "the-answer" }, 400, /doesn't exist in this scenario/],
      // Not in a menu and not asked for: the root cause can't be clicked to.
      [{ intent: "reveal", evidenceId: "warehouse-schemas" }, 400, /Say what you want to see first/],
      [{ intent: "reveal", evidenceId: "warehouse-schemas", asked: "dashboards" }, 400, /Say what you want to see first/],
      [{ intent: "nonsense" }, 400, /./],
    ];
    for (const [form, status, message] of refused) {
      const r = reply(await post(token, form));
      expect([form, r.init.status]).toEqual([form, status]);
      expect([
        form,
        r.data.message ??
          Object.values(r.data.fieldErrors ?? {})
            .flat()
            .join(" "),
      ]).toEqual([form, expect.stringMatching(message)]);
    }
    expect(db().select().from(incidentSteps).all()).toEqual([]);
    // A query on tables the scenario has no result for is recorded (the interviewer rates it) and says what there is.
    const q = reply(await post(token, { intent: "query", sql: "select * from users" }));
    expect(q.data.message).toMatch(/reads none of the tables here\. You can query: “listings”, “seller_profile”/);
    expect(
      db()
        .select()
        .from(incidentSteps)
        .all()
        .map((s) => [s.kind, s.evidenceId]),
    ).toEqual([["query", null]]);
  });

  it("a run started on a kit version of the old shape keeps working with its own content", async () => {
    const { interviewer, interview } = await setup();
    const current = db().select().from(exercises).where(eq(exercises.id, interview.exerciseId!)).get()!;
    const oldContent = { ...(current.content as Record<string, unknown>), scenario: LEGACY_SCENARIO };
    const old = db()
      .insert(exercises)
      .values({ ...current, id: undefined, version: 1, active: false, contentHash: "old", content: oldContent })
      .returning()
      .get();
    db().update(interviews).set({ exerciseId: old.id }).where(eq(interviews.id, interview.id)).run();
    const token = await candidateLink(interview.id, interviewer.id);
    await post(token, { intent: "start" });
    const opened = (await load(token)).data!;
    // As then: every item listed under its category, no incident clock.
    expect(opened.clock).toBeNull();
    expect(opened.sources.flatMap((c) => c.items.map((i) => i.id))).toEqual(["ctr-hourly", "null-rates"]);
    expect(reply(await post(token, { intent: "reveal", evidenceId: "null-rates" })).data.ok).toBe(true);
    expect(reply(await post(token, { intent: "ask", asked: "click-through by hour" })).data.revealed).toBe("ctr-hourly");
    const panel = (await kitLoad(interview.id, interviewer.id)).data!.incident!;
    if (!("path" in panel)) throw new Error("the kit page should show the path");
    expect(panel.path!.steps.map((s) => s.title)).toEqual(["Feature null rates: yesterday against since 01:05", "Click-through by hour"]);
    expect(panel.path!.clock).toBeNull();
  });

  it("needs a root cause to submit, and refuses every write after submission or the deadline", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const beforeStart = reply(await post(token, { intent: "hypothesis", text: "early" }));
    expect(beforeStart).toMatchObject({ init: { status: 409 }, data: { message: "Start the incident first." } });
    await post(token, { intent: "start" });
    const missing = reply(await post(token, { intent: "submit", rootCause: " ", mitigation: "", prevention: "", revision: "0" }));
    expect(missing.data.fieldErrors?.rootCause?.[0]).toMatch(/Write the root cause/);
    expect(
      reply(await post(token, { intent: "save-conclusion", rootCause: "Key change", mitigation: "", prevention: "", revision: "0" })).data
        .ok,
    ).toBe(true);
    const stale = reply(
      await post(token, { intent: "save-conclusion", rootCause: "Other tab", mitigation: "", prevention: "", revision: "0" }),
    );
    expect(stale.data.message).toMatch(/changed in another tab/);
    expect(
      (await post(token, { intent: "submit", rootCause: "Key change upstream", mitigation: "m", prevention: "p", revision: "1" })).response
        ?.status,
    ).toBe(302);
    const lateWrites: Record<string, string>[] = [
      { intent: "reveal", evidenceId: "null-rates" },
      { intent: "hypothesis", text: "late" },
      { intent: "ask", asked: "deploys" },
      { intent: "query", sql: "select * from listings" },
    ];
    for (const form of lateWrites) {
      const refused = reply(await post(token, form));
      expect(refused.init.status).toBe(409);
      expect(refused.data.message).toMatch(/submitted, so it can no longer change/);
    }
    expect((await load(token)).data).toMatchObject({ phase: "submitted", conclusion: { rootCause: "Key change upstream" } });

    // Another interview's run: the deadline passes.
    const second = await setup("debugging-fraud-unit-change");
    const token2 = await candidateLink(second.interview.id, second.interviewer.id);
    await post(token2, { intent: "start" });
    later(41);
    const late = reply(await post(token2, { intent: "reveal", evidenceId: "stepup-hourly" }));
    expect(late).toMatchObject({ init: { status: 409 }, data: { message: expect.stringMatching(/^Time is up/) } });
    for (const form of [
      { intent: "ask", asked: "step-up rate by channel" },
      { intent: "query", sql: "select * from payment_events" },
    ] as Record<string, string>[]) {
      const refused = reply(await post(token2, form));
      expect(refused).toMatchObject({ init: { status: 409 }, data: { message: expect.stringMatching(/^Time is up/) } });
    }
    expect(
      db()
        .select()
        .from(incidentSteps)
        .all()
        .filter((s) => s.at.getTime() > NOW.getTime() + 40 * 60_000),
    ).toEqual([]);
  });
});

describe("running it from the kit page", () => {
  it("only the interview's interviewer or the hiring team sets it up; only the interviewer drives; audited", async () => {
    const { hm, interviewer, other, interview } = await setup();
    expect((await kitLoad(interview.id, other.id)).response?.status).toBe(403);
    expect((await kitAction(interview.id, other.id, { intent: "incident-drive", timeLimitMinutes: "40" })).response?.status).toBe(403);
    const hmDrive = (await kitAction(interview.id, hm.id, { intent: "incident-drive", timeLimitMinutes: "40" })).data as unknown as Reply;
    expect(hmDrive.data).toEqual({ error: "Only the interviewer of this interview can drive the incident." });
    const badMinutes = (await kitAction(interview.id, interviewer.id, { intent: "incident-drive", timeLimitMinutes: "5" }))
      .data as unknown as Reply;
    expect(badMinutes.data).toEqual({ error: "Allow at least 15 minutes" });
    const drive = await kitAction(interview.id, interviewer.id, { intent: "incident-drive", timeLimitMinutes: "40" });
    expect(drive.response?.headers.get("Location")).toBe(`/interviews/${interview.id}/incident`);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.entityType === "assignment"),
    ).toEqual([expect.objectContaining({ actorId: interviewer.id, summary: "Started an interviewer-led incident (40 min)" })]);

    const drivePost = async (userId: number, form: Record<string, string>) =>
      run(async () =>
        driven.action(
          routeArgs(await request(`/interviews/${interview.id}/incident`, { userId, form }), { interviewId: String(interview.id) }),
        ),
      );
    expect((await drivePost(hm.id, { intent: "start" })).response?.status).toBe(403);
    await drivePost(interviewer.id, { intent: "start" });
    later(4);
    await drivePost(interviewer.id, { intent: "reveal", evidenceId: "change-log" });
    await drivePost(interviewer.id, { intent: "hypothesis", text: "Something upstream at 01:41" });

    // The path is on the kit page and on the scorecard, in order, beside the ideal path.
    const panel = (await kitLoad(interview.id, interviewer.id)).data!.incident!;
    if (!("path" in panel)) throw new Error("the kit page should show the path");
    expect(panel.path!.steps.map((s) => [s.kind, s.title ?? s.text, s.clock])).toEqual([
      ["evidence", "Change calendar, last 24 hours", "Tue 08:32"],
      ["hypothesis", "Something upstream at 01:41", "Tue 08:32"],
    ]);
    expect(panel.path!.ideal.find((i) => i.title.startsWith("Change calendar"))?.seen).toEqual({
      look: 1,
      offsetMs: 4 * 60_000,
      clock: "Tue 08:32",
    });
    // The kit's levels, marked from what the path shows.
    expect(panel.path!.levels.find((l) => l.text.startsWith("Builds the overnight timeline"))).toMatchObject({
      status: "seen",
      seenLook: 1,
    });
    expect(panel.path!.levels.find((l) => l.text.startsWith("Pauses tonight's 02:00 retrain"))).toMatchObject({
      status: "not_seen",
      lead: true,
    });
    const card = await run(async () =>
      scorecard.loader(
        routeArgs(await request(`/interviews/${interview.id}/scorecard`, { userId: interviewer.id }), {
          interviewId: String(interview.id),
        }),
      ),
    );
    expect(card.data!.incident!.path.steps).toHaveLength(2);
    // A candidate link can't be made for a run the interviewer drives.
    expect(getIncidentRun(interview.id)?.mode).toBe("interviewer_led");
  });
});
