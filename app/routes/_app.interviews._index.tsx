import { Link } from "react-router";
import type { Route } from "./+types/_app.interviews._index";
import { CalendarFeedCard } from "#app/components/calendar-feed-card";
import { InterviewStateBadge } from "#app/components/interview-state-badge";
import { getFeedTokenId, setFeedLink } from "#app/models/calendar.server";
import { signFeedToken } from "#app/utils/calendar-token.server";
import { publicLink } from "#app/utils/public-url.server";
import { readFormData } from "#app/utils/http.server";
import { STAGE_LABELS } from "#app/models/labels";
import { withStates } from "#app/models/interview-status";
import { candidateNameFor, listInterviewsFor } from "#app/models/interview.server";
import { requireUser } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = () => [{ title: "My interviews · Loopwise" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const now = requestTime(context);
  const interviews = withStates(listInterviewsFor(user.id), now).map((i) => ({ ...i, candidateName: candidateNameFor(i, user.id) }));
  const needsAction = interviews.filter((i) => i.state.kind === "scorecard_owed" || i.state.kind === "in_progress");
  const upcoming = interviews.filter((i) => i.state.kind === "upcoming");
  // Most recent first for the history; soonest first for what's coming.
  const past = interviews.filter((i) => i.state.kind === "submitted").reverse();
  const feedTokenId = getFeedTokenId(user.id);
  const feedUrl = feedTokenId
    ? publicLink(`/calendar/${await signFeedToken({ userId: user.id, tokenId: feedTokenId })}/interviews.ics`)
    : null;
  return { needsAction, upcoming, past, feedUrl, timeZone: user.timeZone, now: now.getTime(), name: user.name };
}

/** The calendar feed link: create or replace it (the old one stops working), or turn it off. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const intent = (await readFormData(request)).get("intent");
  if (intent !== "issue-feed" && intent !== "revoke-feed") return { feedError: "Choose one of the buttons on the calendar card." };
  setFeedLink(user, intent === "issue-feed" ? "issue" : "revoke", requestTime(context));
  return { feedError: null };
}

type Row = Route.ComponentProps["loaderData"]["upcoming"][number];

function scorecardAction(state: string, scorecardStatus: string | null) {
  if (scorecardStatus === "submitted") return "View scorecard";
  if (scorecardStatus === "draft") return "Continue scorecard";
  return state === "upcoming" ? "Prepare scorecard" : "Fill in scorecard";
}

function InterviewTable({ rows, timeZone, now, caption }: { rows: Row[]; timeZone: string; now: number; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table table-fixed">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col style={{ width: "22%" }} />
          <col style={{ width: "31%" }} />
          <col style={{ width: "22%" }} />
          <col style={{ width: "25%" }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Candidate</th>
            <th scope="col">Stage</th>
            <th scope="col">Status and scorecard</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <td className="nowrap">
                <Link to={`/interviews/${i.id}`}>{formatDateTime(i.scheduledAt, timeZone)}</Link>
                <div className="small muted">
                  {i.durationMinutes} min ·{" "}
                  <a href={`/interviews/${i.id}/invite.ics`} download aria-label={`Add to calendar: the interview with ${i.candidateName}`}>
                    Add to calendar
                  </a>
                </div>
              </td>
              <td className="name-cell">
                {i.candidateName}
                <div className="small muted">{i.positionTitle}</div>
              </td>
              <td>
                {STAGE_LABELS[i.stage]}
                {i.exerciseTitle ? (
                  <div className="small">
                    <Link
                      to={`/interviews/${i.id}/kit`}
                      aria-label={`Kit for ${STAGE_LABELS[i.stage]} with ${i.candidateName}: ${i.exerciseTitle}`}
                    >
                      Kit: {i.exerciseTitle}
                    </Link>
                  </div>
                ) : null}
              </td>
              <td>
                <div className="status-cell">
                  <InterviewStateBadge state={i.state} now={now} />
                  <Link
                    to={`/interviews/${i.id}/scorecard`}
                    className="btn btn-small"
                    aria-label={`${scorecardAction(i.state.kind, i.scorecardStatus)} for ${i.candidateName}`}
                  >
                    {scorecardAction(i.state.kind, i.scorecardStatus)}
                  </Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function MyInterviews({ loaderData, actionData }: Route.ComponentProps) {
  const { needsAction, upcoming, past, feedUrl, timeZone, now } = loaderData;
  const nothing = needsAction.length + upcoming.length + past.length === 0;
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
      {nothing ? (
        <div className="card empty-state">
          <h2>No interviews yet</h2>
          <p>When a hiring manager puts you on a candidate's loop, it appears here.</p>
        </div>
      ) : (
        <div className="stack">
          {needsAction.length ? (
            <section className="card card-flush" aria-labelledby="owed-heading">
              <div className="card-header">
                <h2 id="owed-heading">Needs your scorecard</h2>
                <span className="badge badge-warn">{needsAction.length}</span>
              </div>
              <InterviewTable rows={needsAction} timeZone={timeZone} now={now} caption="Interviews that need your scorecard" />
            </section>
          ) : null}
          <section className="card card-flush" aria-labelledby="upcoming-heading">
            <div className="card-header">
              <h2 id="upcoming-heading">Upcoming</h2>
              <span className="small muted">{upcoming.length}</span>
            </div>
            {upcoming.length ? (
              <InterviewTable rows={upcoming} timeZone={timeZone} now={now} caption="Upcoming interviews" />
            ) : (
              <p className="empty-state">Nothing scheduled.</p>
            )}
          </section>
          <section className="card card-flush" aria-labelledby="past-heading">
            <div className="card-header">
              <h2 id="past-heading">Past</h2>
              <span className="small muted">{past.length}</span>
            </div>
            {past.length ? (
              <InterviewTable rows={past} timeZone={timeZone} now={now} caption="Past interviews" />
            ) : (
              <p className="empty-state">No submitted scorecards yet.</p>
            )}
          </section>
        </div>
      )}
      <CalendarFeedCard feedUrl={feedUrl} error={actionData?.feedError ?? null} />
    </>
  );
}
