import { isOnPanel } from "#app/models/interview-access";
import { z } from "zod";
import { getCandidate } from "#app/models/candidate.server";
import { countMissingScorecards } from "#app/models/decision.server";
import { getLatestLoop } from "#app/models/loop.server";
import { canSeePanel } from "#app/models/panel-visibility.server";
import { forbidden, notFound } from "#app/utils/http.server";
import type { SessionUser } from "#app/auth/session.server";
import { can } from "#app/models/permissions";

/**
 * The hiring team may open a debrief at any time. For an interviewer it is panel data
 * (canSeePanel), and it opens only once every scheduled scorecard is in, as the meeting it serves.
 */
export function loadDebriefContext(candidateId: number, user: SessionUser) {
  const candidate = getCandidate(candidateId) ?? notFound("No such candidate");
  const loop = getLatestLoop(candidate.id) ?? notFound("This candidate has no interview loop yet.");
  const missing = countMissingScorecards(loop.id);
  if (!can(user, "loops:manage")) {
    if (!isOnPanel(user, loop.interviews)) forbidden("Only the hiring team and this loop's panel can open its debrief.");
    if (missing > 0 || !canSeePanel(user, loop.id))
      forbidden("The debrief opens for the panel once every scheduled scorecard has been submitted.");
  }
  return { candidate, loop, missing };
}

export const DecisionSchema = z.object({
  decision: z.enum(["hire", "no_hire", "hold"], { error: "Choose Hire, No hire or Hold" }),
  rationale: z
    .string({ error: "Write the rationale for this decision" })
    .trim()
    .min(20, "Write the rationale: at least a sentence that someone reading it later could follow")
    .max(5000, "Keep the rationale under 5,000 characters"),
  acknowledge: z.literal("on").optional(),
});
