import { Link } from "react-router";
import type { Route } from "./+types/_app.interviews._index";
import { CalendarFeedCard } from "#app/components/calendar-feed-card";
import { MyInterviewsTable } from "#app/components/my-interviews-table";
import { webcalLink } from "#app/models/calendar";
import { groupMyInterviews } from "#app/models/my-interviews";
import { getFeedTokenId, setFeedLink } from "#app/models/calendar.server";
import { signFeedToken } from "#app/utils/calendar-token.server";
import { publicLink } from "#app/utils/public-url.server";
import { readFormData } from "#app/utils/http.server";
import { withStates } from "#app/models/interview-status";
import { candidateNameFor, listInterviewsFor } from "#app/models/interview.server";
import { requireUser } from "#app/auth/session.server";
import { formatDate } from "#app/utils/time";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = () => [{ title: "My interviews · Loopwise" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const now = requestTime(context);
  const interviews = withStates(listInterviewsFor(user.id), now).map((i) => ({ ...i, candidateName: candidateNameFor(i, user.id) }));
  const { today, owed, upcoming, past } = groupMyInterviews(interviews, now, user.timeZone);
  const feedTokenId = getFeedTokenId(user.id);
  const feedUrl = feedTokenId
    ? publicLink(`/calendar/${await signFeedToken({ userId: user.id, tokenId: feedTokenId })}/interviews.ics`)
    : null;
  return {
    today,
    owed,
    upcoming,
    past,
    todayLabel: formatDate(now, user.timeZone),
    feedUrl,
    webcalUrl: feedUrl ? webcalLink(feedUrl) : null,
    timeZone: user.timeZone,
    now: now.getTime(),
  };
}

/** The calendar feed link: create or replace it (the old one stops working), or turn it off. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const intent = (await readFormData(request)).get("intent");
  if (intent !== "issue-feed" && intent !== "revoke-feed") return { feedError: "Choose one of the buttons on the calendar card." };
  setFeedLink(user, intent === "issue-feed" ? "issue" : "revoke", requestTime(context));
  return { feedError: null };
}

function Group({
  id,
  title,
  count,
  warn = false,
  children,
}: {
  id: string;
  title: string;
  count: number;
  warn?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section className={`card card-flush my-interviews-${id}`} aria-labelledby={`${id}-heading`}>
      <div className="card-header">
        <h2 id={`${id}-heading`}>{title}</h2>
        <span className={warn ? "badge badge-warn" : "small muted"}>{count}</span>
      </div>
      {children}
    </section>
  );
}

export default function MyInterviews({ loaderData, actionData }: Route.ComponentProps) {
  const { today, owed, upcoming, past, todayLabel, feedUrl, webcalUrl, timeZone, now } = loaderData;
  const nothing = today.length + owed.length + upcoming.length + past.length === 0;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>My interviews</h1>
          <p>Only the interviews you are on. Times in {timeZone}.</p>
        </div>
        <Link to="/certification" className="btn">
          Certification
        </Link>
      </div>
      <div className="my-interviews">
        <Group id="today" title={`Today, ${todayLabel}`} count={today.length}>
          {today.length ? (
            <MyInterviewsTable rows={today} timeZone={timeZone} now={now} caption="Today's interviews" timeOnly />
          ) : (
            <p className="empty-state">
              {nothing ? "No interviews yet. When a hiring manager puts you on a candidate's loop, it appears here." : "Nothing today."}
            </p>
          )}
        </Group>
        <div className="my-interviews-feed">
          <CalendarFeedCard feedUrl={feedUrl} webcalUrl={webcalUrl} error={actionData?.feedError ?? null} />
        </div>
        {owed.length ? (
          <Group id="owed" title="Needs your scorecard" count={owed.length} warn>
            <MyInterviewsTable rows={owed} timeZone={timeZone} now={now} caption="Interviews that need your scorecard" />
          </Group>
        ) : null}
        {nothing ? null : (
          <>
            <Group id="upcoming" title="Upcoming" count={upcoming.length}>
              {upcoming.length ? (
                <MyInterviewsTable rows={upcoming} timeZone={timeZone} now={now} caption="Upcoming interviews" />
              ) : (
                <p className="empty-state">Nothing scheduled after today.</p>
              )}
            </Group>
            <Group id="past" title="Past" count={past.length}>
              {past.length ? (
                <MyInterviewsTable rows={past} timeZone={timeZone} now={now} caption="Past interviews" />
              ) : (
                <p className="empty-state">No submitted scorecards yet.</p>
              )}
            </Group>
          </>
        )}
      </div>
    </>
  );
}
