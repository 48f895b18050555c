import { describe, expect, it } from "vitest";
import { makeUser } from "#tests/factories";
import { signIn } from "./login.server";

describe("sign-in", () => {
  it("accepts the right password, case-insensitively for the email", async () => {
    const user = await makeUser("hiring_manager", { email: "dana@loopwise.test" });
    const result = await signIn("  Dana@Loopwise.test ", "correct horse battery");
    expect(result).toMatchObject({ ok: true, role: "hiring_manager" });
    expect(user.id).toBeGreaterThan(0);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await makeUser("interviewer", { email: "lee@loopwise.test" });
    const wrong = await signIn("lee@loopwise.test", "nope");
    const unknown = await signIn("nobody@loopwise.test", "nope");
    expect(wrong).toEqual(unknown);
  });

  it("locks an address after five failures, even against the right password", async () => {
    await makeUser("interviewer", { email: "sam@loopwise.test" });
    for (let i = 0; i < 5; i++) expect((await signIn("sam@loopwise.test", "guess")).ok).toBe(false);
    const locked = await signIn("sam@loopwise.test", "correct horse battery");
    expect(locked).toMatchObject({ ok: false, locked: true });
    expect(locked.ok === false && locked.message).toMatch(/Too many failed attempts.*15 minutes/);
  });

  it("refuses deactivated accounts", async () => {
    await makeUser("interviewer", { email: "gone@loopwise.test", active: false });
    expect((await signIn("gone@loopwise.test", "correct horse battery")).ok).toBe(false);
  });
});

describe("where sign-in leads", () => {
  it("an interviewer asked to go to a hiring-team page goes to their own start page instead", async () => {
    const { destinationAfterSignIn } = await import("./login.server");
    expect(destinationAfterSignIn("/candidates/3", "interviewer")).toBe("/interviews");
    expect(destinationAfterSignIn("/admin/users", "hiring_manager")).toBe("/candidates");
    expect(destinationAfterSignIn("/interviews/4?x=1", "interviewer")).toBe("/interviews/4?x=1");
    expect(destinationAfterSignIn("/candidates/3", "hiring_manager")).toBe("/candidates/3");
  });
});
