import type { Role } from "#db/schema";
import { recordAudit } from "#app/models/audit.server";
import { getUserForSignIn, normalizeEmail } from "#app/models/user.server";
import { db } from "#app/utils/db.server";
import { DUMMY_HASH, verifyPassword } from "#app/utils/password.server";
import { clearFailedSignIns, recordFailedSignIn, signInGate } from "#app/utils/rate-limit.server";
import { startSession } from "./session.server";

export type SignInResult =
  { ok: true; cookie: string; role: Role } | { ok: false; message: string; refused: boolean; retryAfterSeconds?: number };

/** Who a failed sign-in was made by, in the audit log: nobody known. */
export const NOT_SIGNED_IN = "Not signed in";

const WRONG = "That email and password don't match an active account.";

function minutes(ms: number) {
  const m = Math.max(1, Math.ceil(ms / 60_000));
  return `${m} minute${m === 1 ? "" : "s"}`;
}

/**
 * Checks a password, within the throttling rules of rate-limit.server.ts. `client` is the
 * address the request came from; `wait` holds an attempt on an account under attack (injected so
 * tests need not sleep).
 */
export async function signIn(input: {
  email: string;
  password: string;
  client: string;
  now: Date;
  wait?: (ms: number) => Promise<void>;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const audit = (summary: string) =>
    recordAudit(db(), {
      // The typed address and the client are recorded (what an admin investigating guessing
      // needs), never the password. The address goes in `after`, which an erasure can blank when
      // it turns out to be a candidate's; who and what an entry is about can never change.
      actor: { id: null, name: NOT_SIGNED_IN },
      at: input.now,
      action: "sign_in_failed",
      entityType: "sign_in",
      entityId: input.client,
      summary: `${summary} (from ${input.client})`,
      after: { email },
    });

  const gate = await signInGate(email, input.client);
  if (gate.refusedForMs > 0) {
    audit(
      gate.reason === "client"
        ? "Refused: too many failed sign-ins from this client"
        : "Refused: too many failures for this address from this client",
    );
    return {
      ok: false,
      refused: true,
      retryAfterSeconds: Math.ceil(gate.refusedForMs / 1000),
      message:
        gate.reason === "client"
          ? `Too many failed sign-ins from this network. Try again in ${minutes(gate.refusedForMs)}.`
          : `Too many failed attempts for this email from this device. Try again in ${minutes(gate.refusedForMs)}, or ask an admin to reset your password.`,
    };
  }
  if (gate.delayMs > 0) await (input.wait ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(gate.delayMs);

  const user = getUserForSignIn(email);
  // Same work and the same message whether the email is unknown, the password wrong, or the
  // person invited but without a password yet ("").
  const valid = await verifyPassword(input.password, user?.passwordHash || DUMMY_HASH);
  if (!user || !user.passwordHash || !valid || !user.active) {
    await recordFailedSignIn(email, input.client);
    audit(user ? "Wrong password" : "Unknown email address");
    return { ok: false, refused: false, message: WRONG };
  }
  await clearFailedSignIns(email, input.client);
  const cookie = await startSession(user.id);
  recordAudit(db(), {
    actor: { id: user.id, name: user.name },
    at: input.now,
    action: "sign_in",
    entityType: "user",
    entityId: user.id,
    summary: "Signed in",
  });
  return { ok: true, cookie, role: user.role };
}

export function recordSignOut(user: { id: number; name: string }, now: Date) {
  recordAudit(db(), { actor: user, at: now, action: "sign_out", entityType: "user", entityId: user.id, summary: "Signed out" });
}

/** A sign-in the identity provider proved, recorded as a password sign-in is, with its method. */
export function recordProviderSignIn(user: { id: number; name: string }, { provider, now }: { provider: string; now: Date }) {
  recordAudit(db(), {
    actor: { id: user.id, name: user.name },
    at: now,
    action: "sign_in",
    entityType: "user",
    entityId: user.id,
    summary: `Signed in with ${provider}`,
    after: { method: "identity_provider", provider },
  });
}

/**
 * A sign-in with the identity provider that was refused. Like a failed password sign-in it is
 * about no account (the address, when the provider gave one, goes in `after`, where an erasure
 * reaches it) and it is not counted towards throttling: the provider, not a guess, chose the
 * address.
 */
export function recordRefusedProviderSignIn(input: { provider: string; reason: string; email?: string; client: string; now: Date }) {
  recordAudit(db(), {
    actor: { id: null, name: NOT_SIGNED_IN },
    at: input.now,
    action: "sign_in_failed",
    entityType: "sign_in",
    entityId: input.client,
    summary: `Refused sign-in with ${input.provider}: ${input.reason} (from ${input.client})`,
    after: { ...(input.email ? { email: normalizeEmail(input.email) } : {}), method: "identity_provider" },
  });
}
