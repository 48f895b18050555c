import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeUser } from "#tests/factories";
import { SIGN_IN_LIMITS } from "#app/utils/rate-limit.server";
import { signIn } from "./sign-in.server";

// The throttle's counters live for the whole test file, so every test uses its own addresses
// and its own client addresses.
const client = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;
const attempt = (email: string, password: string, from: string, waits: number[] = []) =>
  signIn({ email, password, client: from, now: new Date(), wait: async (ms) => void waits.push(ms) });
const PASSWORD = "correct horse battery";

describe("sign-in", () => {
  it("accepts the right password, case-insensitively for the email", async () => {
    await makeUser("hiring_manager", { email: "dana@loopwise.test" });
    expect(await attempt("  Dana@Loopwise.test ", PASSWORD, client())).toMatchObject({ ok: true, role: "hiring_manager" });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await makeUser("interviewer", { email: "lee@loopwise.test" });
    const from = client();
    expect(await attempt("lee@loopwise.test", "nope", from)).toEqual(await attempt("nobody@loopwise.test", "nope", from));
  });

  it("refuses deactivated accounts", async () => {
    await makeUser("interviewer", { email: "gone@loopwise.test", active: false });
    expect((await attempt("gone@loopwise.test", PASSWORD, client())).ok).toBe(false);
  });
});

// Each attempt checks a password with scrypt, as sign-in does: dozens of them take seconds.
describe("throttling: nobody can lock someone else out", { timeout: 30_000 }, () => {
  it("refuses one client after five failures for an account, even the right password, with a retry time", async () => {
    await makeUser("interviewer", { email: "sam@loopwise.test" });
    const from = client();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountClient; i++) expect((await attempt("sam@loopwise.test", "guess", from)).ok).toBe(false);
    const refused = await attempt("sam@loopwise.test", PASSWORD, from);
    expect(refused).toMatchObject({ ok: false, refused: true });
    expect(refused.ok === false && refused.message).toMatch(/Too many failed attempts for this email from this device.*15 minutes/);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });

  it("a stranger's failures from elsewhere do not stop the owner signing in", async () => {
    await makeUser("interviewer", { email: "owner@loopwise.test" });
    // Far more failures than any single limit, spread over many clients as a distributed attacker would.
    for (let i = 0; i < 40; i++) await attempt("owner@loopwise.test", `guess-${i}`, client());
    const waits: number[] = [];
    expect(await attempt("owner@loopwise.test", PASSWORD, client(), waits)).toMatchObject({ ok: true });
    // The account is under attack, so the attempt was slowed down, not refused.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(SIGN_IN_LIMITS.maxSlowdownMs);
  });

  it("a quiet account is not slowed down at all", async () => {
    await makeUser("interviewer", { email: "quiet@loopwise.test" });
    const waits: number[] = [];
    await attempt("quiet@loopwise.test", "typo", client(), waits);
    expect(await attempt("quiet@loopwise.test", PASSWORD, client(), waits)).toMatchObject({ ok: true });
    expect(waits).toEqual([]);
  });

  it("one client trying many addresses is stopped, and only that client", async () => {
    await makeUser("interviewer", { email: "target@loopwise.test" });
    const attacker = client();
    const answers = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perClient + 5; i++) answers.push(await attempt(`person${i}@loopwise.test`, "password1", attacker));
    expect(answers.slice(0, SIGN_IN_LIMITS.perClient).every((a) => a.ok === false && !a.refused)).toBe(true);
    expect(answers.slice(SIGN_IN_LIMITS.perClient).every((a) => a.ok === false && a.refused)).toBe(true);
    const last = answers.at(-1)!;
    expect(!last.ok && last.message).toMatch(/from this network/);
    // The same address from another client still works.
    expect(await attempt("target@loopwise.test", PASSWORD, client())).toMatchObject({ ok: true });
  });

  it("a correct password clears this client's count for the account", async () => {
    await makeUser("interviewer", { email: "typist@loopwise.test" });
    const from = client();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountClient - 1; i++) await attempt("typist@loopwise.test", "typo", from);
    expect(await attempt("typist@loopwise.test", PASSWORD, from)).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountClient - 1; i++) await attempt("typist@loopwise.test", "typo", from);
    expect(await attempt("typist@loopwise.test", PASSWORD, from)).toMatchObject({ ok: true });
  });
});
