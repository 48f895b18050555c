import { Form } from "react-router";
import { CopyButton } from "#app/components/ui/copy-button";

/**
 * "My interviews" in the person's own calendar: a private feed address to copy or subscribe to in
 * one click (`webcal://`), which they can replace or turn off.
 */
export function CalendarFeedCard({
  feedUrl,
  webcalUrl,
  error,
}: {
  feedUrl: string | null;
  webcalUrl: string | null;
  error: string | null;
}) {
  return (
    <section className="card calendar-feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Your interviews in your calendar</h2>
      {feedUrl ? (
        <>
          <div className="field">
            <label htmlFor="feed-url">Calendar feed address</label>
            <div className="feed-address">
              <input id="feed-url" className="input mono" readOnly value={feedUrl} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={feedUrl} label="Copy address" />
            </div>
          </div>
          <p className="small muted">
            {webcalUrl ? (
              <>
                <a href={webcalUrl}>Subscribe in your calendar app</a>, or paste the address into Google Calendar, Outlook or Apple Calendar
                ("add calendar from URL").{" "}
              </>
            ) : null}
            It lists your interviews and follows every change. Anyone who has the address can read it: keep it to yourself, and replace it
            if it gets out.
          </p>
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
        <button type="submit" name="intent" value="issue-feed" className="btn btn-small">
          {feedUrl ? "Replace the address" : "Create a calendar feed address"}
        </button>
        {feedUrl ? (
          <button type="submit" name="intent" value="revoke-feed" className="btn btn-ghost btn-small">
            Turn the feed off
          </button>
        ) : null}
      </Form>
    </section>
  );
}
