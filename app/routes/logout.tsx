import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { recordSignOut } from "#app/auth/sign-in.server";
import { requestTime } from "#app/utils/clock.server";
import { endSession, getUser } from "#app/auth/session.server";

export async function loader() {
  // Signing out changes state, so it only happens on POST; a stray GET just goes home.
  throw redirect("/");
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await getUser(request);
  if (user) recordSignOut(user, requestTime(context));
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}
