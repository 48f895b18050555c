import type { Role } from "#db/schema";
import { recordAudit } from "#app/models/audit.server";
import { getUserForSignIn, normalizeEmail } from "#app/models/user.server";
import { db } from "#app/utils/db.server";
import { DUMMY_HASH, verifyPassword } from "#app/utils/password.server";
import { clearFailedSignIns, recordFailedSignIn, signInLockedFor } from "#app/utils/rate-limit.server";
import { startSession } from "#app/utils/session.server";

export function homeFor(role: Role): string {
  return role === "interviewer" ? "/interviews" : "/candidates";
}

// Pages only the hiring team (or only admins) may open; an interviewer sent there after signing
// in would land on a 403, so they go to their own start page instead.
const RESTRICTED: { prefix: string; roles: Role[] }[] = [
  { prefix: "/candidates", roles: ["admin", "hiring_manager"] },
  { prefix: "/audit", roles: ["admin", "hiring_manager"] },
  { prefix: "/admin", roles: ["admin"] },
];

export function destinationAfterSignIn(redirectTo: string, role: Role): string {
  const path = redirectTo.split(/[?#]/)[0]!;
  const rule = RESTRICTED.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`));
  return rule && !rule.roles.includes(role) ? homeFor(role) : redirectTo;
}

type SignInResult = { ok: true; cookie: string; role: Role } | { ok: false; message: string; locked: boolean };

export async function signIn(rawEmail: string, password: string): Promise<SignInResult> {
  const email = normalizeEmail(rawEmail);
  const lockedMs = await signInLockedFor(email);
  if (lockedMs > 0) {
    recordAudit(db(), {
      actor: { id: null, name: email },
      action: "sign_in_failed",
      entityType: "sign_in",
      entityId: email,
      summary: "Sign-in refused: address locked after repeated failures",
    });
    const minutes = Math.ceil(lockedMs / 60_000);
    return {
      ok: false,
      locked: true,
      message: `Too many failed attempts for this email. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    };
  }
  const user = getUserForSignIn(email);
  // Same work and the same message whether the email is unknown or the password wrong.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.active) {
    await recordFailedSignIn(email);
    // The typed address is recorded (it is what an admin investigating guessing needs), never the password.
    recordAudit(db(), {
      actor: { id: null, name: email },
      action: "sign_in_failed",
      entityType: "sign_in",
      entityId: email,
      summary: user ? "Wrong password" : "Unknown email address",
    });
    return { ok: false, locked: false, message: "That email and password don't match an active account." };
  }
  await clearFailedSignIns(email);
  const cookie = await startSession(user.id);
  recordAudit(db(), {
    actor: { id: user.id, name: user.name },
    action: "sign_in",
    entityType: "user",
    entityId: user.id,
    summary: "Signed in",
  });
  return { ok: true, cookie, role: user.role };
}
