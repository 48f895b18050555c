// Who may do what with one interview: the one rule every interview route guards with.
import type { Role } from "#db/schema";
import { can } from "./permissions";

/**
 * `read`: the interview's own interviewer, or the hiring team (loops:manage: hiring managers and
 * admins). `write`: only its own interviewer (the scorecard, driving the incident). `grade`: only
 * its own interviewer too (the code review, the take-home), named apart so a page says which.
 */
export type InterviewAccess = "read" | "write" | "grade";

type Asker = { id: number; role: Role };

const REFUSALS: Record<InterviewAccess, string> = {
  read: "This interview belongs to another interviewer.",
  write: "Only the interviewer who ran this interview can fill in its scorecard.",
  grade: "Only the interviewer who ran this interview can grade it.",
};

/** Why `user` may not have `access` to an interview run by `interviewerId`, or null if they may. */
export function interviewRefusal(user: Asker, interview: { interviewerId: number }, access: InterviewAccess): string | null {
  const own = interview.interviewerId === user.id;
  if (own) return null;
  if (access === "read" && can(user, "loops:manage")) return null;
  return REFUSALS[access];
}

/** Whether `user` may have `access` to the interview: what a page shows or offers, by the same rule. */
export function mayInterview(user: Asker, interview: { interviewerId: number }, access: InterviewAccess): boolean {
  return interviewRefusal(user, interview, access) === null;
}

/** Whether `user` interviews on this loop (a cancelled interview puts nobody on the panel). */
export function isOnPanel(user: { id: number }, interviews: { interviewerId: number; status: string }[]): boolean {
  return interviews.some((i) => i.interviewerId === user.id && i.status !== "cancelled");
}
