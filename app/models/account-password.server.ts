// A signed-in person changing their own password.
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { hashPassword, verifyPassword } from "#app/utils/password.server";
import { closeOpenLinks } from "./account-link.server";
import { recordAudit } from "./audit.server";
import { deleteSessionsOfUser } from "./session.server";

export type PasswordChange = { ok: true } | { ok: false; wrongCurrent: true };

/**
 * Replaces the password when the current one is right. Every other session of the person ends
 * (a stolen session dies with the old password); the one making the change stays signed in.
 */
export async function changePassword(
  user: { id: number; name: string },
  { currentPassword, newPassword, sessionId, now }: { currentPassword: string; newPassword: string; sessionId: string | null; now: Date },
): Promise<PasswordChange> {
  const stored = db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get()?.passwordHash ?? "";
  if (!stored || !(await verifyPassword(currentPassword, stored))) return { ok: false, wrongCurrent: true };
  const passwordHash = await hashPassword(newPassword);
  db().transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id)).run();
    closeOpenLinks(tx, user.id, now, "password_reset");
    recordAudit(tx, {
      actor: user,
      at: now,
      action: "password_change",
      entityType: "user",
      entityId: user.id,
      summary: "Changed their own password; their other sessions were ended",
      after: { password: "changed" },
    });
  });
  deleteSessionsOfUser(user.id, { except: sessionId });
  return { ok: true };
}
