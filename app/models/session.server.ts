import { randomBytes } from "node:crypto";
import { and, eq, lt, ne } from "drizzle-orm";
import { sessions, type Role } from "#db/schema";
import { db, prepared } from "#app/utils/db.server";

export function createSession({ userId, expiresAt, now }: { userId: number; expiresAt: Date; now: Date }) {
  const id = randomBytes(24).toString("base64url");
  db().insert(sessions).values({ id, userId, expiresAt, createdAt: now }).run();
  // Expired rows are swept here rather than by a scheduler: sign-in is rare enough to afford it.
  db().delete(sessions).where(lt(sessions.expiresAt, now)).run();
  return id;
}

/** The signed-in user behind a session id, if the session is live and the user still active. */
export function getSessionUser(sessionId: string, now: Date) {
  // Every request asks this, so the statement is prepared once.
  const row = prepared(
    `select u.id, u.name, u.email, u.role, u.title, u.time_zone as timeZone from sessions s join users u on u.id = s.user_id
     where s.id = ? and s.expires_at > ? and u.active = 1`,
  ).get(sessionId, now.getTime()) as { id: number; name: string; email: string; role: Role; title: string; timeZone: string } | undefined;
  return row ?? null;
}

export function deleteSession(sessionId: string) {
  db().delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of this person, or every one but `except` (the one changing the password). */
export function deleteSessionsOfUser(userId: number, { except }: { except?: string | null } = {}) {
  db()
    .delete(sessions)
    .where(except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId))
    .run();
}

/** The signed-in user as every guard and model sees it. */
export type SessionUser = NonNullable<ReturnType<typeof getSessionUser>>;
