import { CopyButton } from "#app/components/ui/copy-button";
import { Form, Link } from "react-router";
import { EXTRA_TIME_PERCENTS } from "#app/models/assignment-phase";
import { formatDateTime } from "#app/utils/time";

type Row = {
  interviewId: number;
  exerciseTitle: string | null;
  interviewerName: string;
  minutes: number;
  assignment: {
    id: number;
    phase: "not_started" | "in_progress" | "time_up" | "submitted" | "revoked";
    link: string;
    linkExpiresAt: Date;
    timeLimitMinutes: number;
    deadlineAt: Date | null;
    submittedAt: Date | null;
    verdict: string | null;
    comments: number | null;
    autoScore: number | null;
    gradedScore: number | null;
    gradedBy: string | null;
  } | null;
};

const PHASE_LABEL = {
  not_started: { text: "Link sent, not started", cls: "badge-info" },
  in_progress: { text: "In progress", cls: "badge-warn" },
  time_up: { text: "Time ran out", cls: "badge" },
  submitted: { text: "Submitted", cls: "badge-ok" },
  revoked: { text: "Revoked", cls: "badge-muted" },
} as const;

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/** The candidate's code-review exercise: the private link, progress, and the scores once done. */
export function CodeReviewCard({ rows, timeZone, error, loopOpen }: { rows: Row[]; timeZone: string; error?: string; loopOpen: boolean }) {
  if (!rows.length) return null;
  return (
    <section className="card" aria-labelledby="cr-heading" style={{ marginTop: "1rem" }}>
      <h2 id="cr-heading">Code-review exercise</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.map((r) => (
        <div key={r.interviewId} className="stack">
          <p>
            <strong>{r.exerciseTitle}</strong> <span className="muted">· graded by {r.interviewerName}</span>
          </p>
          {!r.assignment ? (
            loopOpen ? (
              <Form method="post" className="row">
                <input type="hidden" name="intent" value="create-link" />
                <input type="hidden" name="interviewId" value={r.interviewId} />
                <label htmlFor={`limit-${r.interviewId}`}>Time limit (minutes)</label>
                <input
                  id={`limit-${r.interviewId}`}
                  name="timeLimitMinutes"
                  type="number"
                  min={r.minutes}
                  max={180}
                  defaultValue={r.minutes}
                  className="input"
                  style={{ width: 90 }}
                />
                <label htmlFor={`extra-${r.interviewId}`}>Extra time (accommodation)</label>
                <select id={`extra-${r.interviewId}`} name="extraTimePercent" className="select" defaultValue="100" style={{ width: 130 }}>
                  {EXTRA_TIME_PERCENTS.map((p) => (
                    <option key={p} value={p}>
                      {p === 100 ? "None" : `×${p / 100}`}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn btn-primary">
                  Create candidate link
                </button>
                <p className="hint cr-card-hint">
                  {r.minutes} minutes is this pull request's time limit, set from its size. Extra time is shown to the candidate and to the
                  grader only.
                </p>
              </Form>
            ) : (
              <p className="muted">No link was created.</p>
            )
          ) : (
            <>
              <div className="row">
                <span className={`badge ${PHASE_LABEL[r.assignment.phase].cls}`}>{PHASE_LABEL[r.assignment.phase].text}</span>
                <span className="small muted">
                  {r.assignment.timeLimitMinutes} min ·{" "}
                  {r.assignment.submittedAt
                    ? `submitted ${formatDateTime(r.assignment.submittedAt, timeZone)}`
                    : r.assignment.deadlineAt
                      ? `deadline ${formatDateTime(r.assignment.deadlineAt, timeZone)}`
                      : `link valid until ${formatDateTime(r.assignment.linkExpiresAt, timeZone)}`}
                </span>
              </div>
              {r.assignment.phase === "not_started" || r.assignment.phase === "in_progress" ? (
                <div className="field">
                  <label htmlFor={`link-${r.interviewId}`}>Private link for the candidate</label>
                  <div className="row" style={{ flexWrap: "nowrap" }}>
                    <input
                      id={`link-${r.interviewId}`}
                      className="input mono"
                      readOnly
                      value={r.assignment.link}
                      onFocus={(e) => e.currentTarget.select()}
                    />
                    <CopyButton text={r.assignment.link} label="Copy link" />
                  </div>
                  <p className="hint">
                    Send it to the candidate only. Opening it doesn't start the clock; it opens this one exercise and nothing else.
                  </p>
                </div>
              ) : null}
              {r.assignment.comments !== null ? (
                <dl className="facts">
                  <dt>Comments</dt>
                  <dd>{r.assignment.comments}</dd>
                  <dt>Verdict</dt>
                  <dd>{r.assignment.verdict?.replace("_", " ") ?? "none given"}</dd>
                  <dt>Automatic score</dt>
                  <dd>{pct(r.assignment.autoScore)} of planted defects (severity-weighted)</dd>
                  <dt>Graded score</dt>
                  <dd>{r.assignment.gradedBy ? `${pct(r.assignment.gradedScore)} (by ${r.assignment.gradedBy})` : "not graded yet"}</dd>
                </dl>
              ) : null}
              <div className="row">
                <Link to={`/interviews/${r.interviewId}/review`} className="btn btn-small">
                  Review and grading
                </Link>
                {loopOpen && (r.assignment.phase === "not_started" || r.assignment.phase === "in_progress") ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="reissue-link" />
                    <input type="hidden" name="interviewId" value={r.interviewId} />
                    <button type="submit" className="btn btn-small">
                      Issue a new link (the old one stops working)
                    </button>
                  </Form>
                ) : null}
              </div>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
