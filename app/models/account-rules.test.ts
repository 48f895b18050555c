import { describe, expect, it } from "vitest";
import { linkExpiry, linkState, passwordProblem } from "./account-rules";
import { hashLinkToken, newLinkToken } from "./account-link.server";

const NOW = new Date("2026-12-02T09:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("what a link can still do", () => {
  it("works until the instant it expires, and not at that instant", () => {
    const link = { expiresAt: at(60), usedAt: null, revokedAt: null };
    expect(linkState(link, at(59))).toBe("valid");
    expect(linkState(link, at(60))).toBe("expired");
  });

  it("says used, or replaced, rather than expired once either happened", () => {
    expect(linkState({ expiresAt: at(60), usedAt: at(5), revokedAt: null }, at(90))).toBe("used");
    expect(linkState({ expiresAt: at(60), usedAt: null, revokedAt: at(5) }, at(90))).toBe("replaced");
    expect(linkState({ expiresAt: at(60), usedAt: null, revokedAt: at(5) }, at(10))).toBe("replaced");
  });

  it("an invitation lasts 7 days, a reset link an hour", () => {
    expect(linkExpiry("invitation", NOW).toISOString()).toBe("2026-12-09T09:00:00.000Z");
    expect(linkExpiry("password_reset", NOW).toISOString()).toBe("2026-12-02T10:00:00.000Z");
  });
});

describe("link secrets", () => {
  it("are 43 random base64url characters, and only their SHA-256 is kept", () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(hashLinkToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(a.token);
    // One changed character is another hash entirely: a tampered link finds nothing.
    expect(hashLinkToken(a.token.slice(0, -1) + (a.token.endsWith("A") ? "B" : "A"))).not.toBe(a.tokenHash);
  });
});

describe("the password rule", () => {
  const mei = { email: "mei.lin@loopwise.test", name: "Mei Lin Chen" };

  it("accepts 12 characters or more that aren't the person's name or email", () => {
    expect(passwordProblem("tidal copper lantern", mei)).toBeNull();
    expect(passwordProblem("exactly12chr", mei)).toBeNull();
  });

  it("refuses fewer than 12 characters and says why length matters", () => {
    expect(passwordProblem("elevenchars", mei)).toMatch(/at least 12 characters: a longer password takes far longer to guess/);
  });

  it.each(["mei.lin@loopwise.test", "MEI.LIN@LOOPWISE.TEST", "meilin-2026-spring", "Mei Lin Chen 2026", "meilinchen!!"])(
    "refuses %s: built from the name or email",
    (password) => {
      expect(passwordProblem(password, mei)).toMatch(/name or email: they are the first things someone guessing would try/);
    },
  );

  it("refuses more than 200 characters", () => {
    expect(passwordProblem("x".repeat(201), mei)).toMatch(/under 200/);
  });
});
