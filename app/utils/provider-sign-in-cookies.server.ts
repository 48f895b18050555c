import { createHmac } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { createCookie } from "react-router";
import { env } from "./env.server";

// What a sign-in with the identity provider must find again when the browser comes back: the
// state and nonce that tie the answer to this browser's request, the PKCE verifier that proves the
// code is ours, and where the person was going. Kept in the browser (no table for half-finished
// sign-ins), signed with a key of its own so nothing else the app signs can stand in for it.
export type ProviderSignInState = { state: string; nonce: string; verifier: string; returnTo: string };

const ISSUER = "loopwise";
const ALGORITHM = "HS256";
const STATE_AUDIENCE = "loopwise:provider-sign-in";
const NOTICE_AUDIENCE = "loopwise:sign-in-notice";
/** Long enough to type a password and a second factor at the provider; short enough not to linger. */
export const SIGN_IN_STATE_SECONDS = 10 * 60;
const NOTICE_SECONDS = 60;

function cookieKey() {
  return new Uint8Array(createHmac("sha256", env().SESSION_SECRET).update("identity-provider-sign-in-v1").digest());
}

// Only the two sign-in routes read it, and only for as long as a sign-in can take.
let stateCookie: ReturnType<typeof createCookie> | undefined;
const signInStateCookie = () =>
  (stateCookie ??= createCookie("lw_provider_sign_in", {
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET from its own site.
    sameSite: "lax",
    path: "/auth/oidc",
    secure: env().cookieSecure,
    maxAge: SIGN_IN_STATE_SECONDS,
  }));

// Why a refused sign-in was refused, for the sign-in page to say once. Signed, so no link can put
// words of its choosing on the sign-in page.
let noticeCookie: ReturnType<typeof createCookie> | undefined;
const signInNoticeCookie = () =>
  (noticeCookie ??= createCookie("lw_sign_in_notice", {
    httpOnly: true,
    sameSite: "lax",
    path: "/login",
    secure: env().cookieSecure,
    maxAge: NOTICE_SECONDS,
  }));

function sign(claims: Record<string, string>, audience: string, now: Date, seconds: number) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + seconds)
    .sign(cookieKey());
}

async function verify(token: unknown, audience: string, now: Date) {
  if (typeof token !== "string" || !token || token.length > 4000) return null;
  try {
    const { payload } = await jwtVerify(token, cookieKey(), { algorithms: [ALGORITHM], audience, issuer: ISSUER, currentDate: now });
    return payload;
  } catch {
    // Tampered, expired, or signed for something else: as if there were none.
    return null;
  }
}

/** The Set-Cookie header that remembers a sign-in started at `now`. */
export async function rememberSignInState(value: ProviderSignInState, now: Date): Promise<string> {
  return signInStateCookie().serialize(await sign(value, STATE_AUDIENCE, now, SIGN_IN_STATE_SECONDS));
}

/** The sign-in this browser started, or null when there is none, it expired or was tampered with. */
export async function recallSignInState(cookieHeader: string | null, now: Date): Promise<ProviderSignInState | null> {
  const payload = await verify(await signInStateCookie().parse(cookieHeader), STATE_AUDIENCE, now);
  if (!payload) return null;
  const { state, nonce, verifier, returnTo } = payload;
  if (typeof state !== "string" || typeof nonce !== "string" || typeof verifier !== "string" || typeof returnTo !== "string") return null;
  return { state, nonce, verifier, returnTo };
}

/** Forgets the started sign-in: a callback is answered once, whatever its outcome. */
export function forgetSignInState(): Promise<string> {
  return signInStateCookie().serialize("", { maxAge: 0 });
}

export async function rememberSignInNotice(notice: string, now: Date): Promise<string> {
  return signInNoticeCookie().serialize(await sign({ notice }, NOTICE_AUDIENCE, now, NOTICE_SECONDS));
}

/** The notice waiting for the sign-in page, if any (and the header that clears it once shown). */
export async function takeSignInNotice(cookieHeader: string | null, now: Date): Promise<{ notice: string; clear: string } | null> {
  const payload = await verify(await signInNoticeCookie().parse(cookieHeader), NOTICE_AUDIENCE, now);
  if (typeof payload?.notice !== "string") return null;
  return { notice: payload.notice, clear: await signInNoticeCookie().serialize("", { maxAge: 0 }) };
}
