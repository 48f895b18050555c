// Interviews as iCalendar (RFC 5545), written by ical-generator rather than by hand: one event per
// interview, its UID fixed for life, its SEQUENCE bumped by every change a calendar must notice.
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalEventData } from "ical-generator";
import type { InterviewStatus, StageKey } from "#db/schema";
import { STAGE_LABELS } from "./labels";

export type CalendarInterview = {
  id: number;
  stage: StageKey;
  scheduledAt: Date;
  durationMinutes: number;
  status: InterviewStatus;
  sequence: number;
  /** As the interviewer may see it (a blind reference while a code review awaits its grade). */
  candidateName: string;
  positionTitle: string;
  exerciseTitle: string | null;
  interviewer: { name: string; email: string };
  organizer: { name: string; email: string };
};

const PRODUCT_ID = { company: "Loopwise", product: "Interviews", language: "EN" };

/** The event's UID: the same for the life of the interview, whatever changes. */
export const eventUid = (interviewId: number) => `interview-${interviewId}@loopwise`;

/**
 * A name as a quoted parameter value (CN). RFC 5545 has no escapes inside quoted parameters, and
 * ical-generator writes a double quote there as \", which ends the quotes early: a nickname like
 * `Tomasz "Tom" Nowak` became `Tomasz \` in every calendar, the rest spilling into parameters of
 * its own. RFC 6868 is the encoding calendars read: ^' for ", ^n for a new line, ^^ for ^.
 * ical-generator would double a backslash (RFC 5545 has no such escape), so none is passed on; nor
 * are control characters, which a parameter may not hold.
 */
export function parameterValue(name: string): string {
  return (
    name
      .replace(/\^/g, "^^")
      .replace(/"/g, "^'")
      .replace(/\r\n|\r|\n/g, "^n")
      .replace(/\\/g, "/")
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f]/g, " ")
  );
}

const person = (p: { name: string; email: string }) => ({ name: parameterValue(p.name), email: p.email });

function event(i: CalendarInterview, { now, appUrl, invitation }: { now: Date; appUrl: string; invitation: boolean }): ICalEventData {
  const page = `${appUrl}/interviews/${i.id}`;
  // Only what the interviewer needs to turn up prepared: never the candidate's contact details
  // or the recruiter's notes, which would leave the app with every calendar that syncs this.
  const description = [
    `${STAGE_LABELS[i.stage]} interview for ${i.positionTitle}.`,
    i.exerciseTitle ? `Kit: ${i.exerciseTitle}.` : null,
    `Interview page: ${page}`,
    `Scorecard: ${page}/scorecard`,
  ]
    .filter(Boolean)
    .join("\n");
  return {
    id: eventUid(i.id),
    sequence: i.sequence,
    stamp: now,
    start: i.scheduledAt,
    end: new Date(i.scheduledAt.getTime() + i.durationMinutes * 60_000),
    summary: `${STAGE_LABELS[i.stage]} interview: ${i.candidateName}`,
    description,
    url: page,
    status: i.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: person(i.organizer),
    attendees: invitation ? [{ ...person(i.interviewer), rsvp: false }] : [],
  };
}

/**
 * One interview as an invitation for its interviewer: REQUEST while it stands (a calendar updates
 * the event it already holds when SEQUENCE has gone up), CANCEL once it is cancelled.
 */
export function interviewInvitation(i: CalendarInterview, opts: { now: Date; appUrl: string }): string {
  return ical({
    prodId: PRODUCT_ID,
    method: i.status === "cancelled" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    events: [event(i, { ...opts, invitation: true })],
  }).toString();
}

/** A person's interviews as a calendar to subscribe to; cancelled ones stay, marked CANCELLED. */
export function interviewerFeed(
  interviews: CalendarInterview[],
  { now, appUrl, ownerName }: { now: Date; appUrl: string; ownerName: string },
): string {
  return ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: `Loopwise interviews: ${ownerName}`,
    // Subscribing calendars may check back hourly.
    ttl: 3600,
    events: interviews.map((i) => event(i, { now, appUrl, invitation: false })),
  }).toString();
}

/**
 * The feed's address as a subscribe link: `webcal://` is the same address with the scheme that
 * tells the operating system to hand it to the calendar app, which then subscribes (and, for an
 * https address, fetches it over https). Null for anything that isn't an http(s) address.
 */
export function webcalLink(feedUrl: string): string | null {
  const m = /^https?:\/\/(.+)$/i.exec(feedUrl);
  return m ? `webcal://${m[1]}` : null;
}
