import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { interviews, ratings, scorecards, scorecardSignals, users } from "#db/schema";
import { db, prepared, type Tx } from "#app/utils/db.server";
import { refreshLoopAggregates } from "./aggregates.server";
import { recordAudit, type AuditActor } from "./audit.server";
import type { RatingChoice, ScorecardValue } from "./scorecard-schema";

export type ScorecardSnapshot = {
  status: "draft" | "submitted";
  recommendation: string | null;
  takeaways: string;
  ratings: Record<string, { level: number | null; notAssessed: boolean; evidence: string }>;
  signals: Record<string, string>;
};

function readSnapshot(
  tx: Tx | ReturnType<typeof db>,
  scorecardId: number,
): Omit<ScorecardSnapshot, "status" | "recommendation" | "takeaways"> {
  const rs = tx.select().from(ratings).where(eq(ratings.scorecardId, scorecardId)).orderBy(asc(ratings.dimensionKey)).all();
  const ss = tx
    .select()
    .from(scorecardSignals)
    .where(eq(scorecardSignals.scorecardId, scorecardId))
    .orderBy(asc(scorecardSignals.signalKey))
    .all();
  return {
    ratings: Object.fromEntries(rs.map((r) => [r.dimensionKey, { level: r.level, notAssessed: r.notAssessed, evidence: r.evidence }])),
    signals: Object.fromEntries(ss.map((s) => [s.signalKey, s.note])),
  };
}

/** The scorecard of one interview, as its form needs it (null before the first save). */
export function getScorecard(interviewId: number) {
  const card = db().select().from(scorecards).where(eq(scorecards.interviewId, interviewId)).get();
  if (!card) return null;
  return {
    id: card.id,
    status: card.status,
    recommendation: card.recommendation,
    takeaways: card.takeaways,
    submittedAt: card.submittedAt,
    amendedAt: card.amendedAt,
    amendmentCount: card.amendmentCount,
    updatedAt: card.updatedAt,
    rubricVersionId: card.rubricVersionId,
    ...readSnapshot(db(), card.id),
  };
}

function toSnapshotParts(value: ScorecardValue) {
  const rating = value.rating as Record<string, RatingChoice | undefined>;
  const evidence = value.evidence as Record<string, string | undefined>;
  const notes = value.note as Record<string, string | undefined>;
  const keys = new Set([...Object.keys(rating), ...Object.keys(evidence)]);
  const rows: ScorecardSnapshot["ratings"] = {};
  for (const key of [...keys].sort()) {
    const choice = rating[key];
    const text = evidence[key]?.trim() ?? "";
    if (!choice && !text) continue;
    rows[key] = { level: choice && choice !== "na" ? Number(choice) : null, notAssessed: choice === "na", evidence: text };
  }
  const signals = Object.fromEntries([...new Set(value.signals)].sort().map((k) => [k, notes[k]?.trim() ?? ""]));
  return { ratings: rows, signals };
}

export type SaveResult =
  { ok: true; changed: boolean; status: "draft" | "submitted"; amended: boolean; savedAt: Date } | { ok: false; message: string };

export const SUBMITTED_NEEDS_AMEND =
  "This scorecard has already been submitted (perhaps from another tab), so these changes were not saved. " +
  "Reload to see it; to change it, choose Amend and submit the amendment.";

/**
 * Saves a draft or submits. Idempotent: saving what is already stored writes nothing. A submitted
 * scorecard changes only through an explicit amendment (`amend`) that is submitted, and so has
 * passed the submit validation; a draft save or a plain submit from a stale tab is refused inside
 * the transaction, so it can never overwrite what was submitted. The audit log keeps the version
 * before an amendment in full.
 */
export function saveScorecard(
  actor: AuditActor,
  input: {
    interviewId: number;
    interviewerId: number;
    rubricVersionId: number;
    value: ScorecardValue;
    submit: boolean;
    amend: boolean;
    now: Date;
  },
): SaveResult {
  return db().transaction((tx) => {
    const { now } = input;
    let card = tx.select().from(scorecards).where(eq(scorecards.interviewId, input.interviewId)).get();
    const before: ScorecardSnapshot | null = card
      ? { status: card.status, recommendation: card.recommendation, takeaways: card.takeaways, ...readSnapshot(tx, card.id) }
      : null;
    const status = input.submit ? "submitted" : "draft";
    const after: ScorecardSnapshot = {
      status,
      recommendation: input.value.recommendation ?? null,
      takeaways: input.value.takeaways.trim(),
      ...toSnapshotParts(input.value),
    };
    // Submitting exactly what is stored (a double click) is harmless; any other write to a
    // submitted card needs the amend page.
    if (before && JSON.stringify(before) === JSON.stringify(after))
      return { ok: true, changed: false, status, amended: false, savedAt: card!.updatedAt };
    if (before?.status === "submitted" && !(input.submit && input.amend)) return { ok: false, message: SUBMITTED_NEEDS_AMEND };
    // Nothing entered yet: don't create an empty draft that would read as "in progress".
    const empty = !Object.keys(after.ratings).length && !Object.keys(after.signals).length && !after.recommendation && !after.takeaways;
    if (!before && empty && !input.submit) return { ok: true, changed: false, status, amended: false, savedAt: now };

    const amended = before?.status === "submitted";
    if (!card) {
      card = tx
        .insert(scorecards)
        .values({ interviewId: input.interviewId, interviewerId: input.interviewerId, rubricVersionId: input.rubricVersionId })
        .returning()
        .get();
    }
    tx.update(scorecards)
      .set({
        status,
        recommendation: after.recommendation as ScorecardValue["recommendation"] | null,
        takeaways: after.takeaways,
        submittedAt: status === "submitted" ? (card.submittedAt ?? now) : null,
        amendedAt: amended ? now : card.amendedAt,
        amendmentCount: card.amendmentCount + (amended ? 1 : 0),
        revision: card.revision + 1,
        updatedAt: now,
      })
      .where(eq(scorecards.id, card.id))
      .run();
    tx.delete(ratings).where(eq(ratings.scorecardId, card.id)).run();
    const ratingRows = Object.entries(after.ratings).map(([dimensionKey, r]) => ({ scorecardId: card!.id, dimensionKey, ...r }));
    if (ratingRows.length) tx.insert(ratings).values(ratingRows).run();
    tx.delete(scorecardSignals).where(eq(scorecardSignals.scorecardId, card.id)).run();
    const signalRows = Object.entries(after.signals).map(([signalKey, note]) => ({ scorecardId: card!.id, signalKey, note }));
    if (signalRows.length) tx.insert(scorecardSignals).values(signalRows).run();

    // Only submitted scorecards feed S, leniency and agreement; a draft changes none of them.
    if (status === "submitted") refreshLoopAggregates(loopIdOf(input.interviewId));
    recordAudit(tx, {
      actor,
      at: now,
      action: amended ? "amend" : input.submit && before?.status !== "submitted" ? "submit" : before ? "update" : "create",
      entityType: "scorecard",
      entityId: card.id,
      before,
      after,
    });
    return { ok: true, changed: true, status, amended, savedAt: now };
  });
}

/** Submitted scorecards of a loop, with ratings and checked signals. Callers check visibility. */
export function listSubmittedScorecards({ loopId, exceptInterviewId }: { loopId: number; exceptInterviewId?: number }) {
  const cards = db()
    .select({
      id: scorecards.id,
      interviewId: scorecards.interviewId,
      interviewerId: scorecards.interviewerId,
      interviewerName: users.name,
      stage: interviews.stage,
      recommendation: scorecards.recommendation,
      takeaways: scorecards.takeaways,
      submittedAt: scorecards.submittedAt,
      amendmentCount: scorecards.amendmentCount,
    })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .innerJoin(users, eq(users.id, scorecards.interviewerId))
    .where(
      and(
        eq(interviews.loopId, loopId),
        eq(scorecards.status, "submitted"),
        ne(interviews.status, "cancelled"),
        exceptInterviewId ? ne(scorecards.interviewId, exceptInterviewId) : undefined,
      ),
    )
    .orderBy(asc(interviews.scheduledAt))
    .all();
  if (!cards.length) return [];
  const ids = cards.map((c) => c.id);
  const allRatings = db().select().from(ratings).where(inArray(ratings.scorecardId, ids)).all();
  const allSignals = db().select().from(scorecardSignals).where(inArray(scorecardSignals.scorecardId, ids)).all();
  return cards.map((c) => ({
    ...c,
    ratings: allRatings
      .filter((r) => r.scorecardId === c.id)
      .map(({ dimensionKey, level, evidence }) => ({ dimensionKey, level, evidence })),
    signals: allSignals.filter((s) => s.scorecardId === c.id).map(({ signalKey, note }) => ({ signalKey, note })),
  }));
}

function loopIdOf(interviewId: number): number {
  return (prepared("select loop_id as loopId from interviews where id = ?").get(interviewId) as { loopId: number }).loopId;
}
