import { jwtVerify, SignJWT } from "jose";
import { createCookie, redirect } from "react-router";
import { createSession, deleteSession, getSessionUser, type SessionUser } from "#app/models/session.server";
import { can, type Permission } from "#app/models/permissions";
import { systemNow } from "#app/utils/clock.server";
import { env } from "#app/utils/env.server";
import { forbidden } from "#app/utils/http.server";

export const SESSION_COOKIE = "lw_session";
const AUDIENCE = "loopwise:session";
const ISSUER = "loopwise";
const ALGORITHM = "HS256";
const KEY_ID = "session-v1";

export type { SessionUser };

// Imported once: handing jose the raw secret makes it import a Web Crypto key on every request.
let key: { secret: string; key: Promise<CryptoKey> } | undefined;
function secretKey(): Promise<CryptoKey> {
  const secret = env().SESSION_SECRET;
  if (key?.secret !== secret) {
    const raw = new TextEncoder().encode(secret);
    key = { secret, key: crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]) };
  }
  return key.key;
}

// The framework's cookie parses and serializes (a malformed header reads as no cookie, never an
// exception); jose signs what it carries. Built lazily: the environment is read at first use.
let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().cookieSecure,
    maxAge: env().SESSION_HOURS * 3600,
  });
  return cookie;
}

// A token that verified once stays good until it expires, so each is checked once and then
// remembered (by its whole signed text: nobody can reach an entry without the token itself). The
// session row it names is still looked up on every request, so signing out takes effect at once.
const verified = new Map<string, { sid: string; expiresAt: number }>();
const VERIFIED_TOKENS = 10_000;

async function sessionIdFrom(request: Request): Promise<string | null> {
  const token: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || !token) return null;
  const now = systemNow();
  const known = verified.get(token);
  if (known && known.expiresAt > now.getTime()) return known.sid;
  if (known) verified.delete(token);
  try {
    const { payload } = await jwtVerify(token, await secretKey(), {
      algorithms: [ALGORITHM],
      audience: AUDIENCE,
      issuer: ISSUER,
      currentDate: now,
    });
    if (typeof payload.sid !== "string" || typeof payload.exp !== "number") return null;
    if (verified.size >= VERIFIED_TOKENS) verified.clear();
    verified.set(token, { sid: payload.sid, expiresAt: payload.exp * 1000 });
    return payload.sid;
  } catch {
    // Tampered, expired or signed with another secret: treated as signed out.
    return null;
  }
}

// The layout's loader and the page's loader of one request share the request: look once.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();

// Session expiry is checked against the system clock (clock.server.ts), not a request's time:
// a sign-in must end when it ends, whatever a caller passes.
export function getUser(request: Request): Promise<SessionUser | null> {
  let user = perRequest.get(request);
  if (!user) perRequest.set(request, (user = sessionIdFrom(request).then((sid) => (sid ? getSessionUser(sid, systemNow()) : null))));
  return user;
}

/** Signs the user in: a session row plus a short-lived signed cookie pointing at it. */
export async function startSession(userId: number): Promise<string> {
  const now = systemNow();
  const expiresAt = new Date(now.getTime() + env().SESSION_HOURS * 3600_000);
  const sid = createSession({ userId, expiresAt, now });
  const token = await new SignJWT({ sid })
    .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(await secretKey());
  return sessionCookie().serialize(token);
}

/** The id of the session this request is signed in with, if any. */
export function currentSessionId(request: Request): Promise<string | null> {
  return sessionIdFrom(request);
}

export async function endSession(request: Request): Promise<string> {
  const sid = await sessionIdFrom(request);
  if (sid) deleteSession(sid);
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** The signed-in user, or a redirect to sign-in that brings them back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  // `.data` requests are the router's own fetches; send the person back to the page itself.
  const path = url.pathname.replace(/\.data$/, "").replace(/\/_root$/, "/") || "/";
  const params = new URLSearchParams();
  url.searchParams.delete("_routes");
  const back = path + (url.searchParams.size ? `?${url.searchParams}` : "");
  if (back !== "/") params.set("redirectTo", back);
  throw redirect(params.size ? `/login?${params}` : "/login");
}

/** The signed-in user if their role grants `permission` (app/models/permissions.ts); otherwise 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) forbidden();
  return user;
}
