import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { endSession } from "#app/utils/session.server";

export async function loader() {
  // Signing out changes state, so it only happens on POST; a stray GET just goes home.
  throw redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}
