// The account actions that touch throttling, sessions and the mailer around the models: changing
// one's password and asking for a reset link.
import { requestPasswordReset } from "#app/models/account-link.server";
import { changePassword } from "#app/models/account-password.server";
import { deliverOutbox, smtpConfigured } from "#app/models/mailer.server";
import { normalizeEmail } from "#app/models/user.server";
import { env } from "#app/utils/env.server";
import { clearFailedSignIns, passwordResetGate, recordFailedSignIn, signInGate } from "#app/utils/rate-limit.server";
import type { SessionUser } from "./session.server";

/** What a model that queues an account email needs: the time, whether SMTP is set, and PUBLIC_URL. */
export function accountMail(now: Date) {
  return { now, smtp: smtpConfigured(), appUrl: env().publicUrl };
}

/** After the email's transaction commits: delivery runs in the background, a page never waits on it. */
export function deliverSoon(mail: { now: Date; smtp: boolean }) {
  if (mail.smtp) void deliverOutbox(mail.now);
}

function minutes(ms: number) {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return `${m} minute${m === 1 ? "" : "s"}`;
}

export type ChangeOutcome = { ok: true } | { ok: false; field: "currentPassword"; message: string; retryAfterSeconds?: number };

/**
 * A wrong current password counts as a failed sign-in for this account and client, so a session
 * left open can't be used to guess the password any faster than the sign-in page allows.
 */
export async function changeOwnPassword(
  user: SessionUser,
  input: { currentPassword: string; newPassword: string; sessionId: string | null; client: string; now: Date },
): Promise<ChangeOutcome> {
  const gate = await signInGate(user.email, input.client);
  if (gate.refusedForMs > 0)
    return {
      ok: false,
      field: "currentPassword",
      message: `Too many wrong passwords. Try again in ${minutes(gate.refusedForMs)}.`,
      retryAfterSeconds: Math.ceil(gate.refusedForMs / 1000),
    };
  const result = await changePassword(user, input);
  if (!result.ok) {
    await recordFailedSignIn(user.email, input.client);
    return { ok: false, field: "currentPassword", message: "That isn't your current password" };
  }
  await clearFailedSignIns(user.email, input.client);
  return { ok: true };
}

/** What the forgot page says, whether or not the address belongs to anyone. */
export const RESET_REQUESTED =
  "If that address belongs to an active Loopwise account, a link to choose a new password is on its way. It works once, for an hour.";

export type ForgotOutcome = { ok: true } | { ok: false; message: string; retryAfterSeconds: number };

export async function forgotPassword({ email, client, now }: { email: string; client: string; now: Date }): Promise<ForgotOutcome> {
  const address = normalizeEmail(email);
  const gate = await passwordResetGate(address, client);
  if (gate.refusedForMs > 0)
    return {
      ok: false,
      message: `Too many reset requests from this network. Try again in ${minutes(gate.refusedForMs)}.`,
      retryAfterSeconds: Math.ceil(gate.refusedForMs / 1000),
    };
  if (!gate.mayEmail) return { ok: true };
  const mail = accountMail(now);
  // Delivery runs in the background, so an SMTP round trip can't tell a known address either.
  if (requestPasswordReset({ email: address, actor: null, client }, mail).sent) deliverSoon(mail);
  return { ok: true };
}
