import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { users, type Role } from "#db/schema";
import { db, type Tx } from "#app/utils/db.server";
import { closeOpenLinks, inviteNewUser } from "./account-link.server";
import { changedFields, recordAudit, type AuditActor } from "./audit.server";
import { deleteSessionsOfUser } from "./session.server";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export function getUserForSignIn(email: string) {
  return (
    db()
      .select({ id: users.id, name: users.name, role: users.role, passwordHash: users.passwordHash, active: users.active })
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
      .get() ?? null
  );
}

/**
 * The account an identity provider's verified address belongs to, matched without regard to case
 * (providers keep the capitals people typed; addresses here are stored lower-cased, but one
 * written before that was enforced would otherwise be missed). Active or not: the caller says
 * which refusal applies.
 */
export function getUserForProviderSignIn(email: string) {
  return (
    db()
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
      .from(users)
      .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
      .get() ?? null
  );
}

const listColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  title: users.title,
  role: users.role,
  timeZone: users.timeZone,
  country: users.country,
  active: users.active,
};

export function listUsers() {
  return db()
    .select({ ...listColumns, invited: sql<number>`${users.passwordHash} = ''` })
    .from(users)
    .orderBy(asc(users.name))
    .all()
    .map((u) => ({ ...u, invited: Boolean(u.invited) }));
}

export function getUser(id: number) {
  return db().select(listColumns).from(users).where(eq(users.id, id)).get() ?? null;
}

/** Active people who can be put on a panel. Hiring managers interview too. */
export function listPanelists() {
  return db()
    .select({ id: users.id, name: users.name, title: users.title, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), ne(users.role, "admin")))
    .orderBy(asc(users.name))
    .all();
}

/** Name, time zone and country of these people: what scheduling warnings need. */
export function getSchedulingPeople(ids: number[]) {
  if (!ids.length) return new Map<number, { name: string; timeZone: string; country: string }>();
  const rows = db()
    .select({ id: users.id, name: users.name, timeZone: users.timeZone, country: users.country })
    .from(users)
    .where(inArray(users.id, ids))
    .all();
  return new Map(rows.map(({ id, ...person }) => [id, person]));
}

export function isEmailTaken(email: string, exceptUserId?: number) {
  const row = db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
  return Boolean(row && row.id !== exceptUserId);
}

/**
 * Adds someone without a password and sends them an invitation to choose one (account-link.server.ts),
 * in one transaction: nobody is added whose invitation wasn't written to the outbox.
 */
export function createUser(
  actor: AuditActor & { id: number },
  input: { name: string; email: string; title: string; role: Role; timeZone: string; country: string },
  mail: { now: Date; smtp: boolean; appUrl: string },
) {
  const { now } = mail;
  return db().transaction((tx) => {
    const row = tx
      .insert(users)
      .values({ ...input, email: normalizeEmail(input.email), passwordHash: "", createdAt: now, updatedAt: now })
      .returning(listColumns)
      .get();
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "user",
      entityId: row.id,
      summary: `Added user ${row.name} (${row.role})`,
      after: row,
    });
    const invitationExpiresAt = inviteNewUser(tx, actor, row, mail);
    return { user: row, invitationExpiresAt };
  });
}

type UserRow = NonNullable<ReturnType<typeof getUser>>;
type UserChange = { name: string; email: string; title: string; role: Role; timeZone: string; country: string; active: boolean };

/**
 * What would lock the organisation out of its own admin pages, by form field. An admin never
 * demotes or deactivates themselves (another admin does), and no change may leave no active admin
 * at all: two admins demoting each other at the same moment must not both succeed.
 */
function adminLockout(tx: Tx, actorId: number | null, before: { id: number; role: Role; active: boolean }, next: UserChange) {
  const errors: Record<string, string[]> = {};
  if (before.id === actorId && next.role !== "admin") errors.role = ["You can't remove your own admin role; ask another admin"];
  if (before.id === actorId && !next.active) errors.active = ["You can't deactivate your own account"];
  const removesAdmin = before.role === "admin" && before.active && (next.role !== "admin" || !next.active);
  if (removesAdmin && !Object.keys(errors).length) {
    const others = tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, before.id)))
      .get();
    if (!others?.n)
      errors[next.role !== "admin" ? "role" : "active"] = ["Nobody else could then manage users; make someone else an admin first"];
  }
  return errors;
}

/** Saves an admin's edit of a user, or says by field why it can't (email taken, admin lock-out). */
export function updateUser(
  actor: AuditActor,
  id: number,
  input: UserChange,
  now: Date,
): { ok: true; user: UserRow } | { ok: false; fieldErrors: Record<string, string[]> } | null {
  const next = { ...input, email: normalizeEmail(input.email) };
  const result = db().transaction((tx) => {
    const before = tx.select(listColumns).from(users).where(eq(users.id, id)).get();
    if (!before) return null;
    const fieldErrors = adminLockout(tx, actor.id, before, next);
    if (isEmailTaken(next.email, id)) fieldErrors.email = ["Someone else already signs in with this email"];
    if (Object.keys(fieldErrors).length) return { ok: false as const, fieldErrors };
    const diff = changedFields(before, next);
    if (!diff.changed) return { ok: true as const, user: before, before };
    const row = tx
      .update(users)
      .set({ ...next, updatedAt: now })
      .where(eq(users.id, id))
      .returning(listColumns)
      .get();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "user",
      entityId: id,
      summary: `Edited user ${row.name}`,
      before: diff.before,
      after: diff.after,
    });
    // Links already emailed went to the old address: an invitation is sent again to the new one.
    if ("email" in diff.after) closeOpenLinks(tx, id, now);
    return { ok: true as const, user: row, before };
  });
  if (!result?.ok) return result;
  // A role change or deactivation takes effect at once, not when the cookie expires.
  if (result.before.role !== next.role || !next.active) deleteSessionsOfUser(id);
  return { ok: true, user: result.user };
}
