// Integration: a failed sign-in keeps the email and never sends the typed password back to the
// page (the browser journey in tests/e2e/auth.test.ts checks the field is empty on screen).
import { describe, expect, it } from "vitest";
import { makeUser, request, run, routeArgs } from "#tests/factories";
import * as login from "./login";

type Reply = { data: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }; init: { status: number } };

describe("signing in with the wrong password", () => {
  it.each([
    ["a wrong password", (email: string) => ({ email, password: "not the password" })],
    ["a malformed email", () => ({ email: "not-an-email", password: "correct horse battery" })],
  ])("answers %s with a message, the email kept and the password left out", async (_label, form) => {
    const user = await makeUser("interviewer");
    const body = form(user.email);
    const reply = (await run(async () => login.action(routeArgs(await request("/login", { form: body }))))).data as unknown as Reply;
    expect(reply.init.status).toBe(400);
    expect(
      Object.values(reply.data.error ?? {})
        .flat()
        .join(" "),
    ).toMatch(/don't match an active account|valid email/);
    expect(reply.data.initialValue?.email).toBe(body.email);
    expect(reply.data.initialValue).not.toHaveProperty("password");
    expect(JSON.stringify(reply.data)).not.toContain(body.password);
  });
});
