import { Form, Link } from "react-router";
import { formatDateTime } from "#app/utils/time";

type Panel = {
  sent: {
    phase: "not_started" | "in_progress" | "time_up" | "submitted" | "revoked";
    deadlineAt: Date | null;
    submittedAt: Date | null;
    link: string | null;
    submission: { kind: string; bytes: number | null } | null;
    gradedBy: string | null;
  } | null;
  canSend: boolean;
  defaultDays: number;
};

/** The take-home of this interview: send it on a private link, follow it, and go to grading. */
export function TakeHomePanel({
  panel,
  interviewId,
  error,
  timeZone,
}: {
  panel: Panel;
  interviewId: number;
  error?: string;
  timeZone: string;
}) {
  const sent = panel.sent;
  return (
    <section className="card stack" id="take-home" aria-labelledby="take-home-title">
      <h2 id="take-home-title">Take-home</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!sent ? (
        panel.canSend ? (
          <Form method="post" className="row">
            <label htmlFor="take-home-days">Days to submit</label>
            <input
              id="take-home-days"
              name="days"
              type="number"
              min={2}
              max={21}
              defaultValue={panel.defaultDays}
              className="input"
              style={{ width: 80 }}
            />
            <button type="submit" name="intent" value="take-home-send" className="btn btn-primary">
              Create candidate link
            </button>
            <p className="hint cr-card-hint">
              The deadline is fixed now; the candidate downloads the prompt and files and uploads their work on the link.
            </p>
          </Form>
        ) : (
          <p className="muted">The take-home was not sent.</p>
        )
      ) : (
        <>
          <p className="small">
            {sent.submittedAt
              ? `Submitted ${formatDateTime(sent.submittedAt, timeZone)} (${sent.submission?.kind === "archive" ? "archive" : "repository URL"})`
              : sent.phase === "time_up"
                ? "The deadline passed without a submission."
                : `Waiting for the candidate; deadline ${sent.deadlineAt ? formatDateTime(sent.deadlineAt, timeZone) : "—"}.`}
            {sent.gradedBy ? ` Graded by ${sent.gradedBy}.` : ""}
          </p>
          {sent.link ? (
            <div className="field">
              <label htmlFor="take-home-link">Private link for the candidate</label>
              <input id="take-home-link" className="input mono" readOnly value={sent.link} onFocus={(e) => e.currentTarget.select()} />
              <Form method="post">
                <button type="submit" name="intent" value="take-home-reissue" className="btn btn-small">
                  Issue a new link (the old one stops working)
                </button>
              </Form>
            </div>
          ) : null}
          {sent.submittedAt ? (
            <p>
              <Link to={`/interviews/${interviewId}/take-home`} className="btn">
                Grade the take-home
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
