// Interviews for calendars: one interview's invitation, and a person's subscribable feed with the
// revocable link that opens it (app/utils/calendar-token.server.ts signs it).
import { randomUUID } from "node:crypto";
import { aliasedTable, and, asc, eq, gte, sql } from "drizzle-orm";
import { candidates, exercises, interviews, loops, positions, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import type { CalendarInterview } from "./calendar";
import { blindReviewId, candidateNameFor } from "./interview.server";

const interviewer = aliasedTable(users, "interviewer");
// Who scheduled the loop (subqueries: drizzle can't type a second join of users here).
const organizerName = sql<string | null>`(select name from ${users} where ${users.id} = ${loops.createdById})`;
const organizerEmail = sql<string | null>`(select email from ${users} where ${users.id} = ${loops.createdById})`;

// How far back a feed reaches: recent interviews stay in the calendar, old ones drop out of it.
const FEED_HISTORY_DAYS = 90;

function calendarRows() {
  return db()
    .select({
      id: interviews.id,
      stage: interviews.stage,
      scheduledAt: interviews.scheduledAt,
      durationMinutes: interviews.durationMinutes,
      status: interviews.status,
      sequence: interviews.calendarSequence,
      interviewerId: interviews.interviewerId,
      interviewerName: interviewer.name,
      interviewerEmail: interviewer.email,
      organizerName,
      organizerEmail,
      candidateName: candidates.name,
      positionTitle: positions.title,
      exerciseTitle: exercises.title,
      blindReviewId,
    })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .innerJoin(candidates, eq(candidates.id, loops.candidateId))
    .innerJoin(positions, eq(positions.id, candidates.positionId))
    .innerJoin(interviewer, eq(interviewer.id, interviews.interviewerId))
    .leftJoin(exercises, eq(exercises.id, interviews.exerciseId));
}

type CalendarRow = Omit<CalendarInterview, "candidateName" | "interviewer" | "organizer"> & {
  interviewerId: number;
  interviewerName: string;
  interviewerEmail: string;
  organizerName: string | null;
  organizerEmail: string | null;
  candidateName: string;
  blindReviewId: number | null;
};

function toCalendarInterview(row: CalendarRow): CalendarInterview {
  const invitee = { name: row.interviewerName, email: row.interviewerEmail };
  return {
    id: row.id,
    stage: row.stage,
    scheduledAt: row.scheduledAt,
    durationMinutes: row.durationMinutes,
    status: row.status,
    sequence: row.sequence,
    // The calendar is the interviewer's: blind grading hides the name there too.
    candidateName: candidateNameFor(row, row.interviewerId),
    positionTitle: row.positionTitle,
    exerciseTitle: row.exerciseTitle,
    interviewer: invitee,
    // Whoever scheduled the loop sends the invitation; a loop without one comes from its interviewer.
    organizer: row.organizerName && row.organizerEmail ? { name: row.organizerName, email: row.organizerEmail } : invitee,
  };
}

/** One interview as its calendar event, with who it belongs to (callers check who may see it). */
export function getCalendarInterview(interviewId: number) {
  const [row] = calendarRows().where(eq(interviews.id, interviewId)).all();
  return row ? { interviewerId: row.interviewerId, event: toCalendarInterview(row) } : null;
}

/** A person's interviews for their feed: the last 90 days and everything ahead, cancelled ones included. */
export function listFeedInterviews(interviewerId: number, now: Date): CalendarInterview[] {
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 86400_000);
  return calendarRows()
    .where(and(eq(interviews.interviewerId, interviewerId), gte(interviews.scheduledAt, since)))
    .orderBy(asc(interviews.scheduledAt), asc(interviews.id))
    .all()
    .map(toCalendarInterview);
}

/** The person a feed link opens: only an active user whose current link carries this token id. */
export function getFeedOwner({ userId, tokenId }: { userId: number; tokenId: string }) {
  const user = db()
    .select({ id: users.id, name: users.name, active: users.active, tokenId: users.calendarFeedTokenId })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return user && user.active && user.tokenId === tokenId ? { id: user.id, name: user.name } : null;
}

/** The token id of a person's current feed link, or null when they have none. */
export function getFeedTokenId(userId: number): string | null {
  return db().select({ tokenId: users.calendarFeedTokenId }).from(users).where(eq(users.id, userId)).get()?.tokenId ?? null;
}

/**
 * Gives the person a new feed link (`issue`), which makes any earlier one useless, or turns their
 * feed off. Written to the audit log, without the token itself.
 */
export function setFeedLink(actor: AuditActor & { id: number }, change: "issue" | "revoke", now: Date) {
  return db().transaction((tx) => {
    const before = tx.select({ tokenId: users.calendarFeedTokenId }).from(users).where(eq(users.id, actor.id)).get();
    const tokenId = change === "issue" ? randomUUID() : null;
    if (!before || (change === "revoke" && !before.tokenId)) return before?.tokenId ?? null;
    tx.update(users).set({ calendarFeedTokenId: tokenId, updatedAt: now }).where(eq(users.id, actor.id)).run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "user",
      entityId: actor.id,
      summary:
        change === "revoke"
          ? "Turned off their calendar feed link"
          : before.tokenId
            ? "Replaced their calendar feed link (the old one no longer works)"
            : "Created a calendar feed link",
      before: { calendarFeed: before.tokenId ? "on" : "off" },
      after: { calendarFeed: tokenId ? "on" : "off" },
    });
    return tokenId;
  });
}
