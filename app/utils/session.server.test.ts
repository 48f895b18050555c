import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema";
import { makeUser, request } from "#tests/factories";
import { db } from "./db.server";
import { getUser, requireRole, requireUser, SESSION_COOKIE, startSession } from "./session.server";

const withCookie = (value: string) => new Request("http://localhost/candidates", { headers: { Cookie: `${SESSION_COOKIE}=${value}` } });

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
    const token = (await startSession(user.id)).split(";")[0]!.split("=")[1]!;
    const [h, p, s] = token.split(".");
    const forged = JSON.parse(Buffer.from(p!, "base64url").toString());
    forged.sid = "someone-else";
    expect(await getUser(withCookie(`${h}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${s}`))).toBeNull();
    const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
    const sid = db().select().from(sessions).get()!.id;
    const otherAudience = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("loopwise")
      .setAudience("magic-link")
      .setExpirationTime("1h")
      .sign(secret);
    expect(await getUser(withCookie(otherAudience))).toBeNull();
    const otherSecret = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("loopwise")
      .setAudience("loopwise:session")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("x".repeat(40)));
    expect(await getUser(withCookie(otherSecret))).toBeNull();
    const hs512 = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS512" })
      .setIssuer("loopwise")
      .setAudience("loopwise:session")
      .setExpirationTime("1h")
      .sign(secret);
    expect(await getUser(withCookie(hs512))).toBeNull();
    const valid = await new SignJWT({ sid })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("loopwise")
      .setAudience("loopwise:session")
      .setExpirationTime("1h")
      .sign(secret);
    expect((await getUser(withCookie(valid)))?.id).toBe(user.id);
  });

  it("ends when the user is deactivated or the session row is gone", async () => {
    const user = await makeUser("interviewer");
    const req = await request("/", { userId: user.id });
    db().update(users).set({ active: false }).where(eq(users.id, user.id)).run();
    expect(await getUser(req)).toBeNull();
    db().update(users).set({ active: true }).where(eq(users.id, user.id)).run();
    expect(await getUser(req)).not.toBeNull();
    db().delete(sessions).run();
    expect(await getUser(req)).toBeNull();
  });

  it("sends anonymous people to sign-in and back to where they were going", async () => {
    const thrown = await requireUser(new Request("http://localhost/interviews/7?tab=kit")).catch((r: Response) => r);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Finterviews%2F7%3Ftab%3Dkit");
    // The router's data requests are sent back to the page, not to the .data URL.
    const data = (await requireUser(new Request("http://localhost/candidates/3.data?_routes=x")).catch((r: Response) => r)) as Response;
    expect(data.headers.get("Location")).toBe("/login?redirectTo=%2Fcandidates%2F3");
  });

  it("answers 403 to the wrong role", async () => {
    const user = await makeUser("interviewer");
    const thrown = (await requireRole(await request("/", { userId: user.id }), "hiring_manager", "admin").catch(
      (r: Response) => r,
    )) as Response;
    expect(thrown.status).toBe(403);
  });
});
