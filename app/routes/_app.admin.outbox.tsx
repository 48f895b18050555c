import type { Route } from "./+types/_app.admin.outbox";
import { Pager } from "#app/components/ui/pager";
import { listOutbox, MAX_ATTEMPTS, OUTBOX_PAGE_SIZE } from "#app/models/outbox.server";
import { smtpConfigured } from "#app/models/mailer.server";
import { pageFrom } from "#app/utils/pagination";
import { requirePermission } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import type { EmailStatus } from "#db/schema";

export const meta: Route.MetaFunction = () => [{ title: "Outbox · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "outbox:read");
  const page = pageFrom(new URL(request.url));
  const { rows, total } = listOutbox({ offset: (page - 1) * OUTBOX_PAGE_SIZE });
  return {
    emails: rows,
    total,
    page,
    pageSize: OUTBOX_PAGE_SIZE,
    maxAttempts: MAX_ATTEMPTS,
    smtp: smtpConfigured(),
    timeZone: user.timeZone,
  };
}

const STATUS: Record<EmailStatus, { label: string; className: string }> = {
  outbox_only: { label: "In the outbox only", className: "badge" },
  pending: { label: "Waiting to be sent", className: "badge badge-warn" },
  sent: { label: "Sent", className: "badge badge-ok" },
  failed: { label: "Could not be sent", className: "badge badge-danger" },
};

export default function Outbox({ loaderData: d }: Route.ComponentProps) {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Outbox</h1>
          <p>
            {d.smtp
              ? "Every email Loopwise has sent or is about to send. One the mail server refused is tried again after 5, 15, 60 and 180 minutes."
              : "No mail server is configured (SMTP_URL), so emails are kept here rather than sent. Set SMTP_URL to deliver new ones."}
          </p>
        </div>
      </div>
      {d.emails.length === 0 ? (
        <div className="card empty-state">
          <h2>No emails yet</h2>
          <p>Reminders about owed scorecards appear here, whether a hiring manager sends one or Loopwise sends it after a day.</p>
        </div>
      ) : (
        <div className="stack">
          {d.emails.map((e) => (
            <article key={e.id} className="card outbox-email" aria-labelledby={`email-${e.id}`}>
              <div className="row-between">
                <h2 id={`email-${e.id}`} className="outbox-subject">
                  {e.subject}
                </h2>
                <span className={STATUS[e.status].className}>{STATUS[e.status].label}</span>
              </div>
              <p className="small muted">
                To {e.toName} &lt;{e.toAddress}&gt; · written {formatDateTime(e.createdAt, d.timeZone)}
                {e.sentAt ? ` · sent ${formatDateTime(e.sentAt, d.timeZone)}` : ""}
                {e.status === "pending" && e.nextAttemptAt ? ` · next try ${formatDateTime(e.nextAttemptAt, d.timeZone)}` : ""}
                {e.attempts && e.status !== "sent" ? ` · ${e.attempts} of ${d.maxAttempts} attempts` : ""}
              </p>
              {e.lastError && e.status !== "sent" ? <p className="small reminder-refused">The mail server said: {e.lastError}</p> : null}
              <details>
                <summary>Message</summary>
                <pre className="outbox-body">{e.body}</pre>
              </details>
            </article>
          ))}
          <Pager page={d.page} pageSize={d.pageSize} total={d.total} />
        </div>
      )}
    </>
  );
}
