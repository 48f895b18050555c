import { z } from "zod";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.validity._index";
import { requirePermission } from "#app/auth/session.server";
import { FormError } from "#app/components/ui/field";
import { ScrollRegion } from "#app/components/ui/scroll-region";
import { SubmitButton } from "#app/components/ui/submit-button";
import { CorrelationCells, formatRho } from "#app/components/validity-figure";
import { formatFixed, formatScore } from "#app/models/numbers";
import { CHECKPOINTS } from "#app/models/outcome-scale";
import { listOutcomesDue, outcomeRefusal } from "#app/models/outcome.server";
import { can } from "#app/models/permissions";
import { startDraftFromAdvice, validityFigures } from "#app/models/validity.server";
import { OUTCOME_CHECKPOINTS, type OutcomeCheckpoint } from "#db/schema";
import { requestTime } from "#app/utils/clock.server";
import { forbidden, readFormData } from "#app/utils/http.server";
import { formatDate } from "#app/utils/time";

export const meta: Route.MetaFunction = () => [{ title: "Validity · Loopwise" }];

const Checkpoint = z.enum(OUTCOME_CHECKPOINTS);

async function guard(request: Request) {
  const user = await requirePermission(request, "validity:manage");
  const refusal = outcomeRefusal(user);
  if (refusal) forbidden(refusal);
  return user;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await guard(request);
  const asked = new URL(request.url).searchParams.get("at");
  const parsed = Checkpoint.safeParse(asked ?? "day_90");
  const checkpoint: OutcomeCheckpoint = parsed.success ? parsed.data : "day_90";
  return {
    due: listOutcomesDue(requestTime(context)),
    figures: validityFigures(checkpoint),
    unknownCheckpoint: parsed.success ? null : `There is no outcome called “${asked}”; showing the 90-day outcome.`,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await guard(request);
  if (!can(user, "rubrics:manage")) forbidden("Starting a rubric draft needs permission to manage the rubric.");
  const form = await readFormData(request);
  const checkpoint = Checkpoint.safeParse(form.get("checkpoint"));
  if (form.get("intent") !== "start-draft" || !checkpoint.success)
    return data({ error: "Choose which outcome's advice to start a draft from.", draftId: null }, { status: 400 });
  const result = startDraftFromAdvice(user, checkpoint.data, requestTime(context));
  if (!result.ok) return data({ error: result.message, draftId: result.draftId ?? null }, { status: 400 });
  throw redirect(`/rubrics/${result.id}/edit`);
}

export default function Validity({ loaderData: d, actionData }: Route.ComponentProps) {
  const f = d.figures;
  const dimName = (key: string) => f.rubric?.dimensions.find((x) => x.key === key)?.name ?? key;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Validity</h1>
          <p>Does the loop predict the job? Interview scores of hires against what their managers say at 90 days and at one year.</p>
        </div>
      </div>
      <div className="stack">
        <section className="card card-flush" aria-labelledby="due-heading">
          <div className="card-header">
            <h2 id="due-heading">Outcomes due</h2>
          </div>
          {d.due.length === 0 ? (
            <p className="card-note muted">No outcome is due: every hire's 90-day and one-year outcome that has fallen due is recorded.</p>
          ) : (
            <ScrollRegion label="Outcomes due">
              <table className="table validity-table">
                <thead>
                  <tr>
                    <th scope="col">Hire</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Due</th>
                    <th scope="col">Manager</th>
                    <th scope="col">
                      <span className="visually-hidden">Record</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.due.map((o) => (
                    <tr key={`${o.loopId}-${o.checkpoint}`}>
                      <th scope="row" className="name-cell">
                        {o.candidateName}
                        <div className="small muted">
                          {o.positionTitle} · hired {formatDate(o.hiredAt, "UTC")}
                        </div>
                      </th>
                      <td>{o.label}</td>
                      <td className="nowrap">
                        {formatDate(o.due, "UTC")}
                        <div className={o.daysOverdue > 0 ? "small warn-text" : "small muted"}>
                          {o.daysOverdue > 0 ? `${o.daysOverdue} day${o.daysOverdue === 1 ? "" : "s"} overdue` : "due today"}
                        </div>
                      </td>
                      <td>{o.manager.name}</td>
                      <td>
                        <Link to={`/validity/outcomes/${o.candidateId}`}>
                          Record
                          <span className="visually-hidden">
                            {" "}
                            the {o.label.toLowerCase()} for {o.candidateName}
                          </span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>

        <section className="card" aria-labelledby="figures-heading">
          <h2 id="figures-heading">Does the score predict the outcome?</h2>
          {d.unknownCheckpoint ? <p className="form-error">{d.unknownCheckpoint}</p> : null}
          <nav className="checkpoint-switch" aria-label="Which outcome">
            {OUTCOME_CHECKPOINTS.map((c) => (
              <Link key={c} to={`/validity?at=${c}`} className="btn btn-small" aria-current={c === f.checkpoint ? "page" : undefined}>
                {CHECKPOINTS[c].label}
              </Link>
            ))}
          </nav>
          <p>
            {f.hires} hire{f.hires === 1 ? "" : "s"} with a {f.label.toLowerCase()}
            {f.leavers.regretted + f.leavers.nonRegretted
              ? `; ${f.leavers.regretted} left regretted and ${f.leavers.nonRegretted} non-regretted`
              : ""}
            .
          </p>
          <details className="how-to-read" open>
            <summary>What these figures mean, and what they can't</summary>
            <ul className="small">
              <li>
                Each figure is <strong>Spearman's rank correlation</strong> between a score at interview and the manager's overall rating
                (1–4): +1 would mean the hires who scored higher were always rated higher, 0 no relation. Under it is its 95% interval, from
                resampling hires (fixed seed, so it doesn't move between visits); n is how many hires it rests on.
              </li>
              <li>
                <strong>Only hires have outcomes.</strong> Everyone here passed the loop, so their scores cover a narrow, high range, and a
                correlation within a narrow range is smaller than the one across every candidate (range restriction). This page doesn't
                correct for it: the correction needs assumptions about people who were never hired. Read a small figure as "not shown to
                predict among hires", not as "doesn't predict".
              </li>
              <li>
                The outcome is one manager's judgement, and the manager often sat the debrief: agreement can partly be the same opinion
                twice. With tens of hires an interval is wide; below {f.minimums.correlation.n} hires no figure is shown.{" "}
                {f.minimums.correlation.reason}
              </li>
            </ul>
          </details>
          <ScrollRegion label="Validity by score">
            <table className="table validity-table">
              <thead>
                <tr>
                  <th scope="col">Score at interview</th>
                  <th scope="col" className="num">
                    rho with overall rating
                  </th>
                  <th scope="col" className="num">
                    n
                  </th>
                  <th scope="col">Reading</th>
                  <th scope="col" className="num">
                    rho with the same dimension in the job
                  </th>
                  <th scope="col" className="num">
                    n
                  </th>
                  <th scope="col">Reading</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">S (weighted score)</th>
                  <CorrelationCells c={f.s} />
                  <td colSpan={3} className="small muted">
                    S is compared with the overall rating only.
                  </td>
                </tr>
                {f.dimensions.map((dim) => (
                  <tr key={dim.key}>
                    <th scope="row">{dim.name}</th>
                    <CorrelationCells c={dim.overall} />
                    <CorrelationCells c={dim.sameDimension} />
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>

        <section className="card card-flush" aria-labelledby="interviewers-heading">
          <div className="card-header">
            <h2 id="interviewers-heading">Each interviewer's ratings</h2>
          </div>
          <p className="card-note small muted">
            Each interviewer's own S for the hires they rated (their ratings only, with the rubric's weights) against the overall rating.
            Most interviewers meet few hires, so most show no figure yet.
          </p>
          {f.interviewers.length === 0 ? (
            <p className="card-note muted">No hire with this outcome has been rated by anyone yet.</p>
          ) : (
            <ScrollRegion label="Each interviewer's ratings">
              <table className="table validity-table">
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col" className="num">
                      rho
                    </th>
                    <th scope="col" className="num">
                      n
                    </th>
                    <th scope="col">Reading</th>
                  </tr>
                </thead>
                <tbody>
                  {f.interviewers.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.name}</th>
                      <CorrelationCells c={i.correlation} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </section>

        <section className="card" aria-labelledby="advice-heading">
          <h2 id="advice-heading">Weight advice</h2>
          {!f.advice || !f.advice.enough ? (
            <p role="status">
              Needs at least {f.minimums.weights.n} hires with a {f.label.toLowerCase()}; there {f.hires === 1 ? "is" : "are"} {f.hires}.{" "}
              {f.minimums.weights.reason}
            </p>
          ) : (
            <>
              <p>
                Weights in proportion to each dimension's correlation with the outcome (a dimension that doesn't predict it keeps the least
                weight a rubric allows, 1). Nothing changes by itself: a draft started from this goes through the rubric's impact preview
                and is published only by someone who decides to.
              </p>
              <ul className="small">
                <li>
                  S under the current weights (v{f.rubric?.version}) against the outcome:{" "}
                  <strong>{f.advice.currentRho === null ? "no figure" : formatRho(f.advice.currentRho, f.advice.n)}</strong>.
                </li>
                <li>
                  S under fitted weights, each hire scored with weights fitted <em>without</em> them (so the fit can't flatter itself):{" "}
                  <strong>{f.advice.leaveOneOutRho === null ? "no figure" : formatRho(f.advice.leaveOneOutRho, f.advice.n)}</strong>. Fitted
                  to the very hires it is judged on, it would always look better.
                </li>
              </ul>
              <ScrollRegion label="Current and fitted weights">
                <table className="table validity-table">
                  <thead>
                    <tr>
                      <th scope="col">Dimension</th>
                      <th scope="col" className="num">
                        Current weight
                      </th>
                      <th scope="col" className="num">
                        Fitted weight
                      </th>
                      <th scope="col" className="num">
                        95% interval
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(f.advice.current).map(([key, w]) => {
                      const fitted = f.advice!.enough ? f.advice!.fitted?.[key] : undefined;
                      const interval = f.advice!.enough ? f.advice!.fittedIntervals[key] : undefined;
                      return (
                        <tr key={key}>
                          <th scope="row">{dimName(key)}</th>
                          <td className="num">{w}</td>
                          <td className="num">{fitted ?? "—"}</td>
                          <td className="num nowrap">
                            {interval ? `${formatFixed(interval.low, 0)} to ${formatFixed(interval.high, 0)}` : "—"}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
              <h3>How past hires would have ranked</h3>
              <ScrollRegion label="How past hires would have ranked">
                <table className="table validity-table">
                  <thead>
                    <tr>
                      <th scope="col">Hire</th>
                      <th scope="col" className="num">
                        Outcome
                      </th>
                      <th scope="col" className="num">
                        S now (rank)
                      </th>
                      <th scope="col" className="num">
                        S fitted (rank)
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.ranking.map((r) => (
                      <tr key={r.candidateId}>
                        <th scope="row" className="name-cell">
                          {r.candidateName}
                        </th>
                        <td className="num">{r.outcome}</td>
                        <td className="num">
                          {formatScore(r.currentScore)} ({r.current ?? "—"})
                        </td>
                        <td className="num">
                          {formatScore(r.fittedScore)} ({r.fitted ?? "—"})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
              {actionData ? <FormError errors={[actionData.error]} /> : null}
              {actionData?.draftId ? (
                <p>
                  <Link to={`/rubrics/${actionData.draftId}/edit`}>Open the draft that is already open</Link>
                </p>
              ) : null}
              {f.advice.fitted ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="start-draft" />
                  <input type="hidden" name="checkpoint" value={f.checkpoint} />
                  <SubmitButton>Start a rubric draft with the fitted weights</SubmitButton>
                </Form>
              ) : (
                <p>No dimension predicts the outcome on these hires, so there are no fitted weights to start a draft from.</p>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
