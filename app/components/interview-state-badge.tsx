import { formatDuration } from "#app/utils/time";
import type { InterviewState } from "#app/models/interview-status";

/** The one-glance status of an interview: scheduled, owed (and for how long), submitted. */
export function InterviewStateBadge({ state, now }: { state: InterviewState; now: number }) {
  switch (state.kind) {
    case "cancelled":
      return <span className="badge badge-muted">Cancelled</span>;
    case "upcoming":
      return <span className="badge badge-info">Scheduled</span>;
    case "in_progress":
      return <span className="badge badge-info">In progress</span>;
    case "submitted":
      return <span className="badge badge-ok">Scorecard submitted</span>;
    case "scorecard_owed":
      return (
        <span className="badge badge-warn">
          {state.draft ? "Draft scorecard" : "Scorecard owed"} · {formatDuration(now - state.since.getTime())}
        </span>
      );
  }
}
