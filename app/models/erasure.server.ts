// Erasing a candidate on request (or once past retention): their name, email and notes and every
// piece of free text about them are removed everywhere, audit entries included; their ratings stay,
// attached to a record that no longer names anyone, so calibration keeps its evidence. A legal
// hold stops it. The audit log records that an erasure happened, by whom and when, and nothing of
// what was erased.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { assignments, auditLog, candidates, interviews, loops, positions } from "#db/schema";
import { db, markScrubPending, prepared, scrubFreedPages } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { refreshLoopAggregates, touchAggregates } from "./aggregates.server";
import { auditEntriesNaming, FREE_TEXT, identitiesOf, SCOPES } from "./candidate-data.server";
import { ERASURE_REASONS, type ErasureReason } from "./erasure-schema";
import { eraseSelfIdentification } from "./self-identification.server";
import { removeArchive } from "#app/utils/uploads.server";

export const ERASED_NAME = "Erased candidate";
/** What an erasure writes in place of the name in an audit summary (the audit trigger looks for it). */
export const ERASED_MARK = "[erased]";

function candidateRecord(id: number) {
  return (
    db()
      .select({
        id: candidates.id,
        name: candidates.name,
        email: candidates.email,
        notes: candidates.notes,
        positionTitle: positions.title,
        erasedAt: candidates.erasedAt,
        legalHoldAt: candidates.legalHoldAt,
        legalHoldReason: candidates.legalHoldReason,
      })
      .from(candidates)
      .innerJoin(positions, eq(positions.id, candidates.positionId))
      .where(eq(candidates.id, id))
      .get() ?? null
  );
}

const count = (text: string, params: Record<string, number>) => (prepared(text).get(params) as { n: number }).n;

/** What erasing this candidate would remove and keep, for the confirmation page. */
export function erasurePlan(candidateId: number, now: Date) {
  const candidate = candidateRecord(candidateId);
  if (!candidate) return null;
  if (candidate.erasedAt) return { candidate, erased: true as const };
  const n = (text: string) => count(text, { candidate: candidateId, now: now.getTime() });
  const audit = auditEntriesNaming(candidateId, needlesOf(identities(candidate))).length;
  const erase = [
    "Their name, email address, recruiter notes and summary for the panel",
    ...FREE_TEXT.flatMap((f) => {
      const found = n(`select count(*) as n from ${f.table} where coalesce(${f.column}, '') != '' and ${f.where}`);
      return found ? [f.says(found)] : [];
    }),
    ...(audit ? [`Their name and what changed in ${audit} audit entr${audit === 1 ? "y" : "ies"} (who did what, and when, stay)`] : []),
  ];
  const keep = {
    ratings: n(`select count(*) as n from ratings where level is not null and scorecard_id in (${SCOPES.SCORECARDS})`),
    scorecards: n(`select count(*) as n from scorecards where id in (${SCOPES.SCORECARDS})`),
    interviews: n(`select count(*) as n from interviews where id in (${SCOPES.INTERVIEWS})`),
    decisions: n(`select count(*) as n from decisions where loop_id in (${SCOPES.LOOPS})`),
  };
  const upcoming = n(`select count(*) as n from interviews where id in (${SCOPES.INTERVIEWS}) and status = 'scheduled'
    and scheduled_at > @now and loop_id in (select id from loops where status = 'open')`);
  return { candidate, erased: false as const, erase, keep, upcoming };
}

export type ErasurePlan = NonNullable<ReturnType<typeof erasurePlan>>;

/**
 * What the candidate is known by: every name and address they have had, as typed and as JSON
 * writes it inside before/after, longest first (so "Ana Lima" is replaced whole before "Ana Li"
 * could take part of it).
 */
function identities(c: { id: number; name: string; email: string }) {
  const { names, emails } = identitiesOf(c);
  const forms = [...names, ...emails].flatMap((s) => [s.trim(), JSON.stringify(s.trim()).slice(1, -1)]);
  return [...new Set(forms)].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** What the audit log is searched for: a name shorter than 3 characters would match everywhere. */
const needlesOf = (identities: string[]) => identities.filter((s) => s.length >= 3);

export type ErasureResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

export function eraseCandidate(actor: AuditActor & { id: number }, candidateId: number, reason: ErasureReason, now: Date): ErasureResult {
  // A take-home archive is a file, outside the transaction: removed once the erasure has committed.
  const archives = (
    prepared(
      `select stored_name as name from take_home_submissions where stored_name is not null and assignment_id in (${SCOPES.ASSIGNMENTS})`,
    ).all({ candidate: candidateId }) as { name: string }[]
  ).map((r) => r.name);
  const result = db().transaction((tx): ErasureResult => {
    const c = candidateRecord(candidateId);
    if (!c) return { ok: false, status: 404, message: "There is no such candidate." };
    if (c.erasedAt)
      return {
        ok: false,
        status: 409,
        message: `This candidate was already erased on ${c.erasedAt.toISOString().slice(0, 10)}; there is nothing left to erase.`,
      };
    if (c.legalHoldAt)
      return {
        ok: false,
        status: 409,
        message: `This candidate is under a legal hold${c.legalHoldReason ? ` (${c.legalHoldReason})` : ""}. Lift the hold before erasing.`,
      };
    const counts: Record<string, number> = {};
    for (const f of FREE_TEXT)
      counts[f.table] = prepared(
        `update ${f.table} set ${f.column} = ${f.blank ?? "''"} where coalesce(${f.column}, '') != '' and ${f.where}`,
      ).run({
        candidate: candidateId,
      }).changes;
    const redacted = redactAuditEntries(candidateId, identities(c));
    // Until the file is scrubbed (after commit), freed pages may still hold what was just blanked.
    markScrubPending();

    // The candidate's open loop ends here: upcoming interviews are cancelled, links stop working.
    const open = tx
      .select({ id: loops.id })
      .from(loops)
      .where(and(eq(loops.candidateId, candidateId), eq(loops.status, "open")))
      .all();
    for (const loop of open) {
      tx.update(interviews)
        .set({ status: "cancelled", updatedAt: now })
        .where(and(eq(interviews.loopId, loop.id), eq(interviews.status, "scheduled"), sql`${interviews.scheduledAt} > ${now.getTime()}`))
        .run();
      tx.update(loops).set({ status: "closed", closedAt: now, updatedAt: now }).where(eq(loops.id, loop.id)).run();
    }
    for (const a of tx
      .select({ id: assignments.id, status: assignments.status })
      .from(assignments)
      .where(eq(assignments.candidateId, candidateId))
      .all())
      tx.update(assignments)
        .set({
          tokenId: randomUUID(),
          commentDraft: null,
          status: a.status === "assigned" || a.status === "started" ? "revoked" : a.status,
          updatedAt: now,
        })
        .where(eq(assignments.id, a.id))
        .run();
    // Their self-identification goes whole; bias-audit reports already produced hold only totals.
    const selfIdentification = eraseSelfIdentification(tx, candidateId);
    tx.update(candidates)
      .set({
        name: ERASED_NAME,
        email: `erased-${candidateId}@erased.invalid`,
        notes: "",
        panelSummary: "",
        legalHoldReason: "",
        erasedAt: now,
        updatedAt: now,
      })
      .where(eq(candidates.id, candidateId))
      .run();
    for (const loop of tx.select({ id: loops.id }).from(loops).where(eq(loops.candidateId, candidateId)).all())
      refreshLoopAggregates(loop.id);
    touchAggregates();
    recordAudit(tx, {
      actor,
      at: now,
      action: "delete",
      entityType: "candidate",
      entityId: candidateId,
      summary: `Erased candidate #${candidateId}: ${ERASURE_REASONS[reason].toLowerCase()}`,
      after: {
        erased: true,
        reason,
        blanked: counts,
        auditEntriesRedacted: redacted,
        loopsClosed: open.length,
        selfIdentificationDeleted: selfIdentification,
        archives: archives.length,
      },
    });
    prepared(`update take_home_submissions set stored_name = null where assignment_id in (${SCOPES.ASSIGNMENTS})`).run({
      candidate: candidateId,
    });
    return { ok: true };
  });
  if (!result.ok) return result;
  for (const name of archives) removeArchive(name);
  // Blanked text lives on in freed pages and in the WAL's older frames: rebuild the file from what
  // is left and empty the WAL (docs/decisions/006-erasure-scrubs-the-file.md).
  scrubFreedPages();
  return result;
}

/**
 * The one update the audit log allows: before/after blanked, each of the candidate's names and
 * addresses in the summary replaced with the erasure mark; and, for a failed sign-in from before
 * typed addresses moved into `after`, who and what the entry is about, which held the address
 * (db/migrations/0009 lets exactly that change).
 */
function redactAuditEntries(candidateId: number, names: string[]) {
  const entries = auditEntriesNaming(candidateId, needlesOf(names));
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A short name ("Li") is replaced only as a whole word, in the entries found by their records.
  const word = (n: string) => (n.length >= 3 ? escape(n) : `(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`);
  const pattern = names.length ? new RegExp(names.map(word).join("|"), "giu") : null;
  const scrub = (text: string) => (pattern ? text.replace(pattern, ERASED_MARK) : text);
  for (const e of entries) {
    // Only a failed sign-in has an address as who or what: a colleague's label is their own
    // name, and a record's id is a number.
    const nameless = (text: string, may: boolean) => (may && scrub(text) !== text ? ERASED_MARK : text);
    db()
      .update(auditLog)
      .set({
        redacted: true,
        before: null,
        after: null,
        summary: scrub(e.summary),
        actorLabel: nameless(e.actorLabel, e.actorId === null),
        entityId: nameless(e.entityId, e.entityType === "sign_in"),
      })
      .where(eq(auditLog.id, e.id))
      .run();
  }
  return entries.length;
}
