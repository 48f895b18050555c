import { Link } from "react-router";
import type { Route } from "./+types/_app.exercises._index";
import { STAGE_LABELS } from "#app/models/labels";
import { listExercisesWithUsage, plannedStageMinutes } from "#app/models/kit.server";
import { requirePermission } from "#app/auth/session.server";
import { formatDate } from "#app/utils/time";

export const meta: Route.MetaFunction = () => [{ title: "Exercises · Loopwise" }];

const SHOWN_LOOPS = 20;

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "exercises:read");
  const planned = plannedStageMinutes();
  const exercises = listExercisesWithUsage().map((e) => ({
    ...e,
    // Where a kit's length differs from what the newest rubric plans for its stage, say so.
    rubricMinutes: planned?.minutes[e.stage] ?? null,
    loops: e.loops.slice(0, SHOWN_LOOPS),
    moreLoops: Math.max(0, e.loops.length - SHOWN_LOOPS),
    loopCount: e.loops.length,
  }));
  return { exercises, rubric: planned?.rubric ?? null, timeZone: user.timeZone };
}

export default function Exercises({ loaderData }: Route.ComponentProps) {
  const { exercises, rubric, timeZone } = loaderData;
  const stages = [...new Set(exercises.map((e) => e.stage))];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Exercises</h1>
          <p>Every interview kit and code-review exercise, each version, and the loops that use it.</p>
        </div>
      </div>
      {!exercises.length ? (
        <div className="card empty-state">
          <h2>No exercises loaded</h2>
          <p>
            Exercises are loaded from the <code>exercises/</code> folder when the app starts.
          </p>
        </div>
      ) : (
        <div className="stack">
          {stages.map((stage) => (
            <section key={stage} className="card card-flush" aria-labelledby={`stage-${stage}`}>
              <div className="card-header">
                <h2 id={`stage-${stage}`}>{STAGE_LABELS[stage]}</h2>
              </div>
              <div className="table-wrap">
                <table className="table table-fixed">
                  <caption className="visually-hidden">{STAGE_LABELS[stage]} exercises</caption>
                  <colgroup>
                    <col style={{ width: "34%" }} />
                    <col style={{ width: "12%" }} />
                    <col style={{ width: "14%" }} />
                    <col style={{ width: "40%" }} />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">Exercise</th>
                      <th scope="col">Version</th>
                      <th scope="col">Length</th>
                      <th scope="col">Used by</th>
                    </tr>
                  </thead>
                  <tbody>
                    {exercises
                      .filter((e) => e.stage === stage)
                      .map((e) => (
                        <tr key={e.id}>
                          <td className="name-cell">
                            <Link to={`/exercises/${e.id}`}>{e.title}</Link>
                            <div className="small muted">{e.summary}</div>
                          </td>
                          <td>
                            v{e.version}{" "}
                            {e.active ? (
                              <span className="badge badge-ok">Current</span>
                            ) : (
                              <span className="badge badge-muted">Replaced</span>
                            )}
                          </td>
                          <td>
                            {e.durationMinutes} min
                            {e.rubricMinutes !== null && e.rubricMinutes !== e.durationMinutes ? (
                              <div className="small warn-text">
                                {rubric} plans {e.rubricMinutes} min for this stage
                              </div>
                            ) : null}
                          </td>
                          <td>
                            {e.loopCount === 0 ? (
                              <span className="muted">No loops</span>
                            ) : (
                              <details>
                                <summary>
                                  {e.loopCount} loop{e.loopCount === 1 ? "" : "s"} ({e.openLoops} open)
                                </summary>
                                <ul className="exercise-loops">
                                  {e.loops.map((l) => (
                                    <li key={`${l.loopId}-${e.id}`}>
                                      <Link to={`/candidates/${l.candidateId}`}>{l.candidateName}</Link>{" "}
                                      <span className="small muted">
                                        {l.positionTitle} · {formatDate(l.scheduledAt, timeZone)} ·{" "}
                                        {l.loopStatus === "open" ? "open" : "closed"}
                                      </span>
                                    </li>
                                  ))}
                                </ul>
                                {e.moreLoops ? <p className="small muted">and {e.moreLoops} more</p> : null}
                              </details>
                            )}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
