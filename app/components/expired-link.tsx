import { formatDateTime } from "#app/utils/time";

/**
 * What a candidate sees on a link that expired before they started: what happened, that nothing
 * of theirs was lost (nothing had started), and whom to ask for a new link. Candidates have no
 * account and no time zone on record, so the time is in UTC, as on their other pages.
 */
export function ExpiredLinkPage({
  exercise,
  title,
  notice,
}: {
  exercise: string;
  title: string;
  notice: { at: number; sentBy: string | null };
}) {
  return (
    <main className="page page-narrow">
      <section className="card stack" role="alert" aria-labelledby="expired-title">
        <p className="small muted">Loopwise · {exercise}</p>
        <h1 id="expired-title">This link has expired</h1>
        <p>
          The link to <strong>{title}</strong> could be started until <strong>{formatDateTime(notice.at, "UTC")} UTC</strong>, and it wasn't
          started by then, so it can no longer be started. The clock never ran: nothing counts against you.
        </p>
        <p>
          {notice.sentBy
            ? `Ask ${notice.sentBy}, who sent you this link, for a new one.`
            : "Ask the recruiter who sent you this link for a new one."}{" "}
          A new link gives you the full time.
        </p>
      </section>
    </main>
  );
}
