import { redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/auth.oidc.start";
import { identityProvider, signInPage } from "#app/auth/identity-provider.server";
import { startProviderSignIn } from "#app/auth/provider-sign-in.server";
import { requestTime } from "#app/utils/clock.server";
import { notFound, readFormData } from "#app/utils/http.server";
import { safeRedirect } from "#app/utils/misc";
import { rememberSignInNotice } from "#app/utils/provider-sign-in-cookies.server";

// The sign-in page's hidden field; anything else (too long, a file) is no destination at all
// rather than a refused sign-in.
const StartSchema = z.object({ redirectTo: z.string().max(2000).optional() });

export function loader() {
  if (!identityProvider()) notFound();
  // Starting a sign-in sets a cookie and leaves the site, so only the sign-in page's POST does.
  throw redirect("/login");
}

export async function action({ request, context }: Route.ActionArgs) {
  const provider = identityProvider();
  if (!provider) notFound();
  const form = await readFormData(request);
  const parsed = StartSchema.safeParse({ redirectTo: form.get("redirectTo") ?? undefined });
  const returnTo = safeRedirect(parsed.success ? parsed.data.redirectTo : undefined, "");
  const now = requestTime(context);
  const started = await startProviderSignIn(provider, { returnTo, now });
  if (!started.ok) throw redirect(signInPage(returnTo), { headers: { "Set-Cookie": await rememberSignInNotice(started.notice, now) } });
  throw redirect(started.location, { headers: { "Set-Cookie": started.cookie } });
}
