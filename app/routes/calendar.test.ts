// Integration: calendar invitations and the subscribable feed, as a calendar app and the browser call them.
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { auditLog, exercises, users } from "#db/schema";
import { eventUid } from "#app/models/calendar";
import { updateInterview } from "#app/models/interview.server";
import { db } from "#app/utils/db.server";
import { makeLoop, makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as feedRoute from "./calendar.$token.interviews[.]ics";
import * as inviteRoute from "./interviews.$interviewId.invite[.]ics";
import * as myInterviews from "./_app.interviews._index";

async function setup() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager", { name: "Hal Manager" });
  const ana = await makeUser("interviewer", { name: "Ana Interviewer" });
  const ben = await makeUser("interviewer", { name: "Ben Interviewer" });
  const { candidate, interviews } = makeLoop({
    positionId: position.id,
    rubricVersionId,
    scheduledById: hm.id,
    plans: [
      { stage: "system_design", interviewerId: ana.id, hoursFromNow: 48 },
      { stage: "debugging", interviewerId: ben.id, hoursFromNow: 72 },
    ],
  });
  return { hm, ana, ben, candidate, anaInterview: interviews[0]!, benInterview: interviews[1]! };
}

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => ({ event: new ICAL.Event(v), vevent: v }));

async function invite(userId: number | undefined, interviewId: number) {
  return run(async () =>
    inviteRoute.loader(routeArgs(await request(`/interviews/${interviewId}/invite.ics`, { userId }), { interviewId: String(interviewId) })),
  );
}

/** The feed address shown on My interviews, after the person asks for one. */
async function feedTokenOf(userId: number, intent = "issue-feed") {
  await myInterviews.action(routeArgs(await request("/interviews", { userId, form: { intent } })));
  const page = (await myInterviews.loader(routeArgs(await request("/interviews", { userId })))) as { feedUrl: string | null };
  return page.feedUrl ? /\/calendar\/([^/]+)\/interviews\.ics$/.exec(page.feedUrl)![1]! : null;
}

async function feed(token: string) {
  return run(() => feedRoute.loader(routeArgs(new Request(`http://localhost/calendar/${token}/interviews.ics`), { token })));
}

describe("an interview's invitation (.ics)", () => {
  it("is its interviewer's to download, with a stable UID and a SEQUENCE that goes up when it moves or is cancelled", async () => {
    const { hm, ana, anaInterview } = await setup();
    const first = await invite(ana.id, anaInterview.id);
    expect(first.response!.headers.get("Content-Type")).toContain("text/calendar");
    expect(first.response!.headers.get("Content-Disposition")).toContain(`interview-${anaInterview.id}.ics`);
    const [original] = events(await first.response!.text());
    expect(original!.event.uid).toBe(eventUid(anaInterview.id));
    expect(original!.event.sequence).toBe(0);

    // Changing only the kit is not something a calendar has to act on.
    const kit = db().select().from(exercises).where(eq(exercises.stage, "system_design")).get()!;
    const base = { interviewerId: ana.id, durationMinutes: 60, exerciseId: kit.id, status: "scheduled" as const };
    updateInterview(hm, anaInterview.id, { ...base, scheduledAt: anaInterview.scheduledAt }, new Date());
    expect(events(await (await invite(ana.id, anaInterview.id)).response!.text())[0]!.event.sequence).toBe(0);

    const moved = new Date(anaInterview.scheduledAt.getTime() + 24 * 3600_000);
    updateInterview(hm, anaInterview.id, { ...base, scheduledAt: moved }, new Date());
    const [afterMove] = events(await (await invite(ana.id, anaInterview.id)).response!.text());
    expect(afterMove!.event.uid).toBe(original!.event.uid);
    expect(afterMove!.event.sequence).toBe(1);
    expect(afterMove!.event.startDate.toJSDate().getTime()).toBe(moved.getTime());

    updateInterview(hm, anaInterview.id, { ...base, scheduledAt: moved, status: "cancelled" }, new Date());
    const cancelled = await (await invite(hm.id, anaInterview.id)).response!.text();
    expect(cancelled).toMatch(/^METHOD:CANCEL\r$/m);
    const [afterCancel] = events(cancelled);
    expect(afterCancel!.event.uid).toBe(original!.event.uid);
    expect(afterCancel!.event.sequence).toBe(2);
    expect(afterCancel!.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("is refused to another interviewer (403) and sends a stranger to sign in", async () => {
    const { ben, anaInterview } = await setup();
    expect((await invite(ben.id, anaInterview.id)).response?.status).toBe(403);
    expect((await invite(undefined, anaInterview.id)).response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect(
      (await run(async () => inviteRoute.loader(routeArgs(await request("/x", { userId: ben.id }), { interviewId: "abc" })))).response
        ?.status,
    ).toBe(404);
  });
});

describe("the calendar feed", () => {
  it("lists only its owner's interviews, without the candidate's contact details or the recruiter's notes", async () => {
    const { ana, candidate, anaInterview } = await setup();
    const token = await feedTokenOf(ana.id);
    const { response } = await feed(token!);
    expect(response!.status).toBe(200);
    const text = await response!.text();
    expect(events(text).map((e) => e.event.uid)).toEqual([eventUid(anaInterview.id)]);
    expect(events(text)[0]!.event.summary).toBe(`System design interview: ${candidate.name}`);
    expect(text).not.toContain(candidate.email);
    expect(text).not.toContain("Recruiter note");
  });

  it("another interviewer's address shows theirs only; a replaced, turned-off, tampered or foreign link gets a 404", async () => {
    const { ana, ben, benInterview } = await setup();
    const anaToken = (await feedTokenOf(ana.id))!;
    const benToken = (await feedTokenOf(ben.id))!;
    expect(events(await (await feed(benToken)).response!.text()).map((e) => e.event.uid)).toEqual([eventUid(benInterview.id)]);

    // A claim rewritten to name Ben breaks the signature.
    const [h, p, s] = anaToken.split(".");
    const claims = { ...JSON.parse(Buffer.from(p!, "base64url").toString()), sub: String(ben.id) };
    const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
    // Signed with the session secret itself, not the feed's own key.
    const foreign = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(String(ana.id))
      .setJti("x")
      .setIssuer("loopwise")
      .setAudience("loopwise:calendar-feed")
      .sign(new TextEncoder().encode(process.env.SESSION_SECRET));
    for (const bad of [tampered, foreign, "not-a-token", "x".repeat(5000)]) {
      const { response } = await feed(bad);
      expect(response?.status, bad.slice(0, 20)).toBe(404);
      expect(await response!.text()).toContain("This calendar link doesn't work");
    }

    const replacement = (await feedTokenOf(ana.id))!;
    expect(replacement).not.toBe(anaToken);
    expect((await feed(anaToken)).response?.status).toBe(404);
    expect((await feed(replacement)).response?.status).toBe(200);

    expect(await feedTokenOf(ana.id, "revoke-feed")).toBeNull();
    expect((await feed(replacement)).response?.status).toBe(404);
    // Ben's link was never touched.
    expect((await feed(benToken)).response?.status).toBe(200);
  });

  it("stops working when its owner is deactivated", async () => {
    const { ana } = await setup();
    const token = (await feedTokenOf(ana.id))!;
    db().update(users).set({ active: false }).where(eq(users.id, ana.id)).run();
    expect((await feed(token)).response?.status).toBe(404);
  });

  it("is created, replaced and turned off by its owner, each written to the audit log without the token", async () => {
    const { ana } = await setup();
    await feedTokenOf(ana.id);
    await feedTokenOf(ana.id);
    await feedTokenOf(ana.id, "revoke-feed");
    const entries = db().select().from(auditLog).where(eq(auditLog.entityType, "user")).all();
    expect(entries.map((e) => e.summary)).toEqual([
      "Created a calendar feed link",
      "Replaced their calendar feed link (the old one no longer works)",
      "Turned off their calendar feed link",
    ]);
    const tokenId = db().select().from(users).where(eq(users.id, ana.id)).get()!.calendarFeedTokenId;
    expect(tokenId).toBeNull();
    expect(JSON.stringify(entries)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Anything else posted to My interviews changes nothing.
    const { data } = await run(async () =>
      myInterviews.action(routeArgs(await request("/interviews", { userId: ana.id, form: { intent: "drop" } }))),
    );
    expect(data).toEqual({ feedError: "Choose one of the buttons on the calendar card." });
  });
});

describe("My interviews' calendar card", () => {
  it("offers the feed address to copy and the same address as a webcal:// link that subscribes a calendar app; none before one is created", async () => {
    const { ana } = await setup();
    const load = async () =>
      (await myInterviews.loader(routeArgs(await request("/interviews", { userId: ana.id })))) as {
        feedUrl: string | null;
        webcalUrl: string | null;
      };
    expect(await load()).toMatchObject({ feedUrl: null, webcalUrl: null });
    const token = (await feedTokenOf(ana.id))!;
    const { feedUrl, webcalUrl } = await load();
    expect(feedUrl).toMatch(new RegExp(`^https?://[^/]+/calendar/${token}/interviews\\.ics$`));
    expect(webcalUrl).toBe(feedUrl!.replace(/^https?:/, "webcal:"));
    // The webcal link opens the very feed a calendar app fetches.
    const fetched = await feed(/\/calendar\/([^/]+)\/interviews\.ics$/.exec(webcalUrl!)![1]!);
    expect(fetched.response?.status).toBe(200);
  });
});

describe("My interviews' groups", () => {
  it("puts today's interviews first on the person's own clock, then what they owe, then what is coming", async () => {
    const { position, rubricVersionId } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    // Monday 09:00 UTC is 01:00 in Los Angeles: 20:00 UTC is still Monday there, Sunday 03:00 UTC was Saturday evening,
    // and Tuesday 09:30 UTC is Tuesday 01:30 there.
    const lena = await makeUser("interviewer", { name: "Lena", timeZone: "America/Los_Angeles" });
    const now = new Date("2026-12-07T09:00:00Z");
    // makeLoop books relative to the frozen clock, which a run may move: these are absolute instants.
    const hoursTo = (iso: string) => (new Date(iso).getTime() - Date.now()) / 3600_000;
    const { interviews } = makeLoop({
      positionId: position.id,
      rubricVersionId,
      scheduledById: hm.id,
      plans: [
        { stage: "system_design", interviewerId: lena.id, hoursFromNow: hoursTo("2026-12-07T20:00:00Z") },
        { stage: "debugging", interviewerId: lena.id, hoursFromNow: hoursTo("2026-12-06T03:00:00Z") },
        { stage: "leadership", interviewerId: lena.id, hoursFromNow: hoursTo("2026-12-08T09:30:00Z") },
      ],
    });
    const [today, owed, upcoming] = interviews;
    const page = (await myInterviews.loader(routeArgs(await request("/interviews", { userId: lena.id }), {}, now))) as Record<
      "today" | "owed" | "upcoming" | "past",
      { id: number }[]
    > & { todayLabel: string };
    expect({ today: page.today.map((i) => i.id), owed: page.owed.map((i) => i.id), upcoming: page.upcoming.map((i) => i.id) }).toEqual({
      today: [today!.id],
      owed: [owed!.id],
      upcoming: [upcoming!.id],
    });
    expect(page.todayLabel).toBe("7 Dec 2026");
  });
});
