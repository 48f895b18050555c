// Reminders for owed scorecards: who owes one (the rule is interview-status.ts's), and sending a
// reminder, by the hiring team or automatically, at most once a day per scorecard.
import { aliasedTable, and, asc, eq, inArray, isNull, lte, max, ne, or, sql, type SQL } from "drizzle-orm";
import { candidates, interviews, loops, positions, reminders, scorecards, users, type InterviewStatus } from "#db/schema";
import { db, prepared } from "#app/utils/db.server";
import { formatDateTime, formatDuration } from "#app/utils/time";
import { recordAudit, type AuditActor } from "./audit.server";
import { interviewState, withStates } from "./interview-status";
import { STAGE_LABELS } from "./labels";
import { blindReviewId, candidateNameFor } from "./interview.server";
import { queueEmail } from "./outbox.server";

/** At most one reminder per scorecard in this long, whoever sends it. */
export const REMINDER_GAP_MS = 24 * 3600_000;
export const AUTOMATIC = { id: null, name: "Loopwise (automatic reminder)" } as const;

const interviewer = aliasedTable(users, "interviewer");
const lastReminderAt = sql<number | null>`(select max(r.sent_at) from ${reminders} r where r.interview_id = ${interviews.id})`;

/**
 * Scorecards owed now, oldest first: interviews that are over (or marked completed), not cancelled,
 * in an open loop, without a submitted scorecard. The SQL only narrows; interviewState decides.
 */
export function listOwedScorecards({ now, interviewerId, interviewId }: { now: Date; interviewerId?: number; interviewId?: number }) {
  const filters: (SQL | undefined)[] = [
    ne(interviews.status, "cancelled"),
    eq(loops.status, "open"),
    isNull(candidates.erasedAt),
    or(isNull(scorecards.status), ne(scorecards.status, "submitted")),
    or(eq(interviews.status, "completed"), lte(interviews.scheduledAt, now)),
    interviewerId ? eq(interviews.interviewerId, interviewerId) : undefined,
    interviewId ? eq(interviews.id, interviewId) : undefined,
  ];
  const rows = db()
    .select({
      id: interviews.id,
      stage: interviews.stage,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      status: interviews.status,
      interviewerId: interviews.interviewerId,
      interviewerName: interviewer.name,
      interviewerEmail: interviewer.email,
      interviewerTimeZone: interviewer.timeZone,
      candidateName: candidates.name,
      positionTitle: positions.title,
      scorecardStatus: scorecards.status,
      scorecardSubmittedAt: scorecards.submittedAt,
      blindReviewId,
      lastReminderAt,
    })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .innerJoin(candidates, eq(candidates.id, loops.candidateId))
    .innerJoin(positions, eq(positions.id, candidates.positionId))
    .innerJoin(interviewer, eq(interviewer.id, interviews.interviewerId))
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(and(...filters))
    .orderBy(asc(interviews.scheduledAt), asc(interviews.id))
    .all();
  return withStates(rows, now).flatMap((r) =>
    r.state.kind === "scorecard_owed"
      ? [{ ...r, owedSince: r.state.since, lastReminderAt: r.lastReminderAt === null ? null : new Date(r.lastReminderAt) }]
      : [],
  );
}

type Owed = ReturnType<typeof listOwedScorecards>[number];

/** How many scorecards this person owes: the count beside "My interviews" on every page. */
export function countOwedScorecards(interviewerId: number, now: Date) {
  // On every page view, so a lean prepared read of the same rows listOwedScorecards filters,
  // judged by the same rule (interviewState).
  const rows = prepared(
    `select i.status, i.scheduled_at, i.duration_minutes, s.status, s.submitted_at
     from interviews i join loops l on l.id = i.loop_id join candidates c on c.id = l.candidate_id
     left join scorecards s on s.interview_id = i.id
     where i.interviewer_id = ? and i.status != 'cancelled' and l.status = 'open' and c.erased_at is null
       and (s.status is null or s.status != 'submitted') and (i.status = 'completed' or i.scheduled_at <= ?)`,
  )
    .raw()
    .all(interviewerId, now.getTime()) as [InterviewStatus, number, number, "draft" | "submitted" | null, number | null][];
  return rows.filter(
    ([status, scheduledAt, durationMinutes, scorecardStatus, submittedAt]) =>
      interviewState(
        { status, scheduledAt: new Date(scheduledAt), durationMinutes },
        scorecardStatus ? { status: scorecardStatus, submittedAt: submittedAt === null ? null : new Date(submittedAt) } : null,
        now,
      ).kind === "scorecard_owed",
  ).length;
}

/** When each of these interviews was last reminded about. */
export function lastRemindedAt(interviewIds: number[]): Map<number, Date> {
  if (!interviewIds.length) return new Map();
  const rows = db()
    .select({ interviewId: reminders.interviewId, at: max(reminders.sentAt) })
    .from(reminders)
    .where(inArray(reminders.interviewId, interviewIds))
    .groupBy(reminders.interviewId)
    .all();
  return new Map(rows.flatMap((r) => (r.at ? [[r.interviewId, r.at] as const] : [])));
}

function reminderEmail(o: Owed, { now, appUrl, sender }: { now: Date; appUrl: string; sender: AuditActor }) {
  const candidate = candidateNameFor(o, o.interviewerId);
  const stage = STAGE_LABELS[o.stage];
  const why =
    sender.id === null
      ? "Loopwise sends this automatically while a scorecard is owed, at most once a day."
      : `${sender.name} asked Loopwise to remind you.`;
  return {
    toAddress: o.interviewerEmail,
    toName: o.interviewerName,
    subject: `Scorecard owed: ${stage} with ${candidate}`,
    body: [
      `Hello ${o.interviewerName},`,
      "",
      `Your scorecard for the ${stage} interview with ${candidate} (${o.positionTitle}) on ${formatDateTime(o.scheduledAt, o.interviewerTimeZone)} (${o.interviewerTimeZone}) is still owed, for ${formatDuration(now.getTime() - o.owedSince.getTime())} now.`,
      "",
      `Fill it in: ${appUrl}/interviews/${o.id}/scorecard`,
      "",
      "Evidence written while the interview is fresh is the evidence the panel can rely on.",
      why,
    ].join("\n"),
  };
}

export type ReminderResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * Reminds the interviewer who owes this interview's scorecard: an email (delivered, or kept in the
 * outbox without a mail server), a reminder row and an audit entry, in one transaction. Refused
 * when nothing is owed (not over yet, submitted, cancelled, loop closed) or within a day of the
 * last reminder. `timeZone` is the sender's, for the time in a refusal.
 */
export function sendReminder(
  actor: AuditActor,
  {
    interviewId,
    now,
    smtp,
    appUrl,
    timeZone = "UTC",
  }: { interviewId: number; now: Date; smtp: boolean; appUrl: string; timeZone?: string },
): ReminderResult {
  return db().transaction((tx) => {
    const [owed] = listOwedScorecards({ now, interviewId });
    if (!owed) return { ok: false, message: whyNothingIsOwed(interviewId, now, timeZone) };
    if (owed.lastReminderAt && now.getTime() - owed.lastReminderAt.getTime() < REMINDER_GAP_MS) {
      const next = new Date(owed.lastReminderAt.getTime() + REMINDER_GAP_MS);
      return {
        ok: false,
        message: `${owed.interviewerName} was reminded ${formatDuration(now.getTime() - owed.lastReminderAt.getTime())} ago; reminders go at most once a day, so the next can go from ${formatDateTime(next, timeZone)}.`,
      };
    }
    const email = queueEmail(tx, reminderEmail(owed, { now, appUrl, sender: actor }), { now, smtp });
    tx.insert(reminders)
      .values({
        interviewId,
        interviewerId: owed.interviewerId,
        kind: actor.id === null ? "automatic" : "manual",
        sentById: actor.id,
        sentAt: now,
        emailId: email.id,
      })
      .run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "remind",
      entityType: "interview",
      entityId: interviewId,
      summary: `Reminded ${owed.interviewerName} about the ${STAGE_LABELS[owed.stage]} scorecard for ${owed.candidateName}`,
      after: { emailId: email.id, delivery: smtp ? "email" : "outbox" },
    });
    return {
      ok: true,
      message: smtp
        ? `Reminder sent to ${owed.interviewerName}.`
        : `Reminder for ${owed.interviewerName} is in the outbox (no mail server is configured).`,
    };
  });
}

function whyNothingIsOwed(interviewId: number, now: Date, timeZone: string): string {
  const row = db()
    .select({
      status: interviews.status,
      scheduledAt: interviews.scheduledAt,
      loopStatus: loops.status,
      card: scorecards.status,
      submittedAt: scorecards.submittedAt,
    })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(eq(interviews.id, interviewId))
    .get();
  if (!row) return "There is no such interview.";
  if (row.status === "cancelled") return "This interview was cancelled; it takes no scorecard, so there is nothing to remind about.";
  if (row.card === "submitted")
    return `This scorecard was submitted${row.submittedAt ? ` on ${formatDateTime(row.submittedAt, timeZone)}` : ""}; no reminder is needed.`;
  if (row.loopStatus === "closed") return "This loop is closed; its scorecards can no longer be submitted.";
  return row.scheduledAt > now
    ? "This interview hasn't happened yet; a scorecard is owed once it is over."
    : "This interview is still in progress; a scorecard is owed once it is over.";
}

/**
 * The automatic pass: reminds about every scorecard owed for at least `afterHours` hours that has
 * had no reminder in the last day. Returns how many went out.
 */
export function sendDueReminders({ now, afterHours, smtp, appUrl }: { now: Date; afterHours: number; smtp: boolean; appUrl: string }) {
  const cutoff = now.getTime() - afterHours * 3600_000;
  const due = listOwedScorecards({ now }).filter(
    (o) => o.owedSince.getTime() <= cutoff && (!o.lastReminderAt || now.getTime() - o.lastReminderAt.getTime() >= REMINDER_GAP_MS),
  );
  return due.filter((o) => sendReminder(AUTOMATIC, { interviewId: o.id, now, smtp, appUrl }).ok).length;
}
