// Integration: the scorecard route as the browser calls it, and anti-anchoring on the server.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, interviews, loops, candidates, ratings, scorecards } from "#db/schema";
import { computeLeniency } from "#app/models/leniency";
import { getLeniencyTable } from "#app/models/calibration.server";
import { db } from "#app/utils/db.server";
import { seedDemoData } from "#db/seed";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as scorecardRoute from "./_app.interviews.$interviewId.scorecard";
import * as candidatePage from "./_app.candidates.$candidateId._index";

type Reply = {
  data: { status?: string; error?: Record<string, string[]> | null; autosave?: { ok: boolean; message: string } };
  init: { status: number };
};
const ctx = routeArgs;
const HOUR = 3600_000;

async function panelOfTwo() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const ana = await makeUser("interviewer");
  const ben = await makeUser("interviewer");
  const outsider = await makeUser("interviewer");
  const candidate = db()
    .insert(candidates)
    .values({ name: "Ada Obi", email: "ada@example.com", positionId: position.id, source: "referral" })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId }).returning().get();
  const past = (h: number) => new Date(Date.now() - h * HOUR);
  const anaInterview = db()
    .insert(interviews)
    .values({ loopId: loop.id, stage: "system_design", interviewerId: ana.id, scheduledAt: past(30), durationMinutes: 75 })
    .returning()
    .get();
  const benInterview = db()
    .insert(interviews)
    .values({ loopId: loop.id, stage: "leadership", interviewerId: ben.id, scheduledAt: past(20), durationMinutes: 45 })
    .returning()
    .get();
  return { hm, ana, ben, outsider, candidate, loop, anaInterview, benInterview, rubricVersionId };
}

const systemDesignCard = (over: Record<string, string> = {}) => ({
  intent: "submit",
  "rating.ml_system_design": "3",
  "evidence.ml_system_design": "Walked events → features → serving with a 50 ms p99 budget.",
  "rating.data_quality": "4",
  "evidence.data_quality": "Point-in-time joins to avoid leakage; contract tests on the event schema.",
  "rating.mlops_operations": "3",
  "evidence.mlops_operations": "Shadow then 5% canary, rollback by registry alias.",
  "rating.evaluation": "2",
  "evidence.evaluation": "Only offline AUC; no guardrail metric until prompted.",
  recommendation: "yes",
  takeaways: "Solid design, thin on online evaluation.",
  ...over,
});

const leadershipCard = {
  intent: "submit",
  "rating.leadership": "4",
  "evidence.leadership": "Set up a design-review rota; two mentees promoted.",
  "rating.communication": "3",
  "evidence.communication": "Clear, structured answers; wrote the incident RCA.",
  signals: "mentoring_standards",
  recommendation: "strong_yes",
  takeaways: "Raises the bar for others.",
};

const post = async (userId: number, interviewId: number, form: Record<string, string>, query = "") =>
  run(async () =>
    scorecardRoute.action(
      ctx(await request(`/interviews/${interviewId}/scorecard${query}`, { userId, form }), { interviewId: String(interviewId) }),
    ),
  );
const load = async (userId: number, interviewId: number, query = "") =>
  run(async () =>
    scorecardRoute.loader(
      ctx(await request(`/interviews/${interviewId}/scorecard${query}`, { userId }), { interviewId: String(interviewId) }),
    ),
  );

describe("anti-anchoring", () => {
  it("an interviewer sees nothing of colleagues' scorecards until theirs is submitted, then sees them", async () => {
    const { ana, ben, anaInterview, benInterview } = await panelOfTwo();
    expect((await post(ben.id, benInterview.id, leadershipCard)).response?.status).toBe(302);

    const before = await load(ana.id, anaInterview.id);
    expect(before.data?.panel).toBeNull();
    // Not a rating, a name, an evidence line or a recommendation of Ben's anywhere in the response.
    const payload = JSON.stringify(before.data);
    for (const leak of ["design-review rota", "strong_yes", "Raises the bar", ben.name]) expect(payload).not.toContain(leak);

    await post(ana.id, anaInterview.id, systemDesignCard({ intent: "save" }));
    expect((await load(ana.id, anaInterview.id)).data?.panel).toBeNull();

    expect((await post(ana.id, anaInterview.id, systemDesignCard())).response?.status).toBe(302);
    const after = await load(ana.id, anaInterview.id);
    expect(after.data?.panel?.map((c) => [c.interviewerId, c.recommendation])).toEqual([[ben.id, "strong_yes"]]);
  });

  it("the hiring team always sees the panel; an interviewer not on the loop gets 403 for reading and writing", async () => {
    const { hm, ben, outsider, anaInterview, benInterview } = await panelOfTwo();
    await post(ben.id, benInterview.id, leadershipCard);
    expect((await load(hm.id, anaInterview.id)).data?.panel).toHaveLength(1);
    expect((await load(outsider.id, anaInterview.id)).response?.status).toBe(403);
    expect((await post(outsider.id, anaInterview.id, systemDesignCard())).response?.status).toBe(403);
    // The hiring manager can read Ana's scorecard but not write it.
    const hmWrite = (await post(hm.id, anaInterview.id, systemDesignCard())).data as unknown as Reply;
    expect(hmWrite.init.status).toBe(403);
    expect(db().select().from(scorecards).where(eq(scorecards.interviewId, anaInterview.id)).all()).toHaveLength(0);
  });
});

describe("filling in a scorecard", () => {
  it("a draft saves and reloads exactly, including 'Not assessed'", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    const draft = {
      intent: "autosave",
      "rating.ml_system_design": "3",
      "evidence.ml_system_design": "Half-way note",
      "rating.evaluation": "na",
      takeaways: "so far",
    };
    const reply = (await post(ana.id, anaInterview.id, draft)).data as unknown as { autosave: { ok: boolean; message: string } };
    expect(reply.autosave).toMatchObject({ ok: true, message: expect.stringMatching(/^Draft saved at \d\d:\d\d$/) });
    const { data } = await load(ana.id, anaInterview.id);
    expect(data?.status).toBe("draft");
    expect(data?.defaults.rating).toEqual({ ml_system_design: "3", evaluation: "na" });
    expect(data?.defaults.evidence.ml_system_design).toBe("Half-way note");
    expect(data?.defaults.takeaways).toBe("so far");
  });

  it("autosaves reply with their status line only, and the audit log keeps the draft's first save, not every keystroke", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    for (const text of ["Walked", "Walked events", "Walked events to features"]) {
      const reply = (await post(ana.id, anaInterview.id, { intent: "autosave", "evidence.ml_system_design": text })).data;
      expect(Object.keys(reply as object)).toEqual(["autosave"]);
    }
    await post(ana.id, anaInterview.id, systemDesignCard());
    const actions = db()
      .select()
      .from(auditLog)
      .all()
      .filter((a) => a.entityType === "scorecard")
      .map((a) => a.action);
    expect(actions).toEqual(["create", "submit"]);
    expect(db().select().from(ratings).where(eq(ratings.dimensionKey, "ml_system_design")).get()?.evidence).toBe(
      "Walked events → features → serving with a 50 ms p99 budget.",
    );
  });

  it("submitting with a focus dimension missing names it, asks for evidence, and keeps the work as a draft", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    const form = systemDesignCard({ "rating.evaluation": "", "evidence.data_quality": "" });
    const reply = (await post(ana.id, anaInterview.id, form)).data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    expect(reply.data.error).toMatchObject({
      "rating.evaluation": ["This is a focus dimension of the stage: rate it 1–4, or choose Not assessed"],
      "evidence.data_quality": ["Write down what the candidate said or did that supports this rating"],
      "": ["Saved as a draft. Fix the marked fields to submit."],
    });
    const card = db().select().from(scorecards).get();
    expect(card?.status).toBe("draft");
    expect(db().select().from(ratings).all().length).toBeGreaterThanOrEqual(3);
  });

  it("a red flag needs a note", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    const reply = (await post(ana.id, anaInterview.id, systemDesignCard({ signals: "no_rollback_strategy" }))).data as unknown as Reply;
    expect(reply.data.error?.["note.no_rollback_strategy"]).toEqual(["Say what you saw or heard that raised this red flag"]);
  });

  it.each([
    ["a rating outside 1–4", { "rating.ml_system_design": "5" }, "rating.ml_system_design", /Pick a level/],
    ["an unknown dimension", { "rating.vibes": "3" }, "rating", /Unknown dimension: vibes/],
    ["an unknown signal", { signals: "great_hair" }, "signals", /Unknown signal: great_hair/],
    [
      "100 kB of evidence",
      { "evidence.evaluation": "x".repeat(100_000) },
      "evidence.evaluation",
      /under 5,000 characters \(this has 100,000\)/,
    ],
  ] as [string, Record<string, string>, string, RegExp][])(
    "refuses %s with a clear message and keeps the valid work as a draft",
    async (_l, over, field, message) => {
      const { ana, anaInterview } = await panelOfTwo();
      await post(ana.id, anaInterview.id, { intent: "save", "evidence.ml_system_design": "Keep me" });
      const reply = (await post(ana.id, anaInterview.id, systemDesignCard(over))).data as unknown as Reply;
      expect(reply.init.status).toBe(400);
      expect(reply.data.error?.[field]?.join(" ")).toMatch(message);
      // What was valid in the refused submit is kept as the draft; nothing typed is lost.
      expect(db().select().from(scorecards).get()?.status).toBe("draft");
      const saved = db()
        .select()
        .from(ratings)
        .all()
        .map((r) => r.evidence);
      expect(saved).toContain("Point-in-time joins to avoid leakage; contract tests on the event schema.");
    },
  );

  it("a double submit is harmless; a real change after submitting is an amendment kept in the audit log", async () => {
    const { ana, anaInterview, rubricVersionId } = await panelOfTwo();
    await post(ana.id, anaInterview.id, systemDesignCard());
    await post(ana.id, anaInterview.id, systemDesignCard());
    let card = db().select().from(scorecards).get()!;
    expect(card).toMatchObject({ status: "submitted", amendmentCount: 0, rubricVersionId });
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.entityType === "scorecard")
        .map((a) => a.action),
    ).toEqual(["submit"]);

    const revisited = systemDesignCard({ "rating.evaluation": "3", "evidence.evaluation": "Revisited: named a guardrail metric." });
    // A change submitted from a stale page (not the amend page) is refused; nothing changes.
    const stale = (await post(ana.id, anaInterview.id, revisited)).data as unknown as Reply;
    expect(stale.init.status).toBe(409);
    expect(stale.data.error?.[""]?.[0]).toMatch(/already been submitted.*choose Amend/);
    expect(db().select().from(scorecards).get()).toMatchObject({ amendmentCount: 0, revision: card.revision });

    await post(ana.id, anaInterview.id, revisited, "?amend=1");
    card = db().select().from(scorecards).get()!;
    expect(card).toMatchObject({ status: "submitted", amendmentCount: 1 });
    const amend = db()
      .select()
      .from(auditLog)
      .all()
      .find((a) => a.action === "amend")!;
    expect((amend.before as { ratings: Record<string, { level: number }> }).ratings.evaluation?.level).toBe(2);
    expect((amend.after as { ratings: Record<string, { level: number }> }).ratings.evaluation?.level).toBe(3);
    // An autosave of an amended card never turns it back into a draft.
    await post(ana.id, anaInterview.id, { ...systemDesignCard(), intent: "autosave" });
    expect(db().select().from(scorecards).get()?.status).toBe("submitted");
  });

  it.each([
    ["an empty autosave from a stale tab", { intent: "autosave" }, ""],
    ["an empty autosave posted to the amend page", { intent: "autosave" }, "?amend=1"],
    ["a draft save", { intent: "save", "rating.evaluation": "1" }, ""],
    ["an amendment that fails the submit rules", { intent: "submit", "rating.ml_system_design": "" }, "?amend=1"],
  ] as [string, Record<string, string>, string][])("%s can't wipe a submitted scorecard", async (_label, form, query) => {
    const { ana, anaInterview } = await panelOfTwo();
    await post(ana.id, anaInterview.id, systemDesignCard());
    const before = await load(ana.id, anaInterview.id);
    const reply = (await post(ana.id, anaInterview.id, form, query)).data as unknown as Reply & {
      data: { autosave?: { message: string } };
    };
    expect(reply.init.status).toBeGreaterThanOrEqual(400);
    expect(reply.data.error?.[""]?.join(" ") ?? "").toMatch(/submitted|fix the marked fields/i);
    const card = db().select().from(scorecards).get()!;
    expect(card).toMatchObject({ status: "submitted", amendmentCount: 0, recommendation: "yes" });
    expect((await load(ana.id, anaInterview.id)).data).toEqual(before.data);
  });

  it("refuses writes once the loop is closed or the interview cancelled, or a submit before the interview", async () => {
    const { ana, ben, loop, anaInterview, benInterview } = await panelOfTwo();
    db().update(interviews).set({ status: "cancelled" }).where(eq(interviews.id, benInterview.id)).run();
    expect(((await post(ben.id, benInterview.id, leadershipCard)).data as unknown as Reply).data.error?.[""]?.[0]).toMatch(/cancelled/);
    db()
      .update(interviews)
      .set({ scheduledAt: new Date(Date.now() + 48 * HOUR) })
      .where(eq(interviews.id, anaInterview.id))
      .run();
    expect(((await post(ana.id, anaInterview.id, systemDesignCard())).data as unknown as Reply).data.error?.[""]?.[0]).toMatch(
      /hasn't started yet/,
    );
    db().update(loops).set({ status: "closed" }).where(eq(loops.id, loop.id)).run();
    const closed = (await post(ana.id, anaInterview.id, systemDesignCard({ intent: "save" }))).data as unknown as Reply;
    expect(closed.init.status).toBe(409);
    expect(db().select().from(scorecards).all()).toHaveLength(0);
  });
});

describe("the hiring manager's recommendation", () => {
  it("follows the scorecards: S, band, gates and who still owes one", async () => {
    const { hm, ana, ben, candidate, anaInterview, benInterview } = await panelOfTwo();
    const page = async () =>
      (await run(async () => candidatePage.loader(ctx(await request("/x", { userId: hm.id }), { candidateId: String(candidate.id) }))))
        .data!;
    let view = await page();
    expect(view.recommendation?.score).toBeNull();
    expect(view.owed.map((o) => o.interviewId)).toEqual([anaInterview.id, benInterview.id]);

    await post(ana.id, anaInterview.id, systemDesignCard());
    view = await page();
    // (20·3 + 15·4 + 20·3 + 10·2) / 65 = 200 / 65
    expect(view.recommendation?.score).toBeCloseTo(200 / 65, 10);
    expect(view.recommendation?.gates.map((g) => g.kind)).toEqual(["incomplete"]);
    expect(view.owed.map((o) => o.interviewId)).toEqual([benInterview.id]);

    await post(ben.id, benInterview.id, leadershipCard);
    view = await page();
    // + leadership 4 (w10) + communication 3 (w5): (200 + 40 + 15) / 80
    expect(view.recommendation?.score).toBeCloseTo(255 / 80, 10);
    expect(view.recommendation?.band?.label).toBe("Hire");
    // 80% of the weight is rated (not below the gate) and nobody owes a scorecard: no Incomplete gate.
    expect(view.recommendation?.coverage).toBeCloseTo(0.8, 10);
    expect(view.recommendation?.gates.map((g) => g.kind)).not.toContain("incomplete");
    expect(view.owed).toEqual([]);
  });
});

describe("leniency from the database", () => {
  it("matches the pure computation over the demo organisation's history", async () => {
    makeOrganisation();
    await seedDemoData(db(), new Date());
    const rows = db().all<{ interviewerId: number; candidateId: number; dimensionKey: string; level: number }>(
      `select sc.interviewer_id as interviewerId, l.candidate_id as candidateId, r.dimension_key as dimensionKey, r.level as level
       from ratings r join scorecards sc on sc.id = r.scorecard_id and sc.status = 'submitted'
       join interviews i on i.id = sc.interview_id and i.status != 'cancelled' join loops l on l.id = i.loop_id where r.level is not null` as never,
    );
    const pure = computeLeniency(rows);
    const fromDb = getLeniencyTable();
    expect(fromDb.size).toBeGreaterThan(3);
    expect(fromDb.size).toBe(pure.size);
    for (const [id, l] of fromDb) {
      const expected = pure.get(id)!;
      expect(l.pairs).toBe(expected.pairs);
      expect(l.candidates).toBe(expected.candidates);
      expect(l.raw).toBeCloseTo(expected.raw, 10);
      expect(l.leniency).toBeCloseTo(expected.leniency, 10);
    }
  });
});

describe("rubric versions", () => {
  it("a scorecard keeps the version it was filled against when a new version is published", async () => {
    const { createDraft, publishDraft, saveDraft } = await import("#app/models/rubric-version.server");
    const { rubricDocument } = await import("#app/models/rubric.server");
    const { getLoopRecommendation } = await import("#app/models/recommendation.server");
    const { ana, loop, anaInterview, rubricVersionId } = await panelOfTwo();
    await post(ana.id, anaInterview.id, systemDesignCard());

    const admin = await makeUser("admin");
    const draft = createDraft(admin, "lead-ml-engineer", new Date());
    if (!draft.ok) throw new Error(draft.message);
    const v2 = rubricDocument(draft.id)!;
    v2.dimensions[0]!.weight = 15;
    v2.dimensions[3]!.weight = 20;
    expect(saveDraft(admin, draft.id, v2, new Date()).ok).toBe(true);
    expect(publishDraft(admin, draft.id, new Date()).ok).toBe(true);

    expect(db().select().from(scorecards).get()?.rubricVersionId).toBe(rubricVersionId);
    const rec = getLoopRecommendation({ id: loop.id, rubricVersionId: loop.rubricVersionId }, new Date())!;
    expect(rec.rubric.version).toBe(1);
    expect(rec.score).toBeCloseTo(200 / 65, 10);
  });
});

describe("review findings", () => {
  it("a candidate interviewed again gets a blind panel: submitting in an earlier loop unlocks nothing", async () => {
    const { ana, ben, candidate, loop, anaInterview, benInterview, rubricVersionId } = await panelOfTwo();
    await post(ana.id, anaInterview.id, systemDesignCard());
    await post(ben.id, benInterview.id, leadershipCard);
    db().update(loops).set({ status: "closed" }).where(eq(loops.id, loop.id)).run();
    const second = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId }).returning().get();
    const at = new Date(Date.now() - 5 * HOUR);
    const anaAgain = db()
      .insert(interviews)
      .values({ loopId: second.id, stage: "debugging", interviewerId: ana.id, scheduledAt: at, durationMinutes: 50 })
      .returning()
      .get();
    const benAgain = db()
      .insert(interviews)
      .values({ loopId: second.id, stage: "leadership", interviewerId: ben.id, scheduledAt: at, durationMinutes: 45 })
      .returning()
      .get();
    await post(ben.id, benAgain.id, leadershipCard);
    expect((await load(ana.id, anaAgain.id)).data?.panel).toBeNull();
  });

  it("Not assessed on a focus dimension is accepted with its reason, refused without one", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    const without = (await post(ana.id, anaInterview.id, systemDesignCard({ "rating.evaluation": "na", "evidence.evaluation": "" })))
      .data as unknown as Reply;
    expect(without.data.error?.["evidence.evaluation"]).toEqual(["Say why this focus dimension could not be assessed"]);
    const withReason = await post(
      ana.id,
      anaInterview.id,
      systemDesignCard({ "rating.evaluation": "na", "evidence.evaluation": "Ran out of time before evaluation." }),
    );
    expect(withReason.response?.status).toBe(302);
    expect(
      db()
        .select()
        .from(ratings)
        .all()
        .find((r) => r.dimensionKey === "evaluation"),
    ).toMatchObject({ level: null, notAssessed: true });
  });

  it("an empty save creates no draft", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    await post(ana.id, anaInterview.id, { intent: "autosave" });
    expect(db().select().from(scorecards).all()).toHaveLength(0);
  });

  it("an autosave with one oversized field still saves everything else, and says what it left out", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    const reply = (
      await post(ana.id, anaInterview.id, {
        intent: "autosave",
        "rating.leadership": "3",
        "evidence.communication": "x".repeat(6000),
        takeaways: "keep me",
      })
    ).data as unknown as Reply;
    expect(reply.data.autosave?.message).toBe("Saved, except the evidence for Communication & collaboration (too long).");
    expect(db().select().from(scorecards).get()?.takeaways).toBe("keep me");
    expect(
      db()
        .select()
        .from(ratings)
        .all()
        .map((r) => [r.dimensionKey, r.level]),
    ).toEqual([["leadership", 3]]);
  });
});

describe("two tabs on one draft", () => {
  type AutosaveReply = {
    data: { autosave: { ok: boolean; message: string; revision?: number; conflict?: { revision: number } } };
    init?: { status: number };
  };
  const autosave = async (userId: number, interviewId: number, tab: string, revision: number, over: Record<string, string>) => {
    const reply = (await post(userId, interviewId, { intent: "autosave", tab, revision: String(revision), ...over })).data as unknown;
    // A plain object is a 200; data() wraps a refusal with its status.
    return (reply as { init?: unknown }).init
      ? (reply as Required<AutosaveReply>)
      : { data: reply as AutosaveReply["data"], init: { status: 200 } };
  };
  const stored = () => db().select().from(scorecards).get()!;

  it("refuses the stale tab's save instead of overwriting, tells it what happened, and keeps the other tab's words", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    // Both tabs opened the card before anything was saved (revision 0).
    const first = await autosave(ana.id, anaInterview.id, "tab-aaaaaaaa", 0, { takeaways: "From tab A" });
    expect(first.data.autosave).toMatchObject({ ok: true, revision: 1 });
    const stale = await autosave(ana.id, anaInterview.id, "tab-bbbbbbbb", 0, { takeaways: "From tab B" });
    expect(stale.init.status).toBe(409);
    expect(stale.data.autosave).toMatchObject({
      ok: false,
      conflict: { revision: 1 },
      message: expect.stringMatching(/changed in another tab/),
    });
    expect(stored()).toMatchObject({ takeaways: "From tab A", revision: 1 });
    // Having loaded the other tab's version (revision 1), tab B saves again, and wins fairly.
    expect((await autosave(ana.id, anaInterview.id, "tab-bbbbbbbb", 1, { takeaways: "From tab B" })).data.autosave).toMatchObject({
      ok: true,
      revision: 2,
    });
    expect(stored()).toMatchObject({ takeaways: "From tab B", revision: 2 });
    // Now tab A is the stale one.
    expect((await autosave(ana.id, anaInterview.id, "tab-aaaaaaaa", 1, { takeaways: "A again" })).init.status).toBe(409);
    expect(stored().takeaways).toBe("From tab B");
  });

  it("lets a tab's own saves overtake each other: a save sent before the last reply came back is not a conflict", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    await autosave(ana.id, anaInterview.id, "tab-aaaaaaaa", 0, { takeaways: "one" });
    // The reply naming revision 1 hadn't arrived when the next keystrokes were sent from revision 0.
    expect((await autosave(ana.id, anaInterview.id, "tab-aaaaaaaa", 0, { takeaways: "one two" })).data.autosave.ok).toBe(true);
    expect(stored()).toMatchObject({ takeaways: "one two", revision: 2 });
  });

  it("refuses a stale submit too: the card stays a draft with the other tab's words, nothing recorded as submitted", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    await autosave(ana.id, anaInterview.id, "tab-aaaaaaaa", 0, { takeaways: "From tab A" });
    const refused = (await post(ana.id, anaInterview.id, { ...systemDesignCard(), tab: "tab-bbbbbbbb", revision: "0" }))
      .data as unknown as Reply & {
      data: { autosave: { conflict?: { revision: number } } };
    };
    expect(refused.init.status).toBe(409);
    expect(refused.data.autosave.conflict).toMatchObject({ revision: 1 });
    expect(refused.data.error?.[""]?.[0]).toMatch(/changed in another tab/);
    expect(stored()).toMatchObject({ status: "draft", takeaways: "From tab A" });
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.entityType === "scorecard" && a.action === "submit"),
    ).toEqual([]);
  });

  it("shows the page the revision it is at, and refuses a base it can't read", async () => {
    const { ana, anaInterview } = await panelOfTwo();
    expect((await load(ana.id, anaInterview.id)).data?.revision).toBe(0);
    await autosave(ana.id, anaInterview.id, "tab-aaaaaaaa", 0, { takeaways: "x" });
    expect((await load(ana.id, anaInterview.id)).data?.revision).toBe(1);
    for (const revision of ["-1", "one", "1e400"])
      expect((await post(ana.id, anaInterview.id, { intent: "autosave", revision, takeaways: "y" })).data).toMatchObject({
        init: { status: 400 },
      });
    expect(
      (await post(ana.id, anaInterview.id, { intent: "autosave", revision: "1", tab: "<script>", takeaways: "y" })).data,
    ).toMatchObject({
      init: { status: 400 },
    });
    expect(stored().takeaways).toBe("x");
  });
});
