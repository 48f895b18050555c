// Every email the app sends is written here first, in the transaction of what caused it. With a
// mail server configured it is delivered from here and retried when the server can't be reached;
// without one, the outbox is where admins read it.
import { and, asc, count, desc, eq, lte } from "drizzle-orm";
import { outbox } from "#db/schema";
import { db, type Tx } from "#app/utils/db.server";
import { withoutAccountLinks } from "./account-rules";

export type Email = { toAddress: string; toName: string; subject: string; body: string };
export type SendEmail = (email: Email) => Promise<void>;

/** Waits after the 1st, 2nd, … failed attempt; after the last the email is marked failed. */
const RETRY_AFTER_MINUTES = [5, 15, 60, 180];
export const MAX_ATTEMPTS = RETRY_AFTER_MINUTES.length + 1;

export function queueEmail(tx: Tx, email: Email, { now, smtp }: { now: Date; smtp: boolean }) {
  return tx
    .insert(outbox)
    .values({ ...email, status: smtp ? "pending" : "outbox_only", nextAttemptAt: smtp ? now : null, createdAt: now })
    .returning({ id: outbox.id })
    .get();
}

/**
 * Tries every pending email that is due, one at a time, and records what happened: sent, or the
 * error and when it will be tried again (or, after the last attempt, failed for good).
 */
export async function deliverDueEmails({ now, send, limit = 50 }: { now: Date; send: SendEmail; limit?: number }) {
  const due = db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .all();
  let sent = 0;
  for (const email of due) {
    try {
      await send(email);
      db()
        .update(outbox)
        // Delivered: the account links in it have done their job here and are blanked.
        .set({
          status: "sent",
          sentAt: now,
          nextAttemptAt: null,
          attempts: email.attempts + 1,
          lastError: null,
          body: withoutAccountLinks(email.body),
        })
        .where(eq(outbox.id, email.id))
        .run();
      sent += 1;
    } catch (error) {
      const attempts = email.attempts + 1;
      const wait = RETRY_AFTER_MINUTES[attempts - 1];
      db()
        .update(outbox)
        .set({
          attempts,
          lastError: String((error as Error)?.message ?? error).slice(0, 500),
          status: wait === undefined ? "failed" : "pending",
          nextAttemptAt: wait === undefined ? null : new Date(now.getTime() + wait * 60_000),
        })
        .where(eq(outbox.id, email.id))
        .run();
    }
  }
  return { tried: due.length, sent };
}

export const OUTBOX_PAGE_SIZE = 50;

/** The outbox for admins, newest first. */
export function listOutbox({ offset }: { offset: number }) {
  const rows = db().select().from(outbox).orderBy(desc(outbox.id)).limit(OUTBOX_PAGE_SIZE).offset(offset).all();
  const total = db().select({ n: count() }).from(outbox).get()?.n ?? 0;
  return { rows, total };
}
