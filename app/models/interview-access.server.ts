import { forbidden, notFound } from "#app/utils/http.server";
import { getInterview } from "./interview.server";
import { interviewRefusal, type InterviewAccess } from "./interview-access";
import type { Role } from "#db/schema";

/**
 * The interview, if `user` may have `access` to it: 404 when there is none, 403 with the rule's
 * reason otherwise. Every interview route's guard (README: "Who may do what").
 */
export function interviewFor(user: { id: number; role: Role }, interviewId: number, access: InterviewAccess) {
  const interview = getInterview(interviewId) ?? notFound("No such interview");
  const refusal = interviewRefusal(user, interview, access);
  if (refusal) forbidden(refusal);
  return interview;
}
