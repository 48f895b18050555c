// Retention per position, candidates past it, and legal holds (the rule itself is retention.ts).
import { asc, eq, sql } from "drizzle-orm";
import { candidates, positions } from "#db/schema";
import { db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { retentionEnds } from "./retention";

export function listRetentionSettings() {
  return db()
    .select({
      id: positions.id,
      title: positions.title,
      open: positions.open,
      retentionMonths: positions.retentionMonths,
      // Written out: in a one-table select drizzle leaves columns unqualified, and "id" would be c.id.
      candidates: sql<number>`(select count(*) from candidates c where c.position_id = positions.id and c.erased_at is null)`,
    })
    .from(positions)
    .orderBy(asc(positions.title))
    .all();
}

export type SettingResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

export function setRetention(actor: AuditActor, positionId: number, retentionMonths: number, now: Date): SettingResult {
  return db().transaction((tx): SettingResult => {
    const before = tx.select().from(positions).where(eq(positions.id, positionId)).get();
    if (!before) return { ok: false, status: 404, message: "There is no such position." };
    if (before.retentionMonths === retentionMonths) return { ok: true };
    tx.update(positions).set({ retentionMonths }).where(eq(positions.id, positionId)).run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "position",
      entityId: positionId,
      summary: `Set retention for ${before.title} to ${retentionMonths} months`,
      before: { retentionMonths: before.retentionMonths },
      after: { retentionMonths },
    });
    return { ok: true };
  });
}

type RetentionRow = {
  id: number;
  name: string;
  positionTitle: string;
  retentionMonths: number;
  addedAt: number;
  lastClosedAt: number | null;
  lastDecidedAt: number | null;
  openLoops: number;
  legalHoldAt: number | null;
  legalHoldReason: string;
};

function retentionRows(candidateId?: number) {
  return db()
    .all<RetentionRow>(
      sql`select c.id, c.name, p.title as positionTitle, p.retention_months as retentionMonths, c.created_at as addedAt,
        (select max(l.closed_at) from loops l where l.candidate_id = c.id) as lastClosedAt,
        (select max(d.decided_at) from decisions d join loops l on l.id = d.loop_id where l.candidate_id = c.id) as lastDecidedAt,
        (select count(*) from loops l where l.candidate_id = c.id and l.status = 'open') as openLoops,
        c.legal_hold_at as legalHoldAt, c.legal_hold_reason as legalHoldReason
      from candidates c join positions p on p.id = c.position_id
      where c.erased_at is null ${candidateId ? sql`and c.id = ${candidateId}` : sql``}`,
    )
    .map((r) => {
      const date = (ms: number | null) => (ms === null ? null : new Date(ms));
      const facts = {
        retentionMonths: r.retentionMonths,
        addedAt: new Date(r.addedAt),
        lastClosedAt: date(r.lastClosedAt),
        lastDecidedAt: date(r.lastDecidedAt),
        openLoop: r.openLoops > 0,
      };
      return {
        id: r.id,
        name: r.name,
        positionTitle: r.positionTitle,
        ...facts,
        keptUntil: retentionEnds(facts),
        legalHold: r.legalHoldAt === null ? null : { at: new Date(r.legalHoldAt), reason: r.legalHoldReason },
      };
    });
}

/** Candidates whose data is past retention, longest overdue first; those on legal hold apart. */
export function listPastRetention(now: Date) {
  const rows = retentionRows();
  const due = rows
    .filter((r) => !r.legalHold && r.keptUntil !== null && r.keptUntil <= now)
    .sort((a, b) => a.keptUntil!.getTime() - b.keptUntil!.getTime() || a.id - b.id);
  const held = rows.filter((r) => r.legalHold).sort((a, b) => a.legalHold!.at.getTime() - b.legalHold!.at.getTime());
  return { due, held };
}

/** One candidate's retention: until when, and whether a hold keeps them longer. */
export function candidateRetention(candidateId: number) {
  return retentionRows(candidateId)[0] ?? null;
}

export function setLegalHold(actor: AuditActor, candidateId: number, input: { reason: string }, now: Date): SettingResult {
  return db().transaction((tx): SettingResult => {
    const c = tx.select().from(candidates).where(eq(candidates.id, candidateId)).get();
    if (!c || c.erasedAt) return { ok: false, status: 404, message: "There is no such candidate." };
    if (c.legalHoldAt) return { ok: false, status: 409, message: "This candidate is already under a legal hold." };
    tx.update(candidates)
      .set({ legalHoldAt: now, legalHoldReason: input.reason, updatedAt: now })
      .where(eq(candidates.id, candidateId))
      .run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "candidate",
      entityId: candidateId,
      summary: `Placed candidate #${candidateId} under a legal hold: no erasure until it is lifted`,
      after: { legalHold: true, reason: input.reason },
    });
    return { ok: true };
  });
}

export function liftLegalHold(actor: AuditActor, candidateId: number, now: Date): SettingResult {
  return db().transaction((tx): SettingResult => {
    const c = tx.select().from(candidates).where(eq(candidates.id, candidateId)).get();
    if (!c || c.erasedAt) return { ok: false, status: 404, message: "There is no such candidate." };
    if (!c.legalHoldAt) return { ok: false, status: 409, message: "This candidate is not under a legal hold." };
    tx.update(candidates).set({ legalHoldAt: null, legalHoldReason: "", updatedAt: now }).where(eq(candidates.id, candidateId)).run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "candidate",
      entityId: candidateId,
      summary: `Lifted the legal hold on candidate #${candidateId}`,
      before: { legalHold: true, reason: c.legalHoldReason },
      after: { legalHold: false },
    });
    return { ok: true };
  });
}
