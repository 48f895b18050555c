import { redirect } from "react-router";
import type { Route } from "./+types/_index";
import { requireUser } from "#app/auth/session.server";
import { homeFor } from "#app/models/permissions";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  throw redirect(homeFor(user.role));
}
