import { createHmac } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { env } from "./env.server";

// Candidate links are signed with their own key, derived from the session secret for one
// purpose only, and carry their own audience: a session cookie can't open an exercise, a link
// can't sign anyone in, and a code-review link can't open an incident or a take-home.
const PURPOSES = {
  review: { audience: "loopwise:assignment", key: "candidate-assignment-link-v1" },
  incident: { audience: "loopwise:incident", key: "candidate-incident-link-v1" },
  take_home: { audience: "loopwise:take-home", key: "candidate-take-home-link-v1" },
  // Its subject is the candidate, not an assignment: the voluntary self-identification form.
  self_id: { audience: "loopwise:self-id", key: "candidate-self-id-link-v1" },
} as const;
export type LinkPurpose = keyof typeof PURPOSES;
const ISSUER = "loopwise";
const ALGORITHM = "HS256";

function linkKey(purpose: LinkPurpose) {
  return new Uint8Array(createHmac("sha256", env().SESSION_SECRET).update(PURPOSES[purpose].key).digest());
}

/**
 * The link token for one assignment. Deterministic for the same (assignment, jti, expiry), so the
 * hiring manager can copy the same link again later; re-issuing changes the jti and with it the
 * token, which makes the old link useless.
 */
export function signAssignmentToken({
  assignmentId,
  tokenId,
  expiresAt,
  purpose = "review",
}: {
  assignmentId: number;
  tokenId: string;
  expiresAt: Date;
  purpose?: LinkPurpose;
}) {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(String(assignmentId))
    .setJti(tokenId)
    .setIssuer(ISSUER)
    .setAudience(PURPOSES[purpose].audience)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(linkKey(purpose));
}

/** The assignment a token opens, or null when it is forged, tampered, expired or for something else. */
export async function verifyAssignmentToken(
  token: string,
  purpose: LinkPurpose = "review",
): Promise<{ assignmentId: number; tokenId: string } | null> {
  if (token.length > 2000) return null;
  try {
    const { payload } = await jwtVerify(token, linkKey(purpose), {
      algorithms: [ALGORITHM],
      audience: PURPOSES[purpose].audience,
      issuer: ISSUER,
    });
    const assignmentId = Number(payload.sub);
    if (!Number.isSafeInteger(assignmentId) || assignmentId <= 0 || typeof payload.jti !== "string") return null;
    return { assignmentId, tokenId: payload.jti };
  } catch {
    return null;
  }
}
