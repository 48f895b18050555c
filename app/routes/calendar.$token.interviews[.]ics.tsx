import type { Route } from "./+types/calendar.$token.interviews[.]ics";
import { interviewerFeed } from "#app/models/calendar";
import { getFeedOwner, listFeedInterviews } from "#app/models/calendar.server";
import { verifyFeedToken } from "#app/utils/calendar-token.server";
import { requestTime } from "#app/utils/clock.server";
import { env } from "#app/utils/env.server";
import { plainError } from "#app/utils/http.server";

/**
 * A person's interviews as a calendar feed. The signed link is the only credential (a calendar
 * app has no session); a forged, tampered or replaced link, or a deactivated person, gets a 404
 * that says nothing about which it was.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const claims = await verifyFeedToken(params.token);
  const owner = claims ? getFeedOwner(claims) : null;
  if (!owner) throw plainError("This calendar link doesn't work. Make a new one on My interviews in Loopwise.", 404);
  const now = requestTime(context);
  const body = interviewerFeed(listFeedInterviews(owner.id, now), { now, appUrl: env().publicUrl, ownerName: owner.name });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
}
