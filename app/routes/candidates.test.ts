// Integration: the candidate and loop routes' loaders and actions, as the browser calls them.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, candidates, interviews, loops, users } from "#db/schema";
import { checkScheduledAt } from "#app/models/loop-schema";
import { toLocalInputValue, zonedLocalToUtc } from "#app/utils/time";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import { renderPage } from "#tests/render";
import * as newCandidate from "./_app.candidates.new";
import * as scheduleLoop from "./_app.candidates.$candidateId.loop";
import * as interviewPage from "./_app.interviews.$interviewId._index";
import * as myInterviews from "./_app.interviews._index";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as addInterview from "./_app.candidates.$candidateId.interviews.new";
import * as editInterview from "./_app.interviews.$interviewId.edit";

type Reply = {
  data: { status?: string; error?: Record<string, string[]> | null; initialValue?: Record<string, unknown> };
  init: { status: number };
};

const ctx = routeArgs;

const validCandidate = (positionId: number, over: Record<string, string> = {}) => ({
  name: "Ada Obi",
  email: "ada.obi@example.com",
  positionId: String(positionId),
  source: "referral",
  notes: "Staff MLE at a payments company.",
  ...over,
});

async function addCandidate(hmId: number, positionId: number, over: Record<string, string> = {}) {
  const { response } = await run(async () =>
    newCandidate.action(ctx(await request("/candidates/new", { userId: hmId, form: validCandidate(positionId, over) }))),
  );
  return Number(response!.headers.get("Location")!.split("/").pop());
}

/**
 * The `days`-th working day from today (YYYY-MM-DD): a weekend booking asks to be confirmed
 * (scheduling-warnings.test.ts), which these tests are not about, whatever day they run on.
 */
function workday(days: number) {
  const d = new Date(Date.now());
  for (let left = days; left > 0;) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

function dayAhead(days: number, hour = 10) {
  return `${workday(days)}T${String(hour).padStart(2, "0")}:00`;
}

describe("adding a candidate", () => {
  it("creates the candidate and writes who did it to the audit log", async () => {
    const { position } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const id = await addCandidate(hm.id, position.id);
    expect(db().select().from(candidates).all()).toEqual([expect.objectContaining({ id, name: "Ada Obi", email: "ada.obi@example.com" })]);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.entityType === "candidate"),
    ).toEqual([expect.objectContaining({ action: "create", actorId: hm.id, entityId: String(id) })]);
  });

  it.each([
    ["an empty name", { name: "" }, "name", /Enter the candidate's name/],
    ["a 500-character name", { name: "x".repeat(500) }, "name", /under 120 characters/],
    ["a malformed email", { email: "ada@" }, "email", /valid email/],
    ["a position that is not a number", { positionId: "abc" }, "positionId", /Choose the position/],
    ["an unknown source", { source: "carrier pigeon" }, "source", /Choose where/],
    ["notes of 6,000 characters", { notes: "n".repeat(6000) }, "notes", /5,000 characters/],
  ] as [string, Record<string, string>, string, RegExp][])(
    "refuses %s with a message on that field, keeping what was typed",
    async (_label, over, field, message) => {
      const { position } = makeOrganisation();
      const hm = await makeUser("hiring_manager");
      const { data } = await run(async () =>
        newCandidate.action(ctx(await request("/candidates/new", { userId: hm.id, form: validCandidate(position.id, over) }))),
      );
      const reply = data as unknown as Reply;
      expect(reply.init.status).toBe(400);
      expect(reply.data.error?.[field]?.join(" ")).toMatch(message);
      expect(reply.data.initialValue?.email).toBe(over.email ?? "ada.obi@example.com");
      expect(db().select().from(candidates).all()).toHaveLength(0);
    },
  );

  it("refuses a duplicate email and a position that does not exist, changing nothing", async () => {
    const { position } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    await addCandidate(hm.id, position.id);
    const { data } = await run(async () =>
      newCandidate.action(
        ctx(
          await request("/candidates/new", {
            userId: hm.id,
            form: validCandidate(position.id, { email: "ADA.OBI@example.com", positionId: "999" }),
          }),
        ),
      ),
    );
    const reply = data as unknown as Reply;
    expect(reply.data.error?.email).toEqual(["A candidate with this email already exists"]);
    expect(reply.data.error?.positionId?.[0]).toMatch(/does not exist/);
    expect(db().select().from(candidates).all()).toHaveLength(1);
  });

  it("answers 415, not 500, to a body that is not form data", async () => {
    makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const req = await request("/candidates/new", { userId: hm.id });
    const json = new Request(req.url, {
      method: "POST",
      headers: { Cookie: req.headers.get("Cookie")!, "Content-Type": "application/json" },
      body: "{}",
    });
    expect((await run(() => newCandidate.action(ctx(json)))).response?.status).toBe(415);
  });

  it("is closed to interviewers (403) and to anonymous visitors (sign-in)", async () => {
    const { position } = makeOrganisation();
    const interviewer = await makeUser("interviewer");
    const denied = await run(async () =>
      newCandidate.action(ctx(await request("/candidates/new", { userId: interviewer.id, form: validCandidate(position.id) }))),
    );
    expect(denied.response?.status).toBe(403);
    const anonymous = await run(async () => newCandidate.loader(ctx(await request("/candidates/new"))));
    expect(anonymous.response?.headers.get("Location")).toBe("/login?redirectTo=%2Fcandidates%2Fnew");
    expect(db().select().from(candidates).all()).toHaveLength(0);
  });
});

describe("scheduling a loop", () => {
  async function setup() {
    const { position } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const ana = await makeUser("interviewer");
    const ben = await makeUser("interviewer");
    const candidateId = await addCandidate(hm.id, position.id);
    return { hm, ana, ben, candidateId };
  }
  const form = (rows: Record<string, string>[]) =>
    Object.fromEntries(rows.flatMap((r, i) => Object.entries(r).map(([k, v]) => [`stages[${i}].${k}`, v])));

  it("creates the loop and its interviews; the assigned interviewer sees theirs, the other sees none", async () => {
    const { hm, ana, ben, candidateId } = await setup();
    const body = form([
      { stage: "system_design", include: "on", interviewerId: String(ana.id), scheduledAt: dayAhead(2), durationMinutes: "75" },
      { stage: "debugging", include: "on", interviewerId: String(ben.id), scheduledAt: dayAhead(3), durationMinutes: "50" },
      { stage: "take_home", interviewerId: "", scheduledAt: "", durationMinutes: "240" },
    ]);
    const { response } = await run(async () =>
      scheduleLoop.action(ctx(await request("/x", { userId: hm.id, form: body }), { candidateId: String(candidateId) })),
    );
    expect(response?.headers.get("Location")).toBe(`/candidates/${candidateId}`);
    expect(
      db()
        .select()
        .from(interviews)
        .all()
        .map((i) => [i.stage, i.interviewerId]),
    ).toEqual([
      ["system_design", ana.id],
      ["debugging", ben.id],
    ]);
    const anasList = await myInterviews.loader(ctx(await request("/interviews", { userId: ana.id })));
    expect(anasList.upcoming.map((i) => i.stage)).toEqual(["system_design"]);
    expect(anasList.upcoming[0]?.candidateName).toBe("Ada Obi");

    // A second submit (double click) is harmless: still one loop.
    const again = await run(async () =>
      scheduleLoop.action(ctx(await request("/x", { userId: hm.id, form: body }), { candidateId: String(candidateId) })),
    );
    expect(again.response?.status).toBe(302);
    expect(db().select().from(loops).all()).toHaveLength(1);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.entityType === "interview"),
    ).toHaveLength(2);
  });

  it("explains each problem next to its field and saves nothing", async () => {
    const { hm, ana, candidateId } = await setup();
    const body = form([
      { stage: "system_design", include: "on", interviewerId: String(ana.id), scheduledAt: "2020-01-01T10:00", durationMinutes: "75" },
      { stage: "debugging", include: "on", interviewerId: String(ana.id), scheduledAt: dayAhead(3), durationMinutes: "5" },
      { stage: "code_review", include: "on", interviewerId: "", scheduledAt: "", durationMinutes: "40" },
    ]);
    const { data } = await run(async () =>
      scheduleLoop.action(ctx(await request("/x", { userId: hm.id, form: body }), { candidateId: String(candidateId) })),
    );
    const reply = data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    expect(reply.data.error).toMatchObject({
      "stages[0].scheduledAt": [expect.stringMatching(/already passed/)],
      "stages[1].interviewerId": [expect.stringMatching(/already has another stage/)],
      "stages[1].durationMinutes": [expect.stringMatching(/at least 15 minutes/)],
      "stages[2].interviewerId": [expect.stringMatching(/Choose an interviewer/)],
      "stages[2].scheduledAt": [expect.stringMatching(/Pick a date/)],
    });
    expect(db().select().from(loops).all()).toHaveLength(0);
  });

  it("refuses an interviewer who does not exist or is an admin", async () => {
    const { hm, candidateId } = await setup();
    const admin = await makeUser("admin");
    for (const id of ["9999", String(admin.id)]) {
      const body = form([{ stage: "leadership", include: "on", interviewerId: id, scheduledAt: dayAhead(4), durationMinutes: "45" }]);
      const { data } = await run(async () =>
        scheduleLoop.action(ctx(await request("/x", { userId: hm.id, form: body }), { candidateId: String(candidateId) })),
      );
      expect((data as unknown as Reply).data.error?.["stages[0].interviewerId"]?.[0]).toMatch(/can't interview/);
    }
    expect(db().select().from(loops).all()).toHaveLength(0);
  });

  it("asks for at least one stage", async () => {
    const { hm, candidateId } = await setup();
    const body = form([{ stage: "leadership", interviewerId: "", scheduledAt: "", durationMinutes: "45" }]);
    const { data } = await run(async () =>
      scheduleLoop.action(ctx(await request("/x", { userId: hm.id, form: body }), { candidateId: String(candidateId) })),
    );
    expect((data as unknown as Reply).data.error?.[""]).toEqual(["Include at least one stage in the loop"]);
  });
});

describe("who may see an interview", () => {
  it("its interviewer and the hiring team; another interviewer gets 403 and a missing one 404", async () => {
    const { position, rubricVersionId } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const ana = await makeUser("interviewer");
    const ben = await makeUser("interviewer");
    const candidateId = await addCandidate(hm.id, position.id);
    const loop = db().insert(loops).values({ candidateId, rubricVersionId }).returning().get();
    const iv = db()
      .insert(interviews)
      .values({
        loopId: loop.id,
        stage: "debugging",
        interviewerId: ana.id,
        scheduledAt: new Date(Date.now() + 86400_000),
        durationMinutes: 50,
      })
      .returning()
      .get();
    const load = async (userId: number, id = String(iv.id)) =>
      run(async () => interviewPage.loader(ctx(await request(`/interviews/${id}`, { userId }), { interviewId: id })));
    expect((await load(ana.id)).data?.interview.candidateName).toBe("Ada Obi");
    expect((await load(hm.id)).data?.isOwn).toBe(false);
    expect((await load(ben.id)).response?.status).toBe(403);
    expect((await load(ana.id, "99999")).response?.status).toBe(404);
    expect((await load(ana.id, "abc")).response?.status).toBe(404);
    const benList = await myInterviews.loader(ctx(await request("/interviews", { userId: ben.id })));
    expect(benList.upcoming).toHaveLength(0);
    const candidateAsInterviewer = await run(async () =>
      candidatePage.loader(ctx(await request("/x", { userId: ana.id }), { candidateId: String(candidateId) })),
    );
    expect(candidateAsInterviewer.response?.status).toBe(403);
  });
});

describe("scheduling guards (review findings)", () => {
  async function withLoop() {
    const { position, rubricVersionId } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const ana = await makeUser("interviewer");
    const ben = await makeUser("interviewer");
    const candidateId = await addCandidate(hm.id, position.id);
    const other = await addCandidate(hm.id, position.id, { email: "other@example.com", name: "Other Person" });
    const loop = db().insert(loops).values({ candidateId, rubricVersionId }).returning().get();
    const otherLoop = db().insert(loops).values({ candidateId: other, rubricVersionId }).returning().get();
    return { hm, ana, ben, candidateId, loop, otherLoop };
  }
  const at = (days: number, hour: number) => zonedLocalToUtc(dayAhead(days, hour), "Europe/London")!;
  const addForm = (o: Record<string, string>) => ({ stage: "debugging", durationMinutes: "50", scheduledAt: dayAhead(5, 14), ...o });

  it("refuses a second active interview of the same stage, and double-booking interviewer or candidate", async () => {
    const { hm, ana, ben, candidateId, loop, otherLoop } = await withLoop();
    db()
      .insert(interviews)
      .values({ loopId: loop.id, stage: "debugging", interviewerId: ben.id, scheduledAt: at(3, 10), durationMinutes: 50 })
      .run();
    db()
      .insert(interviews)
      .values({ loopId: otherLoop.id, stage: "leadership", interviewerId: ana.id, scheduledAt: at(5, 14), durationMinutes: 45 })
      .run();
    const post = async (form: Record<string, string>) =>
      (await run(async () => addInterview.action(ctx(await request("/x", { userId: hm.id, form }), { candidateId: String(candidateId) }))))
        .data as unknown as Reply;
    expect((await post(addForm({ interviewerId: String(ana.id) }))).data.error?.stage?.[0]).toMatch(/already has a Debugging interview/);
    expect((await post(addForm({ stage: "leadership", interviewerId: String(ana.id) }))).data.error?.scheduledAt?.[0]).toMatch(
      /already interviewing Other Person/,
    );
    expect(
      (await post(addForm({ stage: "leadership", interviewerId: String(ana.id), scheduledAt: dayAhead(3, 10) }))).data.error
        ?.scheduledAt?.[0],
    ).toMatch(/candidate already has Debugging/);
    expect(db().select().from(interviews).all()).toHaveLength(2);
  });

  it.each(["__proto__", "constructor", "toString"])(
    "refuses the stage %s with a message by the field, and the page with the reply still renders",
    async (stage) => {
      const { hm, ana, candidateId } = await withLoop();
      const params = { candidateId: String(candidateId) };
      const form = addForm({ stage, interviewerId: String(ana.id), durationMinutes: "55" });
      const { data } = await run(async () => addInterview.action(ctx(await request("/x", { userId: hm.id, form }), params)));
      const reply = data as unknown as Reply;
      expect(reply.init.status).toBe(400);
      expect(reply.data.error?.stage).toEqual(["Choose a stage"]);
      const loaderData = await addInterview.loader(ctx(await request("/x", { userId: hm.id }), params));
      // Before the fix the form looked the posted stage up in a plain object and threw (a 500).
      const html = renderPage(addInterview.default, { loaderData, actionData: reply.data });
      expect(html).toContain("Choose a stage");
      expect(html).toMatch(/value="55"/);
      expect(db().select().from(interviews).all()).toHaveLength(0);
    },
  );

  it("says so when a time falls in the daylight-saving gap instead of shifting it", () => {
    expect(checkScheduledAt("2027-03-28T01:30", "Europe/London", Date.now())).toEqual({
      message: "That time doesn't exist in Europe/London (the clocks change then); pick another",
    });
  });

  it("ignores tampered loop rows instead of crashing (stages[999999], a bare 'stages')", async () => {
    const { hm, ana, candidateId } = await withLoop();
    db().update(loops).set({ status: "closed" }).run();
    const form = {
      stages: "x",
      "stages[999999].stage": "debugging",
      "stages[0].stage": "system_design",
      "stages[0].include": "on",
      "stages[0].interviewerId": String(ana.id),
      "stages[0].scheduledAt": dayAhead(9, 10),
      "stages[0].durationMinutes": "75",
    };
    const { response } = await run(async () =>
      scheduleLoop.action(ctx(await request("/x", { userId: hm.id, form }), { candidateId: String(candidateId) })),
    );
    expect(response?.status).toBe(302);
    expect(
      db()
        .select()
        .from(interviews)
        .all()
        .map((i) => i.stage),
    ).toEqual(["system_design"]);
  });

  it("lets the hiring team edit an interview whose interviewer was since deactivated", async () => {
    const { hm, ana, loop } = await withLoop();
    const iv = db()
      .insert(interviews)
      .values({ loopId: loop.id, stage: "debugging", interviewerId: ana.id, scheduledAt: at(4, 11), durationMinutes: 50 })
      .returning()
      .get();
    db().update(users).set({ active: false }).where(eq(users.id, ana.id)).run();
    const form = {
      stage: "debugging",
      interviewerId: String(ana.id),
      scheduledAt: toLocalInputValue(iv.scheduledAt, "Europe/London"),
      durationMinutes: "60",
      status: "cancelled",
    };
    const { response } = await run(async () =>
      editInterview.action(ctx(await request("/x", { userId: hm.id, form }), { interviewId: String(iv.id) })),
    );
    expect(response?.status).toBe(302);
    expect(db().select().from(interviews).get()).toMatchObject({ status: "cancelled", durationMinutes: 60 });
  });

  it("won't mark a future interview completed", async () => {
    const { hm, ana, loop } = await withLoop();
    const iv = db()
      .insert(interviews)
      .values({ loopId: loop.id, stage: "debugging", interviewerId: ana.id, scheduledAt: at(4, 11), durationMinutes: 50 })
      .returning()
      .get();
    const form = {
      interviewerId: String(ana.id),
      scheduledAt: toLocalInputValue(iv.scheduledAt, "Europe/London"),
      durationMinutes: "50",
      status: "completed",
    };
    const { data } = await run(async () =>
      editInterview.action(ctx(await request("/x", { userId: hm.id, form }), { interviewId: String(iv.id) })),
    );
    expect((data as unknown as Reply).data.error?.status?.[0]).toMatch(/can't be completed before it has started/);
  });
});
