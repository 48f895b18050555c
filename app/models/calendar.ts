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
    organizer: i.organizer,
    attendees: invitation ? [{ name: i.interviewer.name, email: i.interviewer.email, rsvp: false }] : [],
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
