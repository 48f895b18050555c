// The loop as the hiring manager reads it first: who interviews at which stage and when, what is
// scheduled, owed and submitted, and the way into each interview. The recommendation follows it.
import { Link } from "react-router";
import type { InterviewState } from "#app/models/interview-status";
import { STAGE_LABELS } from "#app/models/labels";
import type { PanelIn } from "#app/models/panel-in";
import type { StageKey } from "#db/schema";
import { formatDateTime, formatDuration } from "#app/utils/time";
import { InterviewStateBadge } from "./interview-state-badge";

type Interview = {
  id: number;
  stage: StageKey;
  state: InterviewState;
  scheduledAt: Date;
  durationMinutes: number;
  interviewerName: string;
  interviewerTitle: string | null;
  interviewerActive: boolean;
  exerciseTitle: string | null;
  scorecardStatus: "draft" | "submitted" | null;
};

type Owed = { interviewId: number; stage: StageKey; interviewerName: string; owedSince: Date; draft: boolean };

export function LoopOverview({
  loop,
  panel,
  owed,
  now,
  timeZone,
  remind,
}: {
  loop: { status: string; interviews: Interview[] } | null;
  panel: PanelIn;
  owed: Owed[];
  now: number;
  timeZone: string;
  /** The hiring team's "Remind" beside an owed scorecard, while the loop is open. */
  remind?: (owed: Owed) => React.ReactNode;
}) {
  const upcoming = loop?.interviews.filter((i) => i.state.kind === "upcoming" || i.state.kind === "in_progress").length ?? 0;
  return (
    <section className="card card-flush loop-overview" aria-labelledby="loop-heading">
      <div className="card-header">
        <h2 id="loop-heading">Interview loop</h2>
        {loop ? (
          <span className="small muted">
            {loop.status === "closed" ? "Closed · " : ""}
            {panel.submitted} of {panel.expected} scorecards submitted
            {owed.length ? ` · ${owed.length} owed` : ""}
            {upcoming ? ` · ${upcoming} to come` : ""}
          </span>
        ) : null}
      </div>
      {!loop ? (
        <div className="empty-state">
          <h3>No loop scheduled yet</h3>
          <p>Use “Schedule loop” above to pick the stages, an interviewer and a time for each.</p>
        </div>
      ) : loop.interviews.length === 0 ? (
        <div className="empty-state">
          <p>This loop has no interviews.</p>
        </div>
      ) : (
        <>
          {owed.length ? (
            <div className="owed">
              <h3>Still owed</h3>
              <ul>
                {owed.map((o) => (
                  <li key={o.interviewId}>
                    <span>
                      {o.interviewerName}, {STAGE_LABELS[o.stage]}: {o.draft ? "draft in progress" : "not started"}, owed for{" "}
                      {formatDuration(now - o.owedSince.getTime())}
                    </span>
                    {remind?.(o)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ul className="interview-list">
            {loop.interviews.map((i) => (
              <li key={i.id} className="interview-item">
                <h3>
                  <Link to={`/interviews/${i.id}`}>{STAGE_LABELS[i.stage]}</Link>
                </h3>
                <div className="actions">
                  <InterviewStateBadge state={i.state} now={now} />
                  {i.exerciseTitle ? (
                    <Link to={`/interviews/${i.id}/kit`} className="btn btn-small" aria-label={`Kit for ${STAGE_LABELS[i.stage]}`}>
                      Kit
                    </Link>
                  ) : null}
                  {i.scorecardStatus ? (
                    <Link
                      to={`/interviews/${i.id}/scorecard`}
                      className="btn btn-small"
                      aria-label={`View ${STAGE_LABELS[i.stage]} scorecard`}
                    >
                      Scorecard
                    </Link>
                  ) : null}
                  {loop.status === "open" ? (
                    <Link to={`/interviews/${i.id}/edit`} className="btn btn-small" aria-label={`Edit ${STAGE_LABELS[i.stage]} interview`}>
                      Edit
                    </Link>
                  ) : null}
                </div>
                <div className="meta">
                  <span className="interviewer">
                    {i.interviewerName}
                    {i.interviewerTitle ? `, ${i.interviewerTitle}` : ""}
                    {i.interviewerActive ? "" : " (deactivated)"}
                  </span>{" "}
                  ·{" "}
                  <span className={i.state.kind === "cancelled" ? "badge-muted" : undefined}>
                    {formatDateTime(i.scheduledAt, timeZone)}
                  </span>{" "}
                  · {i.durationMinutes} min
                  {i.exerciseTitle ? ` · ${i.exerciseTitle}` : ""}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
