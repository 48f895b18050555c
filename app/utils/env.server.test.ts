import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

const BASE = { NODE_ENV: "test", SESSION_SECRET: "a-secret-for-this-test-of-the-environment-only", DATABASE_PATH: ":memory:" } as const;
const PROVIDER = {
  OIDC_ISSUER: "https://login.example.com",
  OIDC_CLIENT_ID: "loopwise",
  OIDC_CLIENT_SECRET: "shh",
  OIDC_NAME: "Example SSO",
};

describe("sign-in with an identity provider, as configured by the environment", () => {
  it("is off when none of its variables is set, or each is set empty", () => {
    expect(parseEnv({ ...BASE }).identityProvider).toBeNull();
    expect(parseEnv({ ...BASE, OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "", OIDC_NAME: "" }).identityProvider).toBeNull();
  });

  it("is on with all four", () => {
    expect(parseEnv({ ...BASE, ...PROVIDER }).identityProvider).toEqual({
      issuer: "https://login.example.com",
      clientId: "loopwise",
      clientSecret: "shh",
      name: "Example SSO",
    });
  });

  it("refuses to start with only some of them, naming the missing ones", () => {
    const { OIDC_CLIENT_SECRET: _secret, OIDC_NAME: _name, ...partial } = PROVIDER;
    expect(() => parseEnv({ ...BASE, ...partial })).toThrow(/missing: OIDC_CLIENT_SECRET, OIDC_NAME/);
    expect(() => parseEnv({ ...BASE, OIDC_ISSUER: PROVIDER.OIDC_ISSUER })).toThrow(/needs all of OIDC_ISSUER, OIDC_CLIENT_ID/);
  });

  it("accepts plain http only for a provider on this machine", () => {
    expect(() => parseEnv({ ...BASE, ...PROVIDER, OIDC_ISSUER: "http://login.example.com" })).toThrow(
      /OIDC_ISSUER must start with https:\/\//,
    );
    expect(() => parseEnv({ ...BASE, ...PROVIDER, OIDC_ISSUER: "http://localhost.evil.test" })).toThrow(
      /OIDC_ISSUER must start with https/,
    );
    expect(parseEnv({ ...BASE, ...PROVIDER, OIDC_ISSUER: "http://127.0.0.1:4000" }).identityProvider?.issuer).toBe("http://127.0.0.1:4000");
    expect(() => parseEnv({ ...BASE, ...PROVIDER, OIDC_ISSUER: "not a url" })).toThrow(/issuer address/);
  });
});
