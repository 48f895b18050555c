// Sign-in with the company's identity provider: the authorization code flow with PKCE, state and
// nonce (openid-client). The provider only proves who is signing in; the account must already
// exist here, be active, and carry the address the provider has verified. Nothing here creates
// an account (docs/decisions/015-oidc-sign-in.md).
import * as oidc from "openid-client";
import type { Role } from "#db/schema";
import { getUserForProviderSignIn } from "#app/models/user.server";
import type { IdentityProvider } from "#app/utils/env.server";
import { safeRedirect } from "#app/utils/misc";
import { forgetSignInState, recallSignInState, rememberSignInState } from "#app/utils/provider-sign-in-cookies.server";
import { callbackUrl, isUnreachable, providerConfiguration } from "./identity-provider.server";
import { startSession } from "./session.server";
import { recordProviderSignIn, recordRefusedProviderSignIn } from "./sign-in.server";

export type ProviderSignInStart = { ok: true; location: string; cookie: string } | { ok: false; notice: string };

export type ProviderSignInResult =
  { ok: true; cookies: string[]; role: Role; returnTo: string } | { ok: false; notice: string; cookies: string[]; returnTo: string };

const unreachable = (provider: IdentityProvider) =>
  `${provider.name} can't be reached right now, so nobody was signed in. Try again in a minute, or sign in with your email and password.`;

const misconfigured = (provider: IdentityProvider) =>
  `Sign-in with ${provider.name} isn't working: Loopwise couldn't read the provider's settings. Sign in with your email and password, and tell an admin.`;

/** Where to send the browser to sign in at the provider, with the cookie that remembers why. */
export async function startProviderSignIn(
  provider: IdentityProvider,
  { returnTo, now }: { returnTo: string | undefined; now: Date },
): Promise<ProviderSignInStart> {
  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration(provider);
  } catch (error) {
    if (isUnreachable(error)) return { ok: false, notice: unreachable(provider) };
    console.error(`[loopwise] discovering ${provider.issuer} failed`, error);
    return { ok: false, notice: misconfigured(provider) };
  }
  const state = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    returnTo: safeRedirect(returnTo, ""),
  };
  const location = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(),
    scope: "openid email",
    response_type: "code",
    state: state.state,
    nonce: state.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(state.verifier),
    code_challenge_method: "S256",
  });
  return { ok: true, location: location.href, cookie: await rememberSignInState(state, now) };
}

// What the provider may say instead of sending a code (RFC 6749 4.1.2.1, OIDC Core 3.1.2.6). Its
// error_description is never shown: anyone can write one into a link to the sign-in page. A Map,
// so that "error=__proto__" finds nothing rather than Object.prototype.
const PROVIDER_ERRORS = new Map<string, (name: string) => string>([
  ["access_denied", (name) => `Sign-in with ${name} was cancelled, so nobody was signed in.`],
  ["login_required", (name) => `${name} asked you to sign in there first. Start again.`],
  ["interaction_required", (name) => `${name} needs you to finish something there first. Start again.`],
  ["consent_required", (name) => `${name} needs your consent to share your email address with Loopwise. Start again and allow it.`],
  ["temporarily_unavailable", (name) => `${name} is busy right now. Try again in a minute, or sign in with your email and password.`],
  [
    "server_error",
    (name) => `${name} had a problem and couldn't sign you in. Try again in a minute, or sign in with your email and password.`,
  ],
]);

/** Answers the provider's redirect back: a session for the account it proves, or why not. */
export async function finishProviderSignIn(
  provider: IdentityProvider,
  { url, cookieHeader, client, now }: { url: URL; cookieHeader: string | null; client: string; now: Date },
): Promise<ProviderSignInResult> {
  const started = await recallSignInState(cookieHeader, now);
  // Answered once, whatever happens: the cookie goes with the first reply.
  const forget = await forgetSignInState();
  const returnTo = started?.returnTo ?? "";
  const refuse = (notice: string): ProviderSignInResult => ({ ok: false, notice, cookies: [forget], returnTo });
  const refuseAndRecord = (notice: string, reason: string, email?: string) => {
    recordRefusedProviderSignIn({ provider: provider.name, reason, email, client, now });
    return refuse(notice);
  };

  const error = url.searchParams.get("error");
  if (error !== null) {
    const known = PROVIDER_ERRORS.get(error);
    return refuse(
      known
        ? known(provider.name)
        : `${provider.name} refused the sign-in, so nobody was signed in. Start again, or sign in with your email and password.`,
    );
  }
  if (!started)
    return refuse(
      `That sign-in with ${provider.name} had expired or was already used, so nobody was signed in. Start again with the button below.`,
    );
  if (url.searchParams.get("state") !== started.state)
    return refuseAndRecord(
      `That sign-in didn't come back from ${provider.name} as it was sent (its state didn't match), so it was stopped. Start again.`,
      "the answer did not match the sign-in this browser started (state)",
    );

  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration(provider);
  } catch (failure) {
    return refuse(isUnreachable(failure) ? unreachable(provider) : misconfigured(provider));
  }

  let claims: { sub: string; email?: unknown; email_verified?: unknown };
  try {
    // The address registered with the provider, with the code's query: never the Host header.
    const current = new URL(callbackUrl());
    current.search = url.search;
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    claims = idToken;
    // Providers that keep the ID token small give the address from userinfo, for the same subject.
    if (idToken.email === undefined) claims = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
  } catch (failure) {
    if (isUnreachable(failure)) return refuse(unreachable(provider));
    if (failure instanceof oidc.ResponseBodyError && failure.error === "invalid_grant")
      return refuse(`That sign-in with ${provider.name} was already used or has expired, so nobody was signed in. Start again.`);
    console.error(`[loopwise] sign-in with ${provider.issuer} failed`, failure);
    return refuseAndRecord(
      `${provider.name}'s answer couldn't be verified, so nobody was signed in. Start again; if it keeps happening, tell an admin.`,
      "the provider's answer failed verification",
    );
  }

  if (typeof claims.email !== "string" || claims.email_verified !== true)
    return refuseAndRecord(
      `${provider.name} hasn't verified an email address for your account, so Loopwise can't tell whose it is. Sign in with your email and password, or ask ${provider.name}'s administrators to verify your address.`,
      "no verified email address",
      typeof claims.email === "string" ? claims.email : undefined,
    );
  const email = claims.email.trim();
  const user = getUserForProviderSignIn(email);
  if (!user)
    return refuseAndRecord(`No Loopwise account for ${email}; ask an admin for an invitation.`, "no account for this address", email);
  if (!user.active)
    return refuseAndRecord(
      `The Loopwise account for ${email} is deactivated; ask an admin to reactivate it.`,
      "the account is deactivated",
      email,
    );

  const session = await startSession(user.id);
  recordProviderSignIn(user, { provider: provider.name, now });
  return { ok: true, cookies: [forget, session], role: user.role, returnTo };
}
