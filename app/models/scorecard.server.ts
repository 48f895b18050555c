import { eq } from "drizzle-orm";
import { scorecards, type ratings, type StageKey } from "#db/schema";
import { db, prepared } from "#app/utils/db.server";
import { refreshLoopAggregates } from "./aggregates.server";
import { recordAudit, type AuditActor } from "./audit.server";
import type { RatingChoice, ScorecardValue } from "./scorecard-schema";
import { scorecardWriteRefusal } from "./scorecard-rules";

type Scorecard = typeof scorecards.$inferSelect;
type Rating = typeof ratings.$inferSelect;

export type ScorecardSnapshot = {
  status: "draft" | "submitted";
  recommendation: string | null;
  takeaways: string;
  ratings: Record<string, { level: number | null; notAssessed: boolean; evidence: string }>;
  signals: Record<string, string>;
};

// The autosave path runs about once a second per interviewer, so its statements are prepared
// once and reused (db.prepared), and it reads the scorecard once.
const SQL_RATINGS =
  "select dimension_key as dimensionKey, level, not_assessed as notAssessed, evidence from ratings where scorecard_id = ? order by dimension_key";
const SQL_SIGNALS = "select signal_key as signalKey, note from scorecard_signals where scorecard_id = ? order by signal_key";

function readSnapshot(scorecardId: number): Omit<ScorecardSnapshot, "status" | "recommendation" | "takeaways"> {
  const rs = prepared(SQL_RATINGS).all(scorecardId) as {
    dimensionKey: string;
    level: number | null;
    notAssessed: number;
    evidence: string;
  }[];
  const ss = prepared(SQL_SIGNALS).all(scorecardId) as { signalKey: string; note: string }[];
  return {
    ratings: Object.fromEntries(
      rs.map((r) => [r.dimensionKey, { level: r.level, notAssessed: Boolean(r.notAssessed), evidence: r.evidence }]),
    ),
    signals: Object.fromEntries(ss.map((x) => [x.signalKey, x.note])),
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
    revision: card.revision,
    ...readSnapshot(card.id),
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
  | { ok: true; changed: boolean; status: "draft" | "submitted"; amended: boolean; savedAt: Date; revision: number }
  | { ok: false; message: string; conflict?: { revision: number; savedAt: Date } };

/** The revision a page's copy of the scorecard was loaded at, and the tab (a random id per page) it is in. */
export type SaveBase = { revision: number; tab: string | null };

export const CHANGED_IN_ANOTHER_TAB =
  "This scorecard was changed in another tab or window after this page loaded it, so these changes were not saved " +
  "and nothing was overwritten. What you entered here is still on this page.";

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
    /**
     * What the page's copy was loaded at. A save from a page whose copy is stale (another tab saved
     * since) is refused, so the last write never wins silently; a tab's own earlier saves don't
     * count against it, since they may still be in flight when it sends the next. Without a base
     * (a script), the save is not checked.
     */
    base?: SaveBase;
  },
): SaveResult {
  return db().transaction((tx) => {
    const { now } = input;
    const card = prepared(
      `select id, status, recommendation, takeaways, submitted_at as submittedAt, amendment_count as amendmentCount,
        updated_at as updatedAt, revision, saved_by_tab as savedByTab from scorecards where interview_id = ?`,
    ).get(input.interviewId) as
      | {
          id: number;
          status: "draft" | "submitted";
          recommendation: string | null;
          takeaways: string;
          submittedAt: number | null;
          amendmentCount: number;
          updatedAt: number;
          revision: number;
          savedByTab: string | null;
        }
      | undefined;
    const before: ScorecardSnapshot | null = card
      ? { status: card.status, recommendation: card.recommendation, takeaways: card.takeaways, ...readSnapshot(card.id) }
      : null;
    const status = input.submit ? "submitted" : "draft";
    const after: ScorecardSnapshot = {
      status,
      recommendation: input.value.recommendation ?? null,
      takeaways: input.value.takeaways.trim(),
      ...toSnapshotParts(input.value),
    };
    // The write rule again inside the transaction: what the page checked may have changed since.
    const target = getScorecardTarget(input.interviewId);
    if (!target) return { ok: false, message: "There is no such interview." };
    const unchanged = before !== null && JSON.stringify(before) === JSON.stringify(after);
    const refusal = scorecardWriteRefusal(target, { submit: input.submit, amend: input.amend, now, unchanged });
    if (refusal) return { ok: false, message: refusal };
    if (unchanged)
      return { ok: true, changed: false, status, amended: false, savedAt: new Date(card!.updatedAt), revision: card!.revision };
    const base = input.base;
    const stale =
      base &&
      card &&
      card.revision !== base.revision &&
      !(base.tab !== null && card.savedByTab === base.tab && card.revision > base.revision);
    if (stale)
      return { ok: false, message: CHANGED_IN_ANOTHER_TAB, conflict: { revision: card.revision, savedAt: new Date(card.updatedAt) } };
    // Nothing entered yet: don't create an empty draft that would read as "in progress".
    const empty = !Object.keys(after.ratings).length && !Object.keys(after.signals).length && !after.recommendation && !after.takeaways;
    if (!before && empty && !input.submit) return { ok: true, changed: false, status, amended: false, savedAt: now, revision: 0 };

    const amended = before?.status === "submitted";
    const at = now.getTime();
    const id =
      card?.id ??
      (
        prepared(
          `insert into scorecards (interview_id, interviewer_id, rubric_version_id, created_at, updated_at) values (?, ?, ?, ?, ?) returning id`,
        ).get(input.interviewId, input.interviewerId, input.rubricVersionId, at, at) as { id: number }
      ).id;
    prepared(
      `update scorecards set status = ?, recommendation = ?, takeaways = ?, submitted_at = ?, amended_at = coalesce(?, amended_at),
        amendment_count = amendment_count + ?, revision = revision + 1, saved_by_tab = ?, updated_at = ? where id = ?`,
    ).run(
      status,
      after.recommendation,
      after.takeaways,
      status === "submitted" ? (card?.submittedAt ?? at) : null,
      amended ? at : null,
      amended ? 1 : 0,
      input.base?.tab ?? null,
      at,
      id,
    );
    const revision = (card?.revision ?? 0) + 1;
    prepared("delete from ratings where scorecard_id = ?").run(id);
    const insertRating = prepared(
      "insert into ratings (scorecard_id, dimension_key, level, not_assessed, evidence) values (?, ?, ?, ?, ?)",
    );
    for (const [key, r] of Object.entries(after.ratings)) insertRating.run(id, key, r.level, r.notAssessed ? 1 : 0, r.evidence);
    prepared("delete from scorecard_signals where scorecard_id = ?").run(id);
    const insertSignal = prepared("insert into scorecard_signals (scorecard_id, signal_key, note) values (?, ?, ?)");
    for (const [key, note] of Object.entries(after.signals)) insertSignal.run(id, key, note);

    // Only submitted scorecards feed S, leniency and agreement; a draft changes none of them.
    if (status === "submitted") refreshLoopAggregates(loopIdOf(input.interviewId));
    // The log keeps the events that matter (a draft begun, a submission, each amendment with the
    // version before it in full), not every autosave while someone types.
    const action = amended ? "amend" : status === "submitted" ? "submit" : before ? null : "create";
    if (action) recordAudit(tx, { actor, at: now, action, entityType: "scorecard", entityId: id, before, after });
    return { ok: true, changed: true, status, amended, savedAt: now, revision };
  });
}

type SubmittedRow = {
  id: number;
  interviewId: number;
  interviewerId: number;
  interviewerName: string;
  stage: StageKey;
  recommendation: Scorecard["recommendation"];
  takeaways: string;
  submittedAt: number | null;
  amendmentCount: number;
};

// The loop's submitted scorecards, and their ratings and signals, each one prepared read by loop:
// the candidate page and the debrief ask for them on every view.
const SUBMITTED = `from scorecards s join interviews i on i.id = s.interview_id
  where i.loop_id = ? and s.status = 'submitted' and i.status != 'cancelled'`;

/** Submitted scorecards of a loop, with ratings and checked signals. Callers check visibility. */
export function listSubmittedScorecards({ loopId, exceptInterviewId }: { loopId: number; exceptInterviewId?: number }) {
  const cards = (
    prepared(
      `select s.id, s.interview_id as interviewId, s.interviewer_id as interviewerId,
         (select name from users where id = s.interviewer_id) as interviewerName, i.stage,
         s.recommendation, s.takeaways, s.submitted_at as submittedAt, s.amendment_count as amendmentCount
       ${SUBMITTED} order by i.scheduled_at, i.id`,
    ).all(loopId) as SubmittedRow[]
  ).filter((c) => c.interviewId !== exceptInterviewId);
  if (!cards.length) return [];
  const allRatings = prepared(
    `select r.scorecard_id as scorecardId, r.dimension_key as dimensionKey, r.level, r.evidence from ratings r
     where r.scorecard_id in (select s.id ${SUBMITTED}) order by r.scorecard_id, r.dimension_key`,
  ).all(loopId) as { scorecardId: number; dimensionKey: string; level: Rating["level"]; evidence: string }[];
  const allSignals = prepared(
    `select g.scorecard_id as scorecardId, g.signal_key as signalKey, g.note from scorecard_signals g
     where g.scorecard_id in (select s.id ${SUBMITTED}) order by g.scorecard_id, g.signal_key`,
  ).all(loopId) as { scorecardId: number; signalKey: string; note: string }[];
  return cards.map((c) => ({
    ...c,
    submittedAt: c.submittedAt === null ? null : new Date(c.submittedAt),
    ratings: allRatings
      .filter((r) => r.scorecardId === c.id)
      .map(({ dimensionKey, level, evidence }) => ({ dimensionKey, level, evidence })),
    signals: allSignals.filter((s) => s.scorecardId === c.id).map(({ signalKey, note }) => ({ signalKey, note })),
  }));
}

function loopIdOf(interviewId: number): number {
  return (prepared("select loop_id as loopId from interviews where id = ?").get(interviewId) as { loopId: number }).loopId;
}

/** What writing one interview's scorecard needs to know, in one read (the autosave path). */
export function getScorecardTarget(interviewId: number) {
  const row = prepared(
    `select i.id, i.interviewer_id as interviewerId, i.stage, i.status, i.scheduled_at as scheduledAt, l.status as loopStatus,
       coalesce(s.rubric_version_id, l.rubric_version_id) as rubricVersionId, s.status as scorecardStatus
     from interviews i join loops l on l.id = i.loop_id left join scorecards s on s.interview_id = i.id where i.id = ?`,
  ).get(interviewId) as
    | {
        id: number;
        interviewerId: number;
        stage: StageKey;
        status: string;
        scheduledAt: number;
        loopStatus: string;
        rubricVersionId: number;
        scorecardStatus: "draft" | "submitted" | null;
      }
    | undefined;
  return row ? { ...row, scheduledAt: new Date(row.scheduledAt) } : null;
}
