import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { auditLog, users } from "#db/schema";
import { db, type Db, type Tx } from "#app/utils/db.server";

export type AuditActor = { id: number; name: string } | { id: null; name: string };
export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "submit"
  | "amend"
  | "remind"
  | "sign_in"
  | "sign_out"
  | "sign_in_failed"
  | "invite"
  | "invitation_accept"
  | "password_change"
  | "password_reset_request"
  | "password_reset";

/**
 * Appends one entry. Call it inside the same transaction as the change it describes, so the log
 * and the data can never disagree.
 */
export function recordAudit(
  tx: Tx | Db,
  entry: {
    actor: AuditActor;
    /** When the change happened: the request's time, passed down (models don't read the clock). */
    at: Date;
    action: AuditAction;
    entityType: string;
    entityId: number | string;
    summary?: string;
    before?: unknown;
    after?: unknown;
  },
) {
  tx.insert(auditLog)
    .values({
      at: entry.at,
      actorId: entry.actor.id,
      actorLabel: entry.actor.name,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      summary: entry.summary ?? "",
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

/** Only the fields that changed, so an entry reads as a diff rather than two full copies. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const was = before[key] instanceof Date ? (before[key] as Date).getTime() : before[key];
    const now = after[key] instanceof Date ? (after[key] as Date).getTime() : after[key];
    if (was !== now) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEntries({ entityType, beforeId }: { entityType?: string; beforeId?: number }) {
  const where: SQL[] = [];
  if (entityType) where.push(eq(auditLog.entityType, entityType));
  if (beforeId) where.push(lt(auditLog.id, beforeId));
  return db()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorLabel: auditLog.actorLabel,
      actorEmail: users.email,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      before: auditLog.before,
      after: auditLog.after,
      redacted: auditLog.redacted,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .all();
}
