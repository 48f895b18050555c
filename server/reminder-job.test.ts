// The hourly job, driven with an explicit clock: it never reads the real one in a test.
import { describe, expect, it, vi } from "vitest";
import { candidates, decisions, loops, outbox, outcomeReminders, reminders } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeLoop, makeOrganisation, makeUser } from "#tests/factories";
import { createReminderJob } from "./reminder-job";

const HOUR = 3600_000;

async function owedFor(hours: number) {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const ana = await makeUser("interviewer");
  return makeLoop({
    positionId: position.id,
    rubricVersionId,
    scheduledById: hm.id,
    plans: [{ stage: "debugging", interviewerId: ana.id, hoursFromNow: -hours - 1, durationMinutes: 60 }],
  }).interviews[0]!;
}

/** A hire decided `days` ago by a hiring manager: their 90-day outcome falls due at 90. */
async function hiredDaysAgo(days: number) {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const candidate = db()
    .insert(candidates)
    .values({ name: "Ola Hired", email: `ola.${days}@example.com`, positionId: position.id, source: "referral" })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId, status: "closed" }).returning().get();
  db()
    .insert(decisions)
    .values({
      loopId: loop.id,
      decision: "hire",
      rationale: "Strong loop.",
      decidedById: hm.id,
      decidedAt: new Date(Date.now() - days * 24 * HOUR),
    })
    .run();
  return hm;
}

describe("the reminder job", () => {
  it("reminds a hire's manager once when an outcome falls due, and not while reminders are off", async () => {
    const hm = await hiredDaysAgo(91);
    const log = vi.fn();
    await createReminderJob({ afterHours: 0, appUrl: "https://loopwise.example", log }).tick(new Date());
    expect(db().select().from(outcomeReminders).all()).toHaveLength(0);
    const job = createReminderJob({ afterHours: 24, appUrl: "https://loopwise.example", log });
    await job.tick(new Date());
    await job.tick(new Date(Date.now() + 2 * HOUR));
    expect(db().select().from(outcomeReminders).all()).toEqual([expect.objectContaining({ managerId: hm.id, checkpoint: "day_90" })]);
    expect(db().select().from(outbox).all()).toEqual([
      expect.objectContaining({ toAddress: hm.email, subject: "90-day outcome due: Ola Hired", status: "outbox_only" }),
    ]);
    expect(log).toHaveBeenCalledWith("[loopwise] sent 1 outcome reminder");
  });

  it("reminds about scorecards owed past the configured hours, at most hourly, and keeps the email in the outbox", async () => {
    const interview = await owedFor(30);
    const log = vi.fn();
    const job = createReminderJob({ afterHours: 24, appUrl: "https://loopwise.example", log });
    const now = new Date();
    await job.tick(now);
    expect(db().select().from(reminders).all()).toEqual([expect.objectContaining({ interviewId: interview.id, kind: "automatic" })]);
    expect(db().select().from(outbox).all()).toEqual([expect.objectContaining({ status: "outbox_only" })]);
    expect(log).toHaveBeenCalledWith("[loopwise] sent 1 automatic scorecard reminder");
    // Ticks in between deliver email but don't look for reminders again until an hour has passed.
    await job.tick(new Date(now.getTime() + 30 * 60_000));
    await job.tick(new Date(now.getTime() + 25 * HOUR));
    expect(db().select().from(reminders).all()).toHaveLength(2);
  });

  it("sends nothing by itself when automatic reminders are off (0 hours)", async () => {
    await owedFor(300);
    const job = createReminderJob({ afterHours: 0, appUrl: "", log: () => {} });
    await job.tick(new Date());
    expect(db().select().from(reminders).all()).toHaveLength(0);
  });

  it("starts with a pass and stops when told", async () => {
    await owedFor(30);
    const job = createReminderJob({ afterHours: 24, appUrl: "", clock: () => new Date(), log: () => {} });
    job.start();
    job.stop();
    await vi.waitFor(() => expect(db().select().from(reminders).all()).toHaveLength(1));
  });
});
