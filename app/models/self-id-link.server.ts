// A candidate's link to the voluntary self-identification form: signed with its own key and
// audience (a code-review or incident link can't open it, nor it them), its subject the candidate.
import { candidateOfAssignment, selfIdStatus } from "./self-identification.server";
import { signAssignmentToken, verifyAssignmentToken } from "#app/utils/assignment-token.server";
import { plainError } from "#app/utils/http.server";

const VALID_DAYS = 60;
const INVALID_LINK =
  "This link isn't valid. It may have been mistyped or have expired. The questions are voluntary: you can ignore them, or open them again from your exercise's page.";

/** The path of the form for this candidate, valid for 60 days from now. */
export async function selfIdPath(candidateId: number, now: Date): Promise<`/self-id/${string}`> {
  const token = await signAssignmentToken({
    assignmentId: candidateId,
    tokenId: "self-id",
    expiresAt: new Date(now.getTime() + VALID_DAYS * 24 * 3600_000),
    purpose: "self_id",
  });
  return `/self-id/${token}`;
}

/** The small section an exercise link's page shows: where the form is, and whether it's done. */
export async function selfIdInvite(assignmentId: number, now: Date) {
  const candidateId = candidateOfAssignment(assignmentId);
  const status = candidateId === null ? null : selfIdStatus(candidateId);
  return candidateId !== null && status ? { path: await selfIdPath(candidateId, now), answered: status.answered } : null;
}

/** The candidate a link opens; anything forged, tampered, expired or erased is a 404 they can act on. */
export async function candidateFromSelfIdLink(token: string | undefined) {
  const claims = token ? await verifyAssignmentToken(token, "self_id") : null;
  const status = claims && claims.tokenId === "self-id" ? selfIdStatus(claims.assignmentId) : null;
  if (!claims || !status) throw plainError(INVALID_LINK, 404);
  return { candidateId: claims.assignmentId, answered: status.answered };
}
