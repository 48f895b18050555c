import type { Route } from "./+types/interviews.$interviewId.invite[.]ics";
import { interviewInvitation } from "#app/models/calendar";
import { interviewRefusal } from "#app/models/interview-access";
import { getCalendarInterview } from "#app/models/calendar.server";
import { requestTime } from "#app/utils/clock.server";
import { env } from "#app/utils/env.server";
import { forbidden, idParam, notFound } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";

/** One interview's calendar invitation (.ics), for its interviewer or the hiring team. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const found = getCalendarInterview(idParam(params.interviewId)) ?? notFound("No such interview");
  const refusal = interviewRefusal(user, found, "read");
  if (refusal) forbidden(refusal);
  const body = interviewInvitation(found.event, { now: requestTime(context), appUrl: env().publicUrl });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="interview-${found.event.id}.ics"`,
    },
  });
}
