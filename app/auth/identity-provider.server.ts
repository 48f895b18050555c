import * as oidc from "openid-client";
import { SIGN_IN_PAGES } from "#app/models/permissions";
import { env, type IdentityProvider } from "#app/utils/env.server";
import { publicLink } from "#app/utils/public-url.server";

/** Where the provider sends people back; register exactly this with the provider. */
export const CALLBACK_PATH = SIGN_IN_PAGES.providerCallback;
export const START_PATH = SIGN_IN_PAGES.providerStart;

export const callbackUrl = () => publicLink(CALLBACK_PATH);

/** The configured provider, or null when sign-in with one is off (the default). */
export function identityProvider(): IdentityProvider | null {
  return env().identityProvider;
}

// Discovery is one round trip to the provider that answers the same for hours: done once per
// process, on first use, not per sign-in. A failed attempt is not kept, so the next sign-in tries
// again once the provider is back.
let discovered: { issuer: string; configuration: Promise<oidc.Configuration>; authorizationOrigin?: string } | undefined;
const DISCOVERY_TIMEOUT_SECONDS = 10;

export function providerConfiguration(provider: IdentityProvider): Promise<oidc.Configuration> {
  if (discovered?.issuer !== provider.issuer) {
    const issuer = new URL(provider.issuer);
    // env.server.ts allows plain HTTP only for a provider on this machine.
    const execute = issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [];
    const configuration = oidc
      .discovery(issuer, provider.clientId, provider.clientSecret, undefined, { execute, timeout: DISCOVERY_TIMEOUT_SECONDS })
      .then((found) => {
        const endpoint = found.serverMetadata().authorization_endpoint;
        if (endpoint && discovered?.configuration === configuration) discovered.authorizationOrigin = new URL(endpoint).origin;
        return found;
      })
      .catch((error: unknown) => {
        if (discovered?.configuration === configuration) discovered = undefined;
        throw error;
      });
    discovered = { issuer: provider.issuer, configuration };
  }
  return discovered.configuration;
}

/**
 * Where the sign-in page's button may lead (its page's form-action): the provider's own origin,
 * and its authorization endpoint's once discovery has said where that is, if elsewhere. Without
 * them the browser refuses to follow the redirect to the provider. Other pages: nowhere else.
 */
export function providerFormTargets(pathname: string): string[] {
  const provider = identityProvider();
  if (!provider || pathname.replace(/\/+$/, "") !== SIGN_IN_PAGES.signIn) return [];
  const origins = new Set([new URL(provider.issuer).origin]);
  if (discovered?.issuer === provider.issuer && discovered.authorizationOrigin) origins.add(discovered.authorizationOrigin);
  return [...origins];
}

/** Whether an error means the provider could not be reached at all (rather than said no). */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof oidc.ClientError) return error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT";
  // fetch() rejects with a TypeError when the connection fails; openid-client passes it through.
  return error instanceof TypeError && /fetch failed|network/i.test(error.message);
}

/** The sign-in page, keeping where the person was going for a password sign-in instead. */
export function signInPage(returnTo: string): string {
  return returnTo ? `${SIGN_IN_PAGES.signIn}?${new URLSearchParams({ redirectTo: returnTo })}` : SIGN_IN_PAGES.signIn;
}
