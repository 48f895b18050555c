import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { recordAudit } from "#app/models/audit.server";
import { db } from "#app/utils/db.server";
import { endSession, getUser } from "#app/utils/session.server";

export async function loader() {
  // Signing out changes state, so it only happens on POST; a stray GET just goes home.
  throw redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const user = await getUser(request);
  if (user) recordAudit(db(), { actor: user, action: "sign_out", entityType: "user", entityId: user.id, summary: "Signed out" });
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}
