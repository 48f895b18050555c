import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { candidates, type CANDIDATE_SOURCES, decisions, interviews, loops, positions, scorecards } from "#db/schema";
import { db } from "#app/utils/db.server";
import { changedFields, recordAudit, type AuditActor } from "./audit.server";
import { touchAggregates } from "./aggregates.server";

export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];
export type CandidateInput = {
  name: string;
  email: string;
  positionId: number;
  source: CandidateSource;
  notes: string;
  /** Left out (by the seed and older callers), it stays as it is: empty for a new candidate. */
  panelSummary?: string;
};

export function listPositions() {
  return db()
    .select({ id: positions.id, key: positions.key, title: positions.title, team: positions.team, open: positions.open })
    .from(positions)
    .orderBy(asc(positions.title))
    .all();
}

export function getPosition(id: number) {
  return db().select().from(positions).where(eq(positions.id, id)).get() ?? null;
}

/**
 * One row per candidate with their latest loop's progress, counted in SQL so the list stays
 * fast with thousands of candidates.
 */
export function listCandidates({
  query,
  positionId,
  limit = 50,
  offset = 0,
  now,
}: {
  now: Date;
  query?: string;
  positionId?: number;
  limit?: number;
  offset?: number;
}) {
  const where: SQL[] = [sql`${candidates.erasedAt} is null`];
  if (positionId) where.push(eq(candidates.positionId, positionId));
  if (query) {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(sql`${candidates.name} like ${pattern} escape '\\'`, sql`${candidates.email} like ${pattern} escape '\\'`)!);
  }
  const latestLoop = sql<number | null>`(select max(l.id) from ${loops} l where l.candidate_id = ${candidates.id})`;
  const total =
    db()
      .select({ n: sql<number>`count(*)` })
      .from(candidates)
      .where(and(...where))
      .get()?.n ?? 0;
  // Newest first through the created_at index, so the per-row counts run only for this page.
  const rows = db()
    .select({
      id: candidates.id,
      name: candidates.name,
      email: candidates.email,
      source: candidates.source,
      positionTitle: positions.title,
      createdAt: candidates.createdAt,
      loopId: latestLoop,
      loopStatus: sql<string | null>`(select l.status from ${loops} l where l.id = ${latestLoop})`,
      interviewCount: sql<number>`(select count(*) from ${interviews} i where i.loop_id = ${latestLoop} and i.status != 'cancelled')`,
      submittedCount: sql<number>`(select count(*) from ${interviews} i join ${scorecards} s on s.interview_id = i.id
        where i.loop_id = ${latestLoop} and i.status != 'cancelled' and s.status = 'submitted')`,
      nextInterviewAt: sql<number | null>`(select min(i.scheduled_at) from ${interviews} i
        where i.loop_id = ${latestLoop} and i.status = 'scheduled' and i.scheduled_at > ${now.getTime()})`,
      decision: sql<string | null>`(select d.decision from ${decisions} d where d.loop_id = ${latestLoop})`,
    })
    .from(candidates)
    .innerJoin(positions, eq(positions.id, candidates.positionId))
    .where(and(...where))
    .orderBy(desc(candidates.createdAt), desc(candidates.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => ({ ...row, nextInterviewAt: row.nextInterviewAt ? new Date(row.nextInterviewAt) : null }));
  return { rows, total };
}

export function getCandidate(id: number) {
  return (
    db()
      .select({
        id: candidates.id,
        name: candidates.name,
        email: candidates.email,
        positionId: candidates.positionId,
        positionTitle: positions.title,
        source: candidates.source,
        notes: candidates.notes,
        panelSummary: candidates.panelSummary,
        createdAt: candidates.createdAt,
        updatedAt: candidates.updatedAt,
      })
      .from(candidates)
      .innerJoin(positions, eq(positions.id, candidates.positionId))
      .where(and(eq(candidates.id, id), sql`${candidates.erasedAt} is null`))
      .get() ?? null
  );
}

export function isCandidateEmailTaken(email: string, exceptId?: number) {
  const row = db().select({ id: candidates.id }).from(candidates).where(eq(candidates.email, email.trim().toLowerCase())).get();
  return Boolean(row && row.id !== exceptId);
}

export function createCandidate(actor: AuditActor & { id: number }, input: CandidateInput, now: Date) {
  return db().transaction((tx) => {
    const row = tx
      .insert(candidates)
      .values({ ...input, email: input.email.trim().toLowerCase(), createdById: actor.id, createdAt: now, updatedAt: now })
      .returning()
      .get();
    touchAggregates();
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "candidate",
      entityId: row.id,
      summary: `Added candidate ${row.name}`,
      after: {
        name: row.name,
        email: row.email,
        positionId: row.positionId,
        source: row.source,
        notes: row.notes,
        panelSummary: row.panelSummary,
      },
    });
    return row;
  });
}

export function updateCandidate(actor: AuditActor, id: number, input: CandidateInput, now: Date) {
  return db().transaction((tx) => {
    const before = tx.select().from(candidates).where(eq(candidates.id, id)).get();
    if (!before) return null;
    const next = { ...input, email: input.email.trim().toLowerCase() };
    const diff = changedFields(before, next);
    if (!diff.changed) return before;
    const row = tx
      .update(candidates)
      .set({ ...next, updatedAt: now })
      .where(eq(candidates.id, id))
      .returning()
      .get();
    // Compare and exports show the name.
    touchAggregates();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "candidate",
      entityId: id,
      summary: `Edited candidate ${row.name}`,
      before: diff.before,
      after: diff.after,
    });
    return row;
  });
}

/** The checks a schema can't make: they need the database. Null when there is nothing wrong. */
export function candidateConflicts(value: { email: string; positionId: number }, candidateId?: number) {
  const errors: Record<string, string[]> = {};
  if (isCandidateEmailTaken(value.email, candidateId)) errors.email = ["A candidate with this email already exists"];
  const position = getPosition(value.positionId);
  if (!position) errors.positionId = ["That position does not exist; choose one from the list"];
  return Object.keys(errors).length ? errors : null;
}
