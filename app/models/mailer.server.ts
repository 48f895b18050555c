import nodemailer from "nodemailer";
import { deliverDueEmails, type SendEmail } from "./outbox.server";
import { env } from "#app/utils/env.server";

/** Sends through the SMTP server at `url`, giving up on an unresponsive one within seconds. */
export function smtpSender(url: string, from: string): SendEmail {
  const transport = nodemailer.createTransport(
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from },
  );
  return async (email) => {
    await transport.sendMail({ to: { name: email.toName, address: email.toAddress }, subject: email.subject, text: email.body });
  };
}

let sender: SendEmail | undefined;
/** Whether email leaves the app (SMTP_URL is set) rather than staying in the outbox. */
export const smtpConfigured = () => Boolean(env().SMTP_URL);

let inFlight: Promise<void> | null = null;
let again = false;

/**
 * Delivers what is due, in the background of whoever asked: one pass at a time, and one more if
 * asked again meanwhile, so an email queued during a pass is not left for the next tick. Resolves
 * when done (the hourly job and tests wait for it; a page never does).
 */
export function deliverOutbox(now: Date): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) return Promise.resolve();
  sender ??= smtpSender(url, env().MAIL_FROM);
  if (inFlight) {
    again = true;
    return inFlight;
  }
  const run = async () => {
    do {
      again = false;
      await deliverDueEmails({ now, send: sender! });
    } while (again);
  };
  inFlight = run()
    .catch((error) => console.error("[loopwise] delivering the outbox failed", error))
    .finally(() => (inFlight = null));
  return inFlight;
}
