// A candidate's incident link: issuing it, and opening the run it points to.
import { allowedMs } from "#app/models/assignment-phase";
import { getIncidentRunByAssignment, type IncidentRun } from "./incident.server";
import { getKit } from "./kit.server";
import { signAssignmentToken, verifyAssignmentToken } from "#app/utils/assignment-token.server";
import { plainError } from "#app/utils/http.server";
import { publicLink } from "#app/utils/public-url.server";

const INVALID_LINK =
  "This link isn't valid. It may have been mistyped, replaced by a newer link, or expired. Ask your recruiter for a new one.";

/**
 * The run a candidate's incident link opens. Signature, purpose, expiry and that it is the current
 * link of a candidate-link run are all checked; anything else is a 404 a candidate can act on.
 */
export async function incidentFromLink(token: string | undefined) {
  const claims = token ? await verifyAssignmentToken(token, "incident") : null;
  const run = claims ? getIncidentRunByAssignment(claims.assignmentId) : null;
  const kit = run ? getKit(run.exerciseId) : null;
  if (!claims || !run || !kit?.content?.scenario || run.tokenId !== claims.tokenId || run.mode !== "candidate_link")
    throw plainError(INVALID_LINK, 404);
  return { run, kit };
}

/** The candidate's link for a run (at PUBLIC_URL): valid for its days plus the time allowed, so a late start can finish. */
export function incidentLink(run: IncidentRun) {
  return signAssignmentToken({
    assignmentId: run.assignmentId,
    tokenId: run.tokenId,
    expiresAt: new Date(run.linkExpiresAt.getTime() + allowedMs(run)),
    purpose: "incident",
  }).then((token) => publicLink(`/incident/${token}`));
}
