import { Link } from "react-router";
import { InterviewStateBadge } from "#app/components/interview-state-badge";
import type { InterviewState } from "#app/models/interview-status";
import { STAGE_LABELS } from "#app/models/labels";
import type { StageKey } from "#db/schema";
import { formatDateTime, formatTime } from "#app/utils/time";

export type MyInterviewRow = {
  id: number;
  stage: StageKey;
  scheduledAt: Date;
  durationMinutes: number;
  candidateName: string;
  positionTitle: string;
  exerciseTitle: string | null;
  scorecardStatus: "draft" | "submitted" | null;
  state: InterviewState;
};

function scorecardAction(state: InterviewState["kind"], scorecardStatus: MyInterviewRow["scorecardStatus"]) {
  if (scorecardStatus === "submitted") return "View scorecard";
  if (scorecardStatus === "draft") return "Continue scorecard";
  return state === "upcoming" ? "Prepare scorecard" : "Fill in scorecard";
}

/**
 * One group of "My interviews". A table at a laptop's width; on a phone each row stacks into a
 * block (time, candidate, stage and kit, scorecard), so nothing is squeezed into a column too
 * narrow for it. The explicit roles keep it a table for screen readers once CSS stops laying it
 * out as one. Every link's name starts with the words it shows (WCAG 2.5.3), then says whose.
 */
export function MyInterviewsTable({
  rows,
  timeZone,
  now,
  caption,
  timeOnly = false,
}: {
  rows: MyInterviewRow[];
  timeZone: string;
  now: number;
  caption: string;
  /** Today's rows show the time alone: the date is the heading's. */
  timeOnly?: boolean;
}) {
  return (
    <table className="table table-fixed interview-list" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <colgroup>
        <col style={{ width: "22%" }} />
        <col style={{ width: "30%" }} />
        <col style={{ width: "23%" }} />
        <col style={{ width: "25%" }} />
      </colgroup>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            When
          </th>
          <th scope="col" role="columnheader">
            Candidate
          </th>
          <th scope="col" role="columnheader">
            Stage and kit
          </th>
          <th scope="col" role="columnheader">
            Scorecard
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((i) => {
          const action = scorecardAction(i.state.kind, i.scorecardStatus);
          return (
            <tr key={i.id} role="row">
              <td role="cell" className="interview-when">
                <Link to={`/interviews/${i.id}`} className="interview-time">
                  {timeOnly ? formatTime(i.scheduledAt, timeZone) : formatDateTime(i.scheduledAt, timeZone)}
                </Link>
                <div className="small muted">
                  {i.durationMinutes} min ·{" "}
                  <a href={`/interviews/${i.id}/invite.ics`} download aria-label={`Add to calendar: the interview with ${i.candidateName}`}>
                    Add to calendar
                  </a>
                </div>
              </td>
              <td role="cell" className="name-cell">
                {i.candidateName}
                <div className="small muted">{i.positionTitle}</div>
              </td>
              <td role="cell">
                {STAGE_LABELS[i.stage]}
                {i.exerciseTitle ? (
                  <div className="small">
                    <Link
                      to={`/interviews/${i.id}/kit`}
                      aria-label={`Kit: ${i.exerciseTitle}, for ${STAGE_LABELS[i.stage]} with ${i.candidateName}`}
                    >
                      Kit: {i.exerciseTitle}
                    </Link>
                  </div>
                ) : null}
              </td>
              <td role="cell">
                <div className="status-cell">
                  <InterviewStateBadge state={i.state} now={now} />
                  <Link to={`/interviews/${i.id}/scorecard`} className="btn btn-small" aria-label={`${action} for ${i.candidateName}`}>
                    {action}
                  </Link>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
