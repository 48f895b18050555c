import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { createCookie } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { sessions, users } from "#db/schema";
import { makeUser, request } from "#tests/factories";
import { db } from "#app/utils/db.server";
import { getUser, requirePermission, requireUser, SESSION_COOKIE, startSession } from "./session.server";

// The cookie's own encoding (the framework's), around a token the test signs itself.
const encoding = createCookie(SESSION_COOKIE);
const withCookie = async (token: string) =>
  new Request("http://localhost/candidates", { headers: { Cookie: (await encoding.serialize(token)).split(";")[0]! } });

describe("sessions", () => {
  it("a signed cookie from sign-in identifies the user; its flags are safe", async () => {
    const user = await makeUser("interviewer");
    const cookie = await startSession(user.id);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect((await getUser(await request("/", { userId: user.id })))?.id).toBe(user.id);
  });

  it("ignores a tampered, foreign-audience, wrong-algorithm or wrong-secret token", async () => {
    const user = await makeUser("admin");
    const token = (await encoding.parse((await startSession(user.id)).split(";")[0]!)) as string;
    expect((await getUser(await withCookie(token)))?.id).toBe(user.id);
    const [h, p, s] = token.split(".");
    const forged = JSON.parse(Buffer.from(p!, "base64url").toString());
    forged.sid = "someone-else";
    expect(await getUser(await withCookie(`${h}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${s}`))).toBeNull();
    const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
    const sid = db().select().from(sessions).get()!.id;
    const otherAudience = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("loopwise")
      .setAudience("magic-link")
      .setExpirationTime("1h")
      .sign(secret);
    expect(await getUser(await withCookie(otherAudience))).toBeNull();
    const otherSecret = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("loopwise")
      .setAudience("loopwise:session")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("x".repeat(40)));
    expect(await getUser(await withCookie(otherSecret))).toBeNull();
    const hs512 = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS512" })
      .setIssuer("loopwise")
      .setAudience("loopwise:session")
      .setExpirationTime("1h")
      .sign(secret);
    expect(await getUser(await withCookie(hs512))).toBeNull();
    const valid = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("loopwise")
      .setAudience("loopwise:session")
      .setExpirationTime("1h")
      .sign(secret);
    expect((await getUser(await withCookie(valid)))?.id).toBe(user.id);
  });

  it("refuses a token once it expires, though it was accepted (and remembered) before", async () => {
    const user = await makeUser("interviewer");
    await startSession(user.id);
    const sid = db().select().from(sessions).get()!.id;
    const shortLived = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("loopwise")
      .setAudience("loopwise:session")
      .setExpirationTime(new Date(Date.now() + 60_000))
      .sign(new TextEncoder().encode(process.env.SESSION_SECRET));
    expect((await getUser(await withCookie(shortLived)))?.id).toBe(user.id);
    vi.setSystemTime(new Date(Date.now() + 59_000));
    expect((await getUser(await withCookie(shortLived)))?.id).toBe(user.id);
    vi.setSystemTime(new Date(Date.now() + 2_000));
    expect(await getUser(await withCookie(shortLived))).toBeNull();
  });

  it("ends when the user is deactivated or the session row is gone", async () => {
    const user = await makeUser("interviewer");
    // Each check is a new request carrying the same cookie (one request looks its user up once).
    const first = await request("/", { userId: user.id });
    const again = () => new Request(first);
    db().update(users).set({ active: false }).where(eq(users.id, user.id)).run();
    expect(await getUser(again())).toBeNull();
    db().update(users).set({ active: true }).where(eq(users.id, user.id)).run();
    expect(await getUser(again())).not.toBeNull();
    db().delete(sessions).run();
    expect(await getUser(again())).toBeNull();
  });

  it("sends anonymous people to sign-in and back to where they were going", async () => {
    const thrown = await requireUser(new Request("http://localhost/interviews/7?tab=kit")).catch((r: Response) => r);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Finterviews%2F7%3Ftab%3Dkit");
    // The router's data requests are sent back to the page, not to the .data URL.
    const data = (await requireUser(new Request("http://localhost/candidates/3.data?_routes=x")).catch((r: Response) => r)) as Response;
    expect(data.headers.get("Location")).toBe("/login?redirectTo=%2Fcandidates%2F3");
  });

  it("answers 403 when the role lacks the permission", async () => {
    const user = await makeUser("interviewer");
    const thrown = (await requirePermission(await request("/", { userId: user.id }), "pipeline:read").catch(
      (r: Response) => r,
    )) as Response;
    expect(thrown.status).toBe(403);
    const hm = await makeUser("hiring_manager");
    expect((await requirePermission(await request("/", { userId: hm.id }), "pipeline:read")).id).toBe(hm.id);
  });

  it.each([
    ["a broken percent-escape", "%E0%A4%A"],
    ["a lone percent sign", "%"],
    ["random bytes", "\u00ff\u00fe=="],
    ["a JWT without the cookie encoding", "eyJhbGciOiJIUzI1NiJ9.e30.x"],
    ["an empty value", ""],
  ])("treats a malformed session cookie (%s) as signed out, never an error", async (_label, value) => {
    const req = new Request("http://localhost/candidates", { headers: { Cookie: `other=1; ${SESSION_COOKIE}=${value}` } });
    expect(await getUser(req)).toBeNull();
    const thrown = (await requireUser(req).catch((r: Response) => r)) as Response;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get("Location")).toBe("/login?redirectTo=%2Fcandidates");
  });
});
