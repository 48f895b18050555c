import { Form } from "react-router";

/** "My interviews" in the person's own calendar: a private feed link they can replace or turn off. */
export function CalendarFeedCard({ feedUrl, error }: { feedUrl: string | null; error: string | null }) {
  return (
    <section className="card calendar-feed" aria-labelledby="feed-heading" style={{ marginTop: "1rem" }}>
      <h2 id="feed-heading">Your interviews in your calendar</h2>
      {feedUrl ? (
        <>
          <p className="small muted">
            Subscribe to this address in Google Calendar, Outlook or Apple Calendar ("add calendar from URL"). It lists your interviews and
            follows every change. Anyone who has the address can read it: keep it to yourself, and replace it if it gets out.
          </p>
          <div className="field">
            <label htmlFor="feed-url">Calendar feed address</label>
            <input id="feed-url" className="input mono" readOnly value={feedUrl} onFocus={(e) => e.currentTarget.select()} />
          </div>
        </>
      ) : (
        <p className="small muted">
          Get a private address your calendar app can subscribe to, so your interviews appear there and stay up to date. Each interview also
          has its own invitation (.ics).
        </p>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Form method="post" className="form-actions">
        <button type="submit" name="intent" value="issue-feed" className="btn">
          {feedUrl ? "Replace the address" : "Create a calendar feed address"}
        </button>
        {feedUrl ? (
          <button type="submit" name="intent" value="revoke-feed" className="btn btn-ghost">
            Turn the feed off
          </button>
        ) : null}
      </Form>
    </section>
  );
}
