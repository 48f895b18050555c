import { data, Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/_app.pipeline";
import { InterviewStateBadge } from "#app/components/interview-state-badge";
import { STAGE_LABELS } from "#app/models/labels";
import { listPositions } from "#app/models/candidate.server";
import { PIPELINE_STATES, type PipelineState } from "#app/models/pipeline-state";
import { listPipeline } from "#app/models/pipeline.server";
import { requirePermission } from "#app/auth/session.server";
import { Pager } from "#app/components/ui/pager";
import { ExportLinks, FilterNotices } from "#app/components/export-links";
import { pageFrom } from "#app/utils/pagination";
import { GateBadges, ScoreCell } from "#app/components/score-figures";
import { requestTime } from "#app/utils/clock.server";
import { ReminderButton } from "#app/components/reminder-button";
import { lastRemindedAt } from "#app/models/reminder.server";
import { readFormData } from "#app/utils/http.server";
import { remindFromForm } from "#app/models/reminder-form.server";

export const meta: Route.MetaFunction = () => [{ title: "Pipeline · Loopwise" }];

const PAGE_SIZE = 50;

const STATE_LABELS: Record<PipelineState, string> = {
  all: "All open loops",
  owed: "Scorecard owed",
  scheduled: "Interviews to come",
  ready: "Ready for a decision",
};

export async function loader({ request, context }: Route.LoaderArgs) {
  await requirePermission(request, "pipeline:read");
  const url = new URL(request.url);
  const positions = listPositions();
  const positionParam = url.searchParams.get("position");
  const stateParam = url.searchParams.get("state") ?? "all";
  const problems: string[] = [];
  const positionId = positionParam ? Number(positionParam) : undefined;
  if (positionParam && !positions.some((p) => p.id === positionId))
    problems.push(`Unknown position "${positionParam}"; showing all positions.`);
  const state = (PIPELINE_STATES as readonly string[]).includes(stateParam) ? (stateParam as PipelineState) : "all";
  if (state !== stateParam) problems.push(`Unknown state "${stateParam}"; showing all open loops.`);
  const now = requestTime(context);
  const validPosition = positions.some((p) => p.id === positionId) ? positionId : undefined;
  const page = pageFrom(url);
  const { loops, total, counts } = listPipeline({ positionId: validPosition, state, now, page, pageSize: PAGE_SIZE });
  const owedIds = loops.flatMap((l) => l.stages.filter((s) => s.state.kind === "scorecard_owed").map((s) => s.interviewId));
  return {
    loops,
    reminded: Object.fromEntries(lastRemindedAt(owedIds)),
    total,
    page,
    counts,
    positionId: validPosition ?? null,
    positions,
    state,
    problems,
    now: now.getTime(),
  };
}

/** "Remind" beside an owed scorecard. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const reply = remindFromForm(user, await readFormData(request), { now: requestTime(context) });
  return data(reply, { status: reply.reminder.ok ? 200 : 400 });
}

export default function Pipeline({ loaderData: d }: Route.ComponentProps) {
  const [params] = useSearchParams();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Pipeline</h1>
          <p>
            {d.counts.all} open loops · {d.counts.owed} with a scorecard owed · {d.counts.ready} ready for a decision
          </p>
        </div>
        <ExportLinks positionId={d.positionId} />
      </div>
      <FilterNotices notices={d.problems} />
      <div className="card card-flush">
        <Form method="get" className="card-header">
          <div className="row">
            <label htmlFor="position">Position</label>
            <select id="position" name="position" className="select" defaultValue={params.get("position") ?? ""} style={{ width: 280 }}>
              <option value="">All positions</option>
              {d.positions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
            <label htmlFor="state">Show</label>
            <select id="state" name="state" className="select" defaultValue={d.state} style={{ width: 220 }}>
              {PIPELINE_STATES.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABELS[s]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn">
              Filter
            </button>
          </div>
        </Form>
        {d.loops.length === 0 ? (
          <p className="empty-state">No open loops match.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col" className="num">
                    S and band
                  </th>
                  <th scope="col">Stages</th>
                  <th scope="col">Next step</th>
                </tr>
              </thead>
              <tbody>
                {d.loops.map((l) => (
                  <tr key={l.loopId}>
                    <td className="name-cell">
                      <Link to={`/candidates/${l.candidateId}`}>{l.candidateName}</Link>
                      <div className="small muted">{l.positionTitle}</div>
                    </td>
                    <td className="num">
                      {l.figures && l.figures.score !== null ? (
                        <>
                          <ScoreCell {...l.figures} />
                          <div className="row" style={{ gap: "0.3rem", justifyContent: "flex-end" }}>
                            <GateBadges gates={l.figures.gates} />
                          </div>
                        </>
                      ) : (
                        <span className="small muted">No scorecards yet</span>
                      )}
                    </td>
                    <td>
                      <ul className="stage-chips">
                        {l.stages.map((s) => (
                          <li key={s.interviewId}>
                            <span className="small">
                              {STAGE_LABELS[s.stage]} · {s.interviewerName}
                            </span>{" "}
                            <InterviewStateBadge state={s.state} now={d.now} />
                            {s.state.kind === "scorecard_owed" ? (
                              <ReminderButton
                                interviewId={s.interviewId}
                                interviewerName={s.interviewerName}
                                lastRemindedAt={d.reminded[s.interviewId] ?? null}
                                now={d.now}
                              />
                            ) : null}
                          </li>
                        ))}
                        {l.stages.length === 0 ? <li className="muted small">No interviews</li> : null}
                      </ul>
                    </td>
                    <td className="nowrap">
                      {l.ready ? (
                        <Link to={`/candidates/${l.candidateId}/debrief`} className="btn btn-small btn-primary">
                          Debrief and decide
                        </Link>
                      ) : l.owed ? (
                        <span className="badge badge-warn">{l.owed} owed</span>
                      ) : (
                        <span className="small muted">Interviews to come</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={d.page} pageSize={PAGE_SIZE} total={d.total} />
          </div>
        )}
      </div>
    </>
  );
}
