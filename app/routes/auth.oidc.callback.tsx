import { redirect } from "react-router";
import type { Route } from "./+types/auth.oidc.callback";
import { identityProvider, signInPage } from "#app/auth/identity-provider.server";
import { finishProviderSignIn } from "#app/auth/provider-sign-in.server";
import { destinationAfterSignIn, homeFor } from "#app/models/permissions";
import { clientAddress } from "#app/utils/client-address.server";
import { requestTime } from "#app/utils/clock.server";
import { notFound } from "#app/utils/http.server";
import { safeRedirect } from "#app/utils/misc";
import { rememberSignInNotice } from "#app/utils/provider-sign-in-cookies.server";

// Where the identity provider sends the browser back. Every outcome is a redirect: to where the
// person was going, or to the sign-in page saying why not.
export async function loader({ request, context }: Route.LoaderArgs) {
  const provider = identityProvider();
  if (!provider) notFound();
  const now = requestTime(context);
  const result = await finishProviderSignIn(provider, {
    url: new URL(request.url),
    cookieHeader: request.headers.get("Cookie"),
    client: clientAddress(request),
    now,
  });
  const headers = new Headers();
  for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
  if (!result.ok) {
    headers.append("Set-Cookie", await rememberSignInNotice(result.notice, now));
    throw redirect(signInPage(result.returnTo), { headers });
  }
  throw redirect(destinationAfterSignIn(safeRedirect(result.returnTo, homeFor(result.role)), result.role), { headers });
}
