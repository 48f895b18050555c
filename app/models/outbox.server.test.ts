// Delivery from the outbox through a real SMTP conversation (a loopback test server), and what
// happens when the mail server can't be reached: kept, retried later, given up on in the end.
import { describe, expect, it } from "vitest";
import { outbox } from "#db/schema";
import { db } from "#app/utils/db.server";
import { smtpSender } from "#app/models/mailer.server";
import { closedPort, startSmtpServer } from "#tests/smtp-server";
import { deliverDueEmails, MAX_ATTEMPTS, queueEmail } from "./outbox.server";

const MINUTE = 60_000;
const email = { toAddress: "ana@loopwise.test", toName: "Ana Interviewer", subject: "Scorecard owed: Debugging", body: "Fill it in." };
const queue = (now: Date, smtp = true) => db().transaction((tx) => queueEmail(tx, email, { now, smtp }));
const row = () => db().select().from(outbox).get()!;

describe("the outbox", () => {
  it("delivers a pending email through SMTP and records when", async () => {
    const server = await startSmtpServer();
    try {
      const now = new Date();
      queue(now);
      expect(
        await deliverDueEmails({ now, send: smtpSender(`smtp://127.0.0.1:${server.port}`, "Loopwise <loopwise@test.invalid>") }),
      ).toEqual({
        tried: 1,
        sent: 1,
      });
      expect(row()).toMatchObject({ status: "sent", sentAt: now, attempts: 1, nextAttemptAt: null, lastError: null });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.to).toEqual(["<ana@loopwise.test>"]);
      expect(server.received[0]!.data).toContain("Subject: Scorecard owed: Debugging");
      expect(server.received[0]!.data).toContain("Fill it in.");
    } finally {
      await server.close();
    }
  });

  it("once delivered, keeps the email without the secret of any invitation or reset link in it", async () => {
    const server = await startSmtpServer();
    try {
      const now = new Date();
      const token = "A".repeat(20) + "b_c-" + "9".repeat(19);
      const body = `Choose your password here: http://localhost:3000/invite/${token}\nOr reset: http://localhost:3000/reset/${token}`;
      db().transaction((tx) => queueEmail(tx, { ...email, body }, { now, smtp: true }));
      await deliverDueEmails({ now, send: smtpSender(`smtp://127.0.0.1:${server.port}`, "Loopwise <loopwise@test.invalid>") });
      // The mail server got the link whole (quoted-printable wraps long lines with "=").
      expect(server.received[0]!.data.replace(/=\r?\n/g, "")).toContain(`/invite/${token}`);
      expect(row().body).toBe(
        "Choose your password here: http://localhost:3000/invite/(removed once delivered)\nOr reset: http://localhost:3000/reset/(removed once delivered)",
      );
    } finally {
      await server.close();
    }
  });

  it("keeps an email the mail server can't take, tries it again later, and marks it failed after the last attempt", async () => {
    const port = await closedPort();
    const unreachable = smtpSender(`smtp://127.0.0.1:${port}`, "Loopwise <loopwise@test.invalid>");
    const start = new Date();
    queue(start);
    await deliverDueEmails({ now: start, send: unreachable });
    expect(row()).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: new Date(start.getTime() + 5 * MINUTE) });
    expect(row().lastError).toMatch(/ECONNREFUSED/);
    // Not due again before its time.
    expect(await deliverDueEmails({ now: new Date(start.getTime() + 4 * MINUTE), send: unreachable })).toEqual({ tried: 0, sent: 0 });

    // The server is back when it is tried again.
    const server = await startSmtpServer(port);
    try {
      await deliverDueEmails({ now: new Date(start.getTime() + 5 * MINUTE), send: unreachable });
      expect(row()).toMatchObject({ status: "sent", attempts: 2 });
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it("gives up after the last attempt, and never sends what was only for the outbox", async () => {
    let now = new Date();
    queue(now);
    queue(now, false);
    const refuse = async () => {
      throw new Error("550 mailbox unavailable");
    };
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDueEmails({ now, send: refuse });
      now = new Date(now.getTime() + 24 * 60 * MINUTE);
    }
    const [failed, kept] = db().select().from(outbox).all();
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null, lastError: "550 mailbox unavailable" });
    expect(kept).toMatchObject({ status: "outbox_only", attempts: 0 });
  });
});
