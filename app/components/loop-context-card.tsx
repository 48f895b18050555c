import { Link } from "react-router";
import { STAGE_LABELS } from "#app/models/labels";
import type { PanelStage } from "#app/models/interview-context.server";
import { STATE_LABELS } from "#app/models/interview-status";
import { formatDateTime } from "#app/utils/time";

const PROGRESS_BADGE: Record<PanelStage["progress"], string> = {
  cancelled: "badge-muted",
  upcoming: "badge-info",
  in_progress: "badge-info",
  scorecard_owed: "badge-warn",
  submitted: "badge-ok",
};

/**
 * The rest of the candidate's loop: the stages before and after this one, who sits each and how
 * far it has got. Ratings stay on the scorecard page, behind the panel rule.
 */
export function LoopContextCard({
  panel,
  panelOpen,
  isOwn,
  timeZone,
}: {
  panel: PanelStage[];
  panelOpen: boolean;
  isOwn: boolean;
  timeZone: string;
}) {
  return (
    <section className="card" aria-labelledby="loop-heading">
      <h2 id="loop-heading">The rest of the loop</h2>
      {panel.length ? (
        <ul className="loop-context">
          {panel.map((p) => (
            <li key={p.interviewId}>
              <div>
                <strong>{STAGE_LABELS[p.stage]}</strong> <span className="muted small">{p.earlier ? "before yours" : "after yours"}</span>
                <div className="small muted">
                  {formatDateTime(p.scheduledAt, timeZone)} · {p.isViewer ? "You" : p.interviewerName}
                </div>
              </div>
              <span className={`badge ${PROGRESS_BADGE[p.progress]}`}>{STATE_LABELS[p.progress]}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">This is the only interview in the loop so far.</p>
      )}
      {isOwn ? (
        panelOpen ? (
          <p className="small" style={{ marginTop: "0.75rem" }}>
            You have submitted a scorecard in this loop, so <Link to="scorecard">your scorecard page shows the rest of the panel's</Link>.
          </p>
        ) : (
          <p className="small muted" style={{ marginTop: "0.75rem" }}>
            Colleagues' ratings and notes stay hidden until you submit your own scorecard, so that theirs don't anchor yours.
          </p>
        )
      ) : null}
    </section>
  );
}
