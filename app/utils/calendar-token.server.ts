import { createHmac } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { env } from "./env.server";

// A calendar-feed link carries its own audience and key (derived from the session secret for this
// purpose only): it can't sign anyone in or open an exercise, and neither can those open a feed.
// It has no expiry, because a subscribed calendar can't renew it; it is revoked instead, by
// replacing the token id stored on the user (app/models/calendar.server.ts).
const AUDIENCE = "loopwise:calendar-feed";
const ISSUER = "loopwise";
const ALGORITHM = "HS256";

function feedKey() {
  return new Uint8Array(createHmac("sha256", env().SESSION_SECRET).update("calendar-feed-link-v1").digest());
}

/** The token for one person's feed. Deterministic, so their page shows the same link every time. */
export function signFeedToken({ userId, tokenId }: { userId: number; tokenId: string }) {
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(String(userId))
    .setJti(tokenId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .sign(feedKey());
}

/** Whose feed a token opens, or null when it is forged, tampered or for something else. */
export async function verifyFeedToken(token: string): Promise<{ userId: number; tokenId: string } | null> {
  if (token.length > 1000) return null;
  try {
    const { payload } = await jwtVerify(token, feedKey(), { algorithms: [ALGORITHM], audience: AUDIENCE, issuer: ISSUER });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || typeof payload.jti !== "string") return null;
    return { userId, tokenId: payload.jti };
  } catch {
    return null;
  }
}
