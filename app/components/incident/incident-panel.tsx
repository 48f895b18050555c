import { useEffect } from "react";
import { Form, Link, useRevalidator } from "react-router";
import type { InvestigationPath } from "#app/models/incident-path";
import { formatDateTime } from "#app/utils/time";
import { InvestigationPathView } from "./investigation-path";

type Panel = {
  run: {
    mode: "candidate_link" | "interviewer_led";
    phase: "not_started" | "in_progress" | "time_up" | "submitted" | "revoked";
    timeLimitMinutes: number;
    deadlineAt: Date | null;
    submittedAt: Date | null;
    linkExpiresAt: Date;
    link: string | null;
    canDrive: boolean;
  } | null;
  canSetUp: boolean;
  defaultMinutes: number;
  path?: InvestigationPath;
  conclusion?: { rootCause: string; mitigation: string; prevention: string } | null;
  ranOutOfTime?: boolean;
};

const PHASES = {
  not_started: "Not started",
  in_progress: "In progress",
  time_up: "Time ran out",
  submitted: "Submitted",
  revoked: "Revoked",
} as const;

/** While the candidate works, the path on this page follows along. */
function useFollow(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") void revalidator.revalidate();
    }, 10_000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}

/** The incident of a debugging interview: set it up, hand out the link or drive it, watch the path. */
export function IncidentPanel({
  panel,
  interviewId,
  error,
  timeZone,
  dimensionNames,
}: {
  panel: Panel;
  interviewId: number;
  error?: string;
  timeZone: string;
  dimensionNames?: Record<string, string>;
}) {
  const run = panel.run;
  useFollow(run?.phase === "in_progress");
  return (
    <section className="card stack" id="incident" aria-labelledby="incident-title">
      <h2 id="incident-title">Incident simulation</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!run ? (
        panel.canSetUp ? (
          <Form method="post" className="stack">
            <p className="small">
              Give the candidate a private link and watch their path here, or drive it yourself while sharing your screen. The clock starts
              when Start is pressed, and the server keeps it.
            </p>
            <div className="row">
              <label htmlFor="incident-minutes">Time for the candidate (minutes)</label>
              <input
                id="incident-minutes"
                name="timeLimitMinutes"
                type="number"
                min={15}
                max={120}
                defaultValue={panel.defaultMinutes}
                className="input"
                style={{ width: 90 }}
              />
            </div>
            <div className="row">
              <button type="submit" name="intent" value="incident-link" className="btn btn-primary">
                Create candidate link
              </button>
              <button type="submit" name="intent" value="incident-drive" className="btn">
                Drive it myself
              </button>
            </div>
          </Form>
        ) : (
          <p className="muted">No incident was run for this interview.</p>
        )
      ) : (
        <>
          <p className="row">
            <span className="badge badge-info">{run.mode === "candidate_link" ? "Candidate's link" : "Interviewer-led"}</span>
            <span className="badge">{PHASES[run.phase]}</span>
            <span className="small muted">
              {run.timeLimitMinutes} min
              {run.submittedAt
                ? ` · submitted ${formatDateTime(run.submittedAt, timeZone)}`
                : run.deadlineAt
                  ? ` · ends ${formatDateTime(run.deadlineAt, timeZone)}`
                  : ""}
            </span>
          </p>
          {run.link ? (
            <div className="field">
              <label htmlFor="incident-link">Private link for the candidate</label>
              <input id="incident-link" className="input mono" readOnly value={run.link} onFocus={(e) => e.currentTarget.select()} />
              <p className="hint">
                Opens this incident only; valid until {formatDateTime(run.linkExpiresAt, timeZone)}. Opening it doesn't start the clock.
              </p>
              <Form method="post">
                <button type="submit" name="intent" value="incident-reissue" className="btn btn-small">
                  Issue a new link (the old one stops working)
                </button>
              </Form>
            </div>
          ) : null}
          {run.canDrive && (run.phase === "not_started" || run.phase === "in_progress") ? (
            <p>
              <Link to={`/interviews/${interviewId}/incident`} className="btn btn-primary" target="_blank" rel="noopener">
                Drive the incident (share that window)
              </Link>
            </p>
          ) : null}
          {panel.path ? (
            <InvestigationPathView
              path={panel.path}
              conclusion={panel.conclusion ?? null}
              ranOutOfTime={panel.ranOutOfTime}
              dimensionNames={dimensionNames}
              headingLevel={3}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
