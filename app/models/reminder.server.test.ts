// Reminder rules: who owes a scorecard, once a day at most, none once submitted or cancelled.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, loops, outbox, reminders } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeLoop, makeOrganisation, makeUser } from "#tests/factories";
import { saveScorecard } from "./scorecard.server";
import { updateInterview } from "./interview.server";
import { countOwedScorecards, listOwedScorecards, sendDueReminders, sendReminder } from "./reminder.server";

const HOUR = 3600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR);

async function setup() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const ana = await makeUser("interviewer", { name: "Ana Interviewer", timeZone: "Europe/London" });
  const ben = await makeUser("interviewer");
  // Ana: one over 30 h ago, one over 3 h ago, one in progress, one tomorrow, one cancelled.
  const { candidate, loop, interviews } = makeLoop({
    positionId: position.id,
    rubricVersionId,
    scheduledById: hm.id,
    plans: [
      { stage: "debugging", interviewerId: ana.id, hoursFromNow: -4, durationMinutes: 60 },
      { stage: "system_design", interviewerId: ana.id, hoursFromNow: -31, durationMinutes: 60 },
      { stage: "leadership", interviewerId: ana.id, hoursFromNow: -0.5, durationMinutes: 60 },
      { stage: "code_review", interviewerId: ana.id, hoursFromNow: 20 },
      { stage: "take_home", interviewerId: ana.id, hoursFromNow: -50, status: "cancelled" },
    ],
  });
  const [recent, old, inProgress, upcoming, cancelled] = interviews as [
    (typeof interviews)[0],
    (typeof interviews)[0],
    (typeof interviews)[0],
    (typeof interviews)[0],
    (typeof interviews)[0],
  ];
  return { hm, ana, ben, candidate, loop, rubricVersionId, recent, old, inProgress, upcoming, cancelled };
}

const send = (actor: { id: number; name: string }, interviewId: number, now = new Date()) =>
  sendReminder(actor, { interviewId, now, smtp: false, appUrl: "https://loopwise.example" });

describe("owed scorecards", () => {
  it("are the interviews that are over and have no submitted scorecard, oldest first, in open loops only", async () => {
    const { ana, ben, old, recent, loop } = await setup();
    expect(listOwedScorecards({ now: new Date(), interviewerId: ana.id }).map((o) => o.id)).toEqual([old.id, recent.id]);
    expect(countOwedScorecards(ana.id, new Date())).toBe(2);
    expect(countOwedScorecards(ben.id, new Date())).toBe(0);
    // The count in the navigation is the list's length at any moment: before, during and after each interview.
    for (const hours of [-60, -30, -3.5, -0.25, 0, 0.75, 2, 21, 30]) {
      const at = new Date(Date.now() + hours * 3600_000);
      expect(countOwedScorecards(ana.id, at)).toBe(listOwedScorecards({ now: at, interviewerId: ana.id }).length);
    }
    // A closed loop's scorecards can no longer be submitted, so nobody owes them.
    db().update(loops).set({ status: "closed" }).where(eq(loops.id, loop.id)).run();
    expect(countOwedScorecards(ana.id, new Date())).toBe(0);
  });
});

describe("a reminder", () => {
  it("writes the email (to the outbox without a mail server), the reminder and an audit entry", async () => {
    const { hm, ana, old, candidate } = await setup();
    expect(send(hm, old.id)).toEqual({
      ok: true,
      message: "Reminder for Ana Interviewer is in the outbox (no mail server is configured).",
    });
    const [email] = db().select().from(outbox).all();
    expect(email).toMatchObject({
      toAddress: ana.email,
      status: "outbox_only",
      subject: `Scorecard owed: System design with ${candidate.name}`,
    });
    expect(email!.body).toContain(`https://loopwise.example/interviews/${old.id}/scorecard`);
    expect(email!.body).toContain("owed, for 30 hours now");
    expect(email!.body).not.toContain("Recruiter note");
    expect(db().select().from(reminders).all()).toEqual([
      expect.objectContaining({ interviewId: old.id, interviewerId: ana.id, kind: "manual", sentById: hm.id, emailId: email!.id }),
    ]);
    const audit = db().select().from(auditLog).where(eq(auditLog.action, "remind")).all();
    expect(audit).toEqual([expect.objectContaining({ actorId: hm.id, entityType: "interview", entityId: String(old.id) })]);
  });

  it("goes at most once a day per scorecard, whoever sends it", async () => {
    const { hm, old, recent } = await setup();
    const other = await makeUser("admin");
    expect(send(hm, old.id).ok).toBe(true);
    const again = send(other, old.id, at(23));
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/was reminded 23 hours ago; reminders go at most once a day/);
    // Another scorecard of the same person is its own reminder.
    expect(send(hm, recent.id).ok).toBe(true);
    expect(send(hm, old.id, at(24)).ok).toBe(true);
    expect(db().select().from(reminders).all()).toHaveLength(3);
  });

  it("is refused, saying why, for a submitted scorecard, a cancelled or unfinished interview, or a closed loop", async () => {
    const { hm, ana, old, inProgress, upcoming, cancelled, loop, rubricVersionId } = await setup();
    saveScorecard(ana, {
      interviewId: old.id,
      interviewerId: ana.id,
      rubricVersionId,
      value: { rating: {}, evidence: {}, note: {}, signals: [], recommendation: "yes", takeaways: "Solid." } as never,
      submit: true,
      amend: false,
      now: new Date(),
    });
    expect(send(hm, old.id).message).toMatch(/^This scorecard was submitted on .*; no reminder is needed\.$/);
    expect(send(hm, cancelled.id).message).toMatch(/cancelled/);
    expect(send(hm, inProgress.id).message).toMatch(/still in progress/);
    expect(send(hm, upcoming.id).message).toMatch(/hasn't happened yet/);
    expect(send(hm, 999_999).message).toBe("There is no such interview.");
    db().update(loops).set({ status: "closed" }).where(eq(loops.id, loop.id)).run();
    expect(send(hm, old.id).message).toMatch(/submitted/);
    expect(db().select().from(outbox).all()).toHaveLength(0);
    expect(db().select().from(reminders).all()).toHaveLength(0);
  });
});

describe("automatic reminders", () => {
  /** The interviews one pass reminded about. */
  const pass = (now: Date, afterHours = 24) => {
    const before = db().select().from(reminders).all().length;
    sendDueReminders({ now, afterHours, smtp: false, appUrl: "" });
    return db()
      .select()
      .from(reminders)
      .all()
      .slice(before)
      .map((r) => r.interviewId);
  };

  it("go for scorecards owed longer than the configured hours, once a day, and stop when the scorecard is submitted", async () => {
    const { ana, old, recent, inProgress, upcoming, rubricVersionId } = await setup();
    // Owed 30 h and 3 h (and one still in progress): only the first is past 24 h.
    expect(pass(new Date())).toEqual([old.id]);
    expect(db().select().from(reminders).all()).toEqual([
      expect.objectContaining({ interviewId: old.id, kind: "automatic", sentById: null }),
    ]);
    // An hour later nothing new is due; a day later the old one again, and the 3-hour one, now 27 hours owed.
    expect(pass(at(1))).toEqual([]);
    expect(pass(at(24))).toEqual([old.id, recent.id]);
    saveScorecard(ana, {
      interviewId: recent.id,
      interviewerId: ana.id,
      rubricVersionId,
      value: { rating: {}, evidence: {}, note: {}, signals: [], recommendation: "no", takeaways: "" } as never,
      submit: true,
      amend: false,
      now: at(25),
    });
    // Two days on: everything still owed is reminded, the submitted one no more.
    expect(pass(at(48)).sort()).toEqual([old.id, inProgress.id, upcoming.id].sort());
  });

  it("never go for a cancelled interview, even one cancelled after a reminder", async () => {
    const { hm, ana, old, recent, inProgress, cancelled } = await setup();
    expect(pass(new Date())).toEqual([old.id]);
    updateInterview(
      hm,
      old.id,
      { interviewerId: ana.id, scheduledAt: old.scheduledAt, durationMinutes: 60, exerciseId: null, status: "cancelled" },
      new Date(),
    );
    const later = pass(at(30));
    expect(later).toEqual([recent.id, inProgress.id]);
    expect(later).not.toContain(cancelled.id);
  });
});
