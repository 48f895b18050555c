// Integration: sign-in with the company's identity provider against a real OpenID Connect provider
// running in this process (tests/identity-provider.ts), driven through the app's own route
// loaders and actions with the cookies a browser would carry. The provider only proves who signs
// in: the account must already exist here, be active, and have the address the provider verified.
import { count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, users } from "#db/schema";
import { getUser } from "#app/auth/session.server";
import { startProviderSignIn } from "#app/auth/provider-sign-in.server";
import { providerFormTargets } from "#app/auth/identity-provider.server";
import { db } from "#app/utils/db.server";
import { recallSignInState, rememberSignInState } from "#app/utils/provider-sign-in-cookies.server";
import { systemNow } from "#app/utils/clock.server";
import { makeUser, request, routeArgs, run } from "#tests/factories";
import { renderPage } from "#tests/render";
import { startIdentityProvider } from "#tests/identity-provider";
import * as callback from "./auth.oidc.callback";
import * as start from "./auth.oidc.start";
import * as login from "./login";

const CLIENT = { clientId: "loopwise-test", clientSecret: "a-client-secret-only-this-test-knows" };
// PUBLIC_URL is unset in tests, so the app's address is http://localhost:3000.
const idp = await startIdentityProvider({ ...CLIENT, redirectUri: "http://localhost:3000/auth/oidc/callback" });
// Read at the app's first use of its environment, which comes after this.
process.env.OIDC_ISSUER = idp.issuer;
process.env.OIDC_CLIENT_ID = CLIENT.clientId;
process.env.OIDC_CLIENT_SECRET = CLIENT.clientSecret;
process.env.OIDC_NAME = "Acme SSO";
afterAll(() => idp.close());

const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;
const setCookies = (response: Response) => response.headers.getSetCookie();
const cookieNamed = (response: Response, name: string) => setCookies(response).find((c) => c.startsWith(`${name}=`));

/** Presses "Sign in with Acme SSO" on the sign-in page (reached with ?redirectTo=`redirectTo`). */
async function pressSignIn(redirectTo = "") {
  const { response } = await run(() => start.action(routeArgs(new Request("http://localhost/auth/oidc/start", post({ redirectTo })))));
  expect(response?.status).toBe(302);
  const stateCookie = cookieNamed(response!, "lw_provider_sign_in");
  expect(stateCookie).toMatch(/HttpOnly/i);
  return { authorizationUrl: response!.headers.get("Location")!, cookie: cookiePair(stateCookie!) };
}

function post(form: Record<string, string>): RequestInit {
  return { method: "POST", body: new URLSearchParams(form), headers: { "Content-Type": "application/x-www-form-urlencoded" } };
}

/** The browser arriving back at the app from the provider, with its cookie for the sign-in. */
async function arriveBack(url: URL, cookie: string | undefined, now: Date = systemNow()) {
  const { response } = await run(() =>
    callback.loader(routeArgs(new Request(url, { headers: cookie ? { Cookie: cookie } : {} }), {}, now)),
  );
  expect(response?.status).toBe(302);
  return response!;
}

/** What the sign-in page shows after being sent there by `response`. */
async function signInPageAfter(response: Response) {
  const notice = cookieNamed(response, "lw_sign_in_notice");
  const { data } = await run(() =>
    login.loader(
      routeArgs(
        new Request(new URL(response.headers.get("Location")!, "http://localhost"), {
          headers: notice ? { Cookie: cookiePair(notice) } : {},
        }),
      ),
    ),
  );
  return (data as unknown as { data: { notice: string | null; provider: { name: string } | null } }).data;
}

const signedInUser = async (response: Response) => {
  const session = cookieNamed(response, "lw_session");
  return session ? getUser(new Request("http://localhost/", { headers: { Cookie: cookiePair(session) } })) : null;
};

describe("signing in with the identity provider", () => {
  it("signs in the existing account the provider proves, case aside, and lands where the person was going", async () => {
    const hm = await makeUser("hiring_manager", { email: "grace.hopper@example.com", name: "Grace Hopper" });
    idp.accounts.set("grace", { email: "Grace.Hopper@Example.COM", email_verified: true });
    const page = await run(() => login.loader(routeArgs(new Request("http://localhost/login"))));
    expect((page.data as unknown as { data: { provider: { name: string } } }).data.provider?.name).toBe("Acme SSO");

    const { authorizationUrl, cookie } = await pressSignIn("/pipeline?position=1");
    expect(new URL(authorizationUrl).origin).toBe(idp.issuer);
    const params = new URL(authorizationUrl).searchParams;
    expect(params.get("redirect_uri")).toBe("http://localhost:3000/auth/oidc/callback");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();

    const back = await idp.signIn(authorizationUrl, "grace");
    expect(back.searchParams.get("code")).toBeTruthy();
    const response = await arriveBack(back, cookie);
    expect(response.headers.get("Location")).toBe("/pipeline?position=1");
    expect((await signedInUser(response))?.id).toBe(hm.id);
    // The started sign-in is forgotten with the first answer.
    expect(cookieNamed(response, "lw_provider_sign_in")).toMatch(/Max-Age=0/);

    const entry = db().select().from(auditLog).where(eq(auditLog.action, "sign_in")).get();
    expect(entry).toMatchObject({ actorId: hm.id, summary: "Signed in with Acme SSO", after: { method: "identity_provider" } });
  });

  it("fetches the provider's discovery document once per process, not per sign-in", async () => {
    await makeUser("interviewer", { email: "ada@example.com" });
    idp.accounts.set("ada", { email: "ada@example.com", email_verified: true });
    for (let i = 0; i < 2; i += 1) {
      const { authorizationUrl, cookie } = await pressSignIn();
      const response = await arriveBack(await idp.signIn(authorizationUrl, "ada"), cookie);
      expect(response.headers.get("Location")).toBe("/interviews");
    }
    expect(idp.discoveries()).toBe(1);
  });

  it("refuses an address with no Loopwise account, and creates none", async () => {
    idp.accounts.set("stranger", { email: "stranger@example.com", email_verified: true });
    const usersBefore = db().select({ n: count() }).from(users).get()!.n;
    const { authorizationUrl, cookie } = await pressSignIn("/candidates");
    const response = await arriveBack(await idp.signIn(authorizationUrl, "stranger"), cookie);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fcandidates");
    expect(await signedInUser(response)).toBeNull();
    expect((await signInPageAfter(response)).notice).toBe("No Loopwise account for stranger@example.com; ask an admin for an invitation.");
    expect(db().select({ n: count() }).from(users).get()!.n).toBe(usersBefore);
    const entry = db().select().from(auditLog).where(eq(auditLog.action, "sign_in_failed")).get();
    expect(entry).toMatchObject({
      actorId: null,
      entityType: "sign_in",
      after: { email: "stranger@example.com", method: "identity_provider" },
    });
    expect(entry?.summary).toMatch(/Refused sign-in with Acme SSO: no account for this address/);
  });

  it("refuses an address the provider has not verified, even when an account has it", async () => {
    await makeUser("admin", { email: "unverified@example.com" });
    idp.accounts.set("unverified", { email: "unverified@example.com", email_verified: false });
    const { authorizationUrl, cookie } = await pressSignIn();
    const response = await arriveBack(await idp.signIn(authorizationUrl, "unverified"), cookie);
    expect(await signedInUser(response)).toBeNull();
    expect((await signInPageAfter(response)).notice).toMatch(/Acme SSO hasn't verified an email address for your account/);
  });

  it("refuses a deactivated account", async () => {
    await makeUser("interviewer", { email: "left@example.com", active: false });
    idp.accounts.set("left", { email: "left@example.com", email_verified: true });
    const { authorizationUrl, cookie } = await pressSignIn();
    const response = await arriveBack(await idp.signIn(authorizationUrl, "left"), cookie);
    expect(await signedInUser(response)).toBeNull();
    expect((await signInPageAfter(response)).notice).toBe(
      "The Loopwise account for left@example.com is deactivated; ask an admin to reactivate it.",
    );
  });

  it("stops an answer whose state was tampered with, and signs nobody in", async () => {
    await makeUser("interviewer", { email: "eve@example.com" });
    idp.accounts.set("eve", { email: "eve@example.com", email_verified: true });
    const { authorizationUrl, cookie } = await pressSignIn();
    const back = await idp.signIn(authorizationUrl, "eve");
    back.searchParams.set("state", "a-state-this-browser-never-sent");
    const response = await arriveBack(back, cookie);
    expect(await signedInUser(response)).toBeNull();
    expect((await signInPageAfter(response)).notice).toMatch(/didn't come back from Acme SSO as it was sent \(its state didn't match\)/);
  });

  it("refuses an ID token issued for another sign-in (its nonce), and records the refusal", async () => {
    await makeUser("interviewer", { email: "mallory@example.com" });
    idp.accounts.set("mallory", { email: "mallory@example.com", email_verified: true });
    const { authorizationUrl, cookie } = await pressSignIn();
    const back = await idp.signIn(authorizationUrl, "mallory");
    // The same sign-in as the app signed it, but expecting another nonce: what an ID token
    // carried over from someone else's sign-in looks like to this browser.
    const started = (await recallSignInState(cookie, systemNow()))!;
    const otherNonce = await rememberSignInState({ ...started, nonce: "a-nonce-this-sign-in-never-sent" }, systemNow());
    const response = await arriveBack(back, cookiePair(otherNonce));
    expect(await signedInUser(response)).toBeNull();
    expect((await signInPageAfter(response)).notice).toMatch(/Acme SSO's answer couldn't be verified, so nobody was signed in/);
    const entry = db().select().from(auditLog).where(eq(auditLog.action, "sign_in_failed")).get();
    expect(entry?.summary).toMatch(/the provider's answer failed verification/);
  });

  it("whatever comes back to the callback (any query, any cookie) ends on the sign-in page, never a 500 or a session", async () => {
    await makeUser("interviewer", { email: "ada@example.com" });
    const { cookie } = await pressSignIn();
    const realState = (await recallSignInState(cookie, systemNow()))!.state;
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("", "access_denied", "invalid_request", "__proto__"),
    );
    const optional = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: undefined });
    const answers = fc.record({
      code: optional(text),
      state: optional(fc.oneof(text, fc.constant(realState))),
      error: optional(text),
      iss: optional(fc.oneof(text, fc.constant(idp.issuer))),
      extra: optional(text),
      cookie: fc.oneof(
        fc.constant(cookie),
        fc.constant(undefined),
        text.map((t) => `lw_provider_sign_in=${encodeURIComponent(t)}`),
      ),
    });
    await fc.assert(
      fc.asyncProperty(answers, async ({ cookie: sent, extra, ...query }) => {
        const url = new URL("http://localhost:3000/auth/oidc/callback");
        for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
        if (extra !== undefined) url.searchParams.append("code", extra);
        const response = await arriveBack(url, sent);
        expect(response.headers.get("Location")).toMatch(/^\/login(\?|$)/);
        expect(cookieNamed(response, "lw_session")).toBeUndefined();
        expect((await signInPageAfter(response)).notice).toBeTruthy();
      }),
      { numRuns: 100 },
    );
    // A hundred round trips to the provider, some with a token request each.
  }, 30_000);

  it("a stray visit to the start of a sign-in goes to the sign-in page", async () => {
    expect((await run(() => start.loader())).response?.headers.get("Location")).toBe("/login");
  });

  it("answers a replayed callback, a lost or expired sign-in and a cancelled one with a message, never a session", async () => {
    await makeUser("interviewer", { email: "replay@example.com" });
    idp.accounts.set("replay", { email: "replay@example.com", email_verified: true });

    const first = await pressSignIn();
    const back = await idp.signIn(first.authorizationUrl, "replay");
    expect(await signedInUser(await arriveBack(back, first.cookie))).not.toBeNull();
    // The same answer again, even with the cookie copied: the provider's code works once.
    const replayed = await arriveBack(back, first.cookie);
    expect(await signedInUser(replayed)).toBeNull();
    expect((await signInPageAfter(replayed)).notice).toMatch(/was already used or has expired/);
    // The same answer in a browser that no longer holds the cookie.
    expect((await signInPageAfter(await arriveBack(back, undefined))).notice).toMatch(/had expired or was already used/);

    // Back after the ten minutes a sign-in may take.
    const slow = await pressSignIn();
    const late = await arriveBack(
      await idp.signIn(slow.authorizationUrl, "replay"),
      slow.cookie,
      new Date(systemNow().getTime() + 11 * 60_000),
    );
    expect(await signedInUser(late)).toBeNull();
    expect((await signInPageAfter(late)).notice).toMatch(/had expired or was already used/);

    const cancelled = await pressSignIn();
    const denied = await idp.signIn(cancelled.authorizationUrl, { cancel: true });
    expect(denied.searchParams.get("error")).toBe("access_denied");
    const response = await arriveBack(denied, cancelled.cookie);
    expect(await signedInUser(response)).toBeNull();
    expect((await signInPageAfter(response)).notice).toBe("Sign-in with Acme SSO was cancelled, so nobody was signed in.");
  });

  it("shows no words of a link's choosing: an unknown error code and its description are not repeated", async () => {
    const { cookie } = await pressSignIn();
    const url = new URL("http://localhost:3000/auth/oidc/callback?error=call_us&error_description=Call+0800+to+unlock");
    const notice = (await signInPageAfter(await arriveBack(url, cookie))).notice!;
    expect(notice).toMatch(/Acme SSO refused the sign-in/);
    expect(notice).not.toMatch(/0800|call_us/);
  });

  it("returns only to a page of this site", async () => {
    await makeUser("hiring_manager", { email: "back@example.com" });
    idp.accounts.set("back", { email: "back@example.com", email_verified: true });
    for (const target of ["//evil.test/steal", "https://evil.test/", "/\\evil.test"]) {
      const { authorizationUrl, cookie } = await pressSignIn(target);
      const response = await arriveBack(await idp.signIn(authorizationUrl, "back"), cookie);
      expect(response.headers.get("Location")).toBe("/candidates");
    }
  });

  it("says when the provider can't be reached, without leaving the site", async () => {
    const started = await startProviderSignIn(
      { issuer: "http://127.0.0.1:1", clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, name: "Offline SSO" },
      { returnTo: "/candidates", now: systemNow() },
    );
    expect(started).toEqual({
      ok: false,
      notice:
        "Offline SSO can't be reached right now, so nobody was signed in. Try again in a minute, or sign in with your email and password.",
    });
  });

  it("the sign-in page offers the provider's button below the password form, and says once why the last attempt failed", async () => {
    idp.accounts.set("nobody", { email: "nobody@example.com", email_verified: true });
    const { authorizationUrl, cookie } = await pressSignIn();
    const refused = await arriveBack(await idp.signIn(authorizationUrl, "nobody"), cookie);
    const loaderData = await signInPageAfter(refused);
    const html = renderPage(login.default as never, { loaderData });
    expect(html).toMatch(/<form[^>]*action="\/auth\/oidc\/start"/);
    expect(html).toMatch(/<button type="submit" class="btn provider-sign-in-button">Sign in with <!-- -->Acme SSO<\/button>/);
    expect(html).toMatch(/role="alert">No Loopwise account for nobody@example.com; ask an admin for an invitation./);
    expect(html.indexOf("Password")).toBeLessThan(html.indexOf("Sign in with"));
    // The browser follows the button's redirect to the provider only if the page's form-action
    // allows its origin; no other page widens it.
    expect(providerFormTargets("/login")).toEqual([idp.issuer]);
    expect(providerFormTargets("/candidates")).toEqual([]);
    // Shown once: the page that showed it clears its cookie.
    const notice = cookiePair(cookieNamed(refused, "lw_sign_in_notice")!);
    const { data } = await run(() => login.loader(routeArgs(new Request("http://localhost/login", { headers: { Cookie: notice } }))));
    expect((data as unknown as { init: ResponseInit }).init.headers).toMatchObject({
      "Set-Cookie": expect.stringMatching(/lw_sign_in_notice=; .*Max-Age=0/),
    });
  });

  it("says when the provider's settings can't be read (an issuer with no discovery document), and to tell an admin", async () => {
    const started = await startProviderSignIn(
      { issuer: `${idp.issuer}/no-such-tenant`, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, name: "Misconfigured SSO" },
      { returnTo: "", now: systemNow() },
    );
    expect(started).toEqual({
      ok: false,
      notice:
        "Sign-in with Misconfigured SSO isn't working: Loopwise couldn't read the provider's settings. Sign in with your email and password, and tell an admin.",
    });
  });

  it("a password sign-in still works beside it", async () => {
    const user = await makeUser("interviewer");
    const { response } = await run(async () =>
      login.action(routeArgs(await request("/login", { form: { email: user.email, password: "correct horse battery" } }))),
    );
    expect(response?.headers.get("Location")).toBe("/interviews");
  });
});
