import { jwtVerify, SignJWT } from "jose";
import { redirect } from "react-router";
import type { Role } from "#db/schema";
import { createSession, deleteSession, getSessionUser } from "#app/models/session.server";
import { env } from "./env.server";
import { forbidden } from "./http.server";

export const SESSION_COOKIE = "lw_session";
const AUDIENCE = "loopwise:session";
const ISSUER = "loopwise";
const ALGORITHM = "HS256";
const KEY_ID = "session-v1";

export type SessionUser = NonNullable<ReturnType<typeof getSessionUser>>;

function secretKey() {
  return new TextEncoder().encode(env().SESSION_SECRET);
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function serializeCookie(value: string, maxAgeSeconds: number): string {
  const parts = [`${SESSION_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (env().cookieSecure) parts.push("Secure");
  return parts.join("; ");
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, secretKey(), {
      algorithms: [ALGORITHM],
      audience: AUDIENCE,
      issuer: ISSUER,
    });
    return typeof payload.sid === "string" ? payload.sid : null;
  } catch {
    // Tampered, expired or signed with another secret: treated as signed out.
    return null;
  }
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const sid = await sessionIdFrom(request);
  return sid ? getSessionUser(sid) : null;
}

/** Signs the user in: a session row plus a short-lived signed cookie pointing at it. */
export async function startSession(userId: number): Promise<string> {
  const hours = env().SESSION_HOURS;
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  const sid = await createSession({ userId, expiresAt });
  const token = await new SignJWT({ sid })
    .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(secretKey());
  return serializeCookie(token, hours * 3600);
}

export async function endSession(request: Request): Promise<string> {
  const sid = await sessionIdFrom(request);
  if (sid) deleteSession(sid);
  return serializeCookie("", 0);
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

/** The signed-in user if they hold one of the roles; otherwise 403 (or sign-in when anonymous). */
export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export function canManageLoops(user: { role: Role }): boolean {
  return user.role === "admin" || user.role === "hiring_manager";
}
