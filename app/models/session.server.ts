import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { sessions, users } from "#db/schema";
import { db } from "#app/utils/db.server";

export function createSession({ userId, expiresAt, now }: { userId: number; expiresAt: Date; now: Date }) {
  const id = randomBytes(24).toString("base64url");
  db().insert(sessions).values({ id, userId, expiresAt, createdAt: now }).run();
  // Expired rows are swept here rather than by a scheduler: sign-in is rare enough to afford it.
  db().delete(sessions).where(lt(sessions.expiresAt, now)).run();
  return id;
}

/** The signed-in user behind a session id, if the session is live and the user still active. */
export function getSessionUser(sessionId: string, now: Date) {
  return (
    db()
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        title: users.title,
        timeZone: users.timeZone,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now), eq(users.active, true)))
      .get() ?? null
  );
}

export function deleteSession(sessionId: string) {
  db().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function deleteSessionsOfUser(userId: number) {
  db().delete(sessions).where(eq(sessions.userId, userId)).run();
}
