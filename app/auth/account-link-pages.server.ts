// The loader and action that /invite/$token and /reset/$token share: both open an emailed link
// and, while it works, set a password through it and sign the person in. It lives with the
// sessions it starts (models sit below auth), not beside one of the two routes.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type RouterContextProvider } from "react-router";
import type { AccountLinkPurpose } from "#db/schema";
import { openLink, setPasswordWithLink } from "#app/models/account-link.server";
import { setPasswordSchema } from "#app/models/account-schema";
import { homeFor } from "#app/models/permissions";
import { startSession } from "./session.server";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";

type Args = { request: Request; params: { token?: string }; context: Readonly<RouterContextProvider> };

// A link that never existed is "not found"; one that did and is spent is "gone".
const statusOf = (state: string) => (state === "unknown" ? 404 : 410);

export function loadLink(purpose: AccountLinkPurpose, { params, context }: Args) {
  // Every page is already sent no-store with a same-origin Referrer-Policy (security-headers.server.ts),
  // so the token in the address is neither cached nor passed to another site.
  const link = openLink(params.token ?? "", purpose, requestTime(context));
  return data({ link }, { status: link.state === "valid" ? 200 : statusOf(link.state) });
}

export async function setPasswordFromForm(purpose: AccountLinkPurpose, { request, params, context }: Args) {
  const now = requestTime(context);
  const token = params.token ?? "";
  const link = openLink(token, purpose, now);
  const formData = await readFormData(request);
  if (link.state !== "valid") return data({ link, result: null }, { status: statusOf(link.state) });
  const submission = parseWithZod(formData, { schema: setPasswordSchema(link.user) });
  if (submission.status !== "success")
    return data({ link: null, result: submission.reply({ hideFields: ["newPassword", "confirmPassword"] }) }, { status: 400 });
  const used = await setPasswordWithLink({ token, purpose, password: submission.value.newPassword, now });
  if (!used.ok) return data({ link: used.link, result: null }, { status: statusOf(used.link.state) });
  throw redirect(homeFor(used.user.role), { headers: { "Set-Cookie": await startSession(used.user.id) } });
}
