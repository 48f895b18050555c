// Integration: "Remind" on the pipeline and candidate pages, the owed count in the navigation, and
// the admin's outbox, as the browser calls them.
import { describe, expect, it } from "vitest";
import { outbox, reminders } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeLoop, makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as appLayout from "./_app";
import * as outboxPage from "./_app.admin.outbox";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as pipeline from "./_app.pipeline";

type Reply = { data: { reminder: { ok: boolean; message: string; interviewId: number | null } }; init: { status: number } };

async function setup() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const admin = await makeUser("admin");
  const ana = await makeUser("interviewer", { name: "Ana Interviewer" });
  const { candidate, interviews } = makeLoop({
    positionId: position.id,
    rubricVersionId,
    scheduledById: hm.id,
    plans: [
      { stage: "system_design", interviewerId: ana.id, hoursFromNow: -30 },
      { stage: "debugging", interviewerId: ana.id, hoursFromNow: -5 },
    ],
  });
  return { hm, admin, ana, candidate, owed: interviews[0]! };
}

const remind = async (userId: number, form: Record<string, string>, page: "pipeline" | { candidateId: number } = "pipeline") =>
  run(async () =>
    page === "pipeline"
      ? pipeline.action(routeArgs(await request("/pipeline", { userId, form })))
      : candidatePage.action(
          routeArgs(await request(`/candidates/${page.candidateId}`, { userId, form }), { candidateId: String(page.candidateId) }),
        ),
  );

describe("reminding from the pipeline and the candidate page", () => {
  it("sends one reminder, says so, and refuses a second the same day with the reason", async () => {
    const { hm, owed, candidate } = await setup();
    const first = (await remind(hm.id, { intent: "remind", interviewId: String(owed.id) })).data as unknown as Reply;
    expect(first.init.status).toBe(200);
    expect(first.data.reminder).toEqual({
      ok: true,
      message: "Reminder for Ana Interviewer is in the outbox (no mail server is configured).",
      interviewId: owed.id,
    });
    const second = (await remind(hm.id, { intent: "remind", interviewId: String(owed.id) }, { candidateId: candidate.id }))
      .data as unknown as Reply;
    expect(second.init.status).toBe(400);
    expect(second.data.reminder.message).toMatch(/^Ana Interviewer was reminded 0 minutes ago; .* the next can go from /);
    expect(db().select().from(reminders).all()).toHaveLength(1);

    // The pages show when it was sent.
    const page = (await pipeline.loader(routeArgs(await request("/pipeline", { userId: hm.id })))) as { reminded: Record<number, Date> };
    expect(page.reminded[owed.id]).toBeInstanceOf(Date);
  });

  it.each([
    ["no interview", { intent: "remind" }],
    ["an id that isn't one", { intent: "remind", interviewId: "abc" }],
    ["an absurd id", { intent: "remind", interviewId: "1e400" }],
    ["an interview that doesn't exist", { intent: "remind", interviewId: "999999" }],
  ])("answers %s with a message, not a 500, and sends nothing", async (_label, form) => {
    const { hm } = await setup();
    const reply = (await remind(hm.id, form)).data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    expect(reply.data.reminder.ok).toBe(false);
    expect(reply.data.reminder.message).toMatch(/^(Choose an owed scorecard|There is no such interview)/);
    expect(db().select().from(outbox).all()).toHaveLength(0);
  });

  it("is for the hiring team only", async () => {
    const { ana, owed } = await setup();
    expect((await remind(ana.id, { intent: "remind", interviewId: String(owed.id) })).response?.status).toBe(403);
    expect(db().select().from(reminders).all()).toHaveLength(0);
  });
});

describe("the owed count in the navigation", () => {
  it("counts what this person owes, on every page", async () => {
    const { ana, hm } = await setup();
    const shell = async (userId: number) =>
      ((await appLayout.loader(routeArgs(await request("/interviews", { userId })))) as { user: { owed: number } }).user.owed;
    expect(await shell(ana.id)).toBe(2);
    expect(await shell(hm.id)).toBe(0);
  });
});

describe("the outbox page", () => {
  it("shows the admin every email, and nobody else", async () => {
    const { hm, admin, ana, owed } = await setup();
    await remind(hm.id, { intent: "remind", interviewId: String(owed.id) });
    const page = (await outboxPage.loader(routeArgs(await request("/admin/outbox", { userId: admin.id })))) as {
      emails: { toAddress: string; status: string }[];
      smtp: boolean;
    };
    expect(page.smtp).toBe(false);
    expect(page.emails).toEqual([expect.objectContaining({ toAddress: ana.email, status: "outbox_only" })]);
    for (const user of [hm, ana])
      expect(
        (await run(async () => outboxPage.loader(routeArgs(await request("/admin/outbox", { userId: user.id }))))).response?.status,
      ).toBe(403);
  });
});
