// With a mail server configured that can't be reached: the reminder is queued and the page
// answers at once; delivery fails in the background, is kept, and goes through on a later try.
import { describe, expect, it } from "vitest";
import { outbox } from "#db/schema";
import { db } from "#app/utils/db.server";
import { deliverOutbox } from "#app/models/mailer.server";
import { makeLoop, makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import { closedPort, startSmtpServer } from "#tests/smtp-server";
import * as pipeline from "./_app.pipeline";

// Read once, at the first env() call, which comes after this line (tests/setup opens no database).
const port = await closedPort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;

describe("a reminder when the mail server is down", () => {
  it("is queued, the page answers at once, and it is delivered on a later try", async () => {
    const { position, rubricVersionId } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const ana = await makeUser("interviewer", { name: "Ana Interviewer" });
    const [owed] = makeLoop({
      positionId: position.id,
      rubricVersionId,
      scheduledById: hm.id,
      plans: [{ stage: "debugging", interviewerId: ana.id, hoursFromNow: -30 }],
    }).interviews;

    const now = new Date();
    const started = performance.now();
    const { data } = await run(async () =>
      pipeline.action(
        routeArgs(await request("/pipeline", { userId: hm.id, form: { intent: "remind", interviewId: String(owed!.id) } }), {}, now),
      ),
    );
    expect(performance.now() - started).toBeLessThan(500);
    expect((data as unknown as { data: { reminder: { message: string } } }).data.reminder.message).toBe(
      "Reminder sent to Ana Interviewer.",
    );
    expect(db().select().from(outbox).get()).toMatchObject({ status: "pending", attempts: 0 });

    // The background attempt the page started: refused, kept, and due again in 5 minutes.
    await deliverOutbox(now);
    expect(db().select().from(outbox).get()).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: new Date(now.getTime() + 5 * 60_000),
    });
    expect(db().select().from(outbox).get()!.lastError).toMatch(/ECONNREFUSED/);

    const server = await startSmtpServer(port);
    try {
      await deliverOutbox(new Date(now.getTime() + 5 * 60_000));
      expect(db().select().from(outbox).get()).toMatchObject({ status: "sent", attempts: 2 });
      expect(server.received.map((m) => m.to)).toEqual([["<" + ana.email + ">"]]);
    } finally {
      await server.close();
    }
  });
});
