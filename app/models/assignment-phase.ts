// Where a candidate's exercise stands, from the server's clock. Pure, so pages can word it too.
import type { ASSIGNMENT_STATUSES } from "#db/schema";

/** What the candidate may do now; the server's clock decides, never the browser's. */
export function assignmentPhase(a: { status: (typeof ASSIGNMENT_STATUSES)[number]; deadlineAt: Date | null }, now = new Date()) {
  if (a.status === "submitted") return "submitted" as const;
  if (a.status === "revoked") return "revoked" as const;
  if (a.status === "assigned" || !a.deadlineAt) return "not_started" as const;
  return now.getTime() >= a.deadlineAt.getTime() ? ("time_up" as const) : ("in_progress" as const);
}

export const PHASE_REFUSALS = {
  not_started: "Start the exercise first.",
  submitted: "This review has been submitted, so it can no longer change.",
  time_up: "Time is up: the review can no longer change. What you saved before the deadline is what counts.",
  revoked: "This link is no longer valid.",
} as const;
