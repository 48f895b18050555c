// Where a candidate's exercise stands, from the server's clock. Pure, so pages can word it too.
import type { ASSIGNMENT_STATUSES } from "#db/schema";

/** What the candidate may do now; the server's clock decides, never the browser's. */
export function assignmentPhase(a: { status: (typeof ASSIGNMENT_STATUSES)[number]; deadlineAt: Date | null }, now: Date) {
  if (a.status === "submitted") return "submitted" as const;
  if (a.status === "revoked") return "revoked" as const;
  if (a.status === "assigned" || !a.deadlineAt) return "not_started" as const;
  return now.getTime() >= a.deadlineAt.getTime() ? ("time_up" as const) : ("in_progress" as const);
}

/**
 * A link is valid for its days to *start*: once they have passed, an unstarted exercise can't be
 * started (the token itself lasts the time allowed longer, so a start just before expiry can
 * finish; a start after it would be cut off with most of its time left).
 */
export function linkExpiredBeforeStart(a: { status: (typeof ASSIGNMENT_STATUSES)[number]; linkExpiresAt: Date }, now: Date): boolean {
  return a.status === "assigned" && now.getTime() >= a.linkExpiresAt.getTime();
}

export const PHASE_REFUSALS = {
  not_started: "Start the exercise first.",
  submitted: "This review has been submitted, so it can no longer change.",
  time_up: "Time is up: the review can no longer change. What you saved before the deadline is what counts.",
  revoked: "This link is no longer valid.",
} as const;

/** Extra time a hiring manager may grant as an accommodation, in percent of the time limit. */
export const EXTRA_TIME_PERCENTS = [100, 125, 150, 200] as const;
export type ExtraTimePercent = (typeof EXTRA_TIME_PERCENTS)[number];

/** The time the candidate has from Start: the limit, plus any extra time granted. */
export function allowedMs(a: { timeLimitMinutes: number; extraTimePercent: number }): number {
  return (a.timeLimitMinutes * 60_000 * a.extraTimePercent) / 100;
}

/** "50 minutes", or "56 min 15 s" when extra time doesn't come to whole minutes. */
export function formatAllowed(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} minutes`;
}
