import { and, asc, eq, ne } from "drizzle-orm";
import { users, type Role } from "#db/schema";
import { db } from "#app/utils/db.server";
import { hashPassword } from "#app/utils/password.server";
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

const listColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  title: users.title,
  role: users.role,
  timeZone: users.timeZone,
  active: users.active,
};

export function listUsers() {
  return db().select(listColumns).from(users).orderBy(asc(users.name)).all();
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

export function isEmailTaken(email: string, exceptUserId?: number) {
  const row = db()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
  return Boolean(row && row.id !== exceptUserId);
}

export async function createUser(
  actor: AuditActor,
  input: { name: string; email: string; title: string; role: Role; timeZone: string; password: string },
  now: Date,
) {
  const passwordHash = await hashPassword(input.password);
  return db().transaction((tx) => {
    const row = tx
      .insert(users)
      .values({ ...input, email: normalizeEmail(input.email), passwordHash, createdAt: now, updatedAt: now })
      .returning(listColumns)
      .get();
    // The password hash is deliberately left out of the audit entry.
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "user",
      entityId: row.id,
      summary: `Added user ${row.name} (${row.role})`,
      after: row,
    });
    return row;
  });
}

export function updateUser(
  actor: AuditActor,
  id: number,
  input: { name: string; email: string; title: string; role: Role; timeZone: string; active: boolean },
  now: Date,
) {
  const before = getUser(id);
  if (!before) return null;
  const next = { ...input, email: normalizeEmail(input.email) };
  const diff = changedFields(before, next);
  if (!diff.changed) return before;
  const after = db().transaction((tx) => {
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
    return row;
  });
  // A role change or deactivation takes effect at once, not when the cookie expires.
  if (before.role !== next.role || !next.active) deleteSessionsOfUser(id);
  return after;
}

export async function setPassword(actor: AuditActor, id: number, password: string, now: Date) {
  const passwordHash = await hashPassword(password);
  db().transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id)).run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "user",
      entityId: id,
      summary: "Password changed",
      after: { password: "changed" },
    });
  });
  deleteSessionsOfUser(id);
}
