import { z } from "zod";
import { useEffect } from "react";
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/_app.candidates.$candidateId.debrief";
import { DECISION_LABELS, STAGE_LABELS } from "#app/models/labels";
import { RecommendationPanel } from "#app/components/recommendation-panel";
import { SubmitButton } from "#app/components/ui/submit-button";
import { ScrollRegion } from "#app/components/ui/scroll-region";
import { decisionWarnings, getDecision, recordDecision } from "#app/models/decision.server";
import { getLoopRecommendation } from "#app/models/recommendation.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { RECOMMENDATION_LABELS } from "#app/models/scorecard-schema";
import { listSubmittedScorecards } from "#app/models/scorecard.server";
import { owedScorecards, withStates } from "#app/models/interview-status";
import { idParam, readFormData } from "#app/utils/http.server";
import { requirePermission, requireUser } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import { codeReviewsOf } from "#app/models/code-review-link.server";
import { DecisionSchema, loadDebriefContext } from "./_app.candidates.$candidateId.debrief.server";
import { requestTime } from "#app/utils/clock.server";
import { can } from "#app/models/permissions";
import { formatPercent, formatScore } from "#app/models/numbers";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Debrief: ${data?.candidate.name ?? ""} · Loopwise` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { candidate, loop, missing } = loadDebriefContext(idParam(params.candidateId), user);
  const rubric = getRubricDetail(loop.rubricVersionId)!;
  const cards = listSubmittedScorecards({ loopId: loop.id });
  const signalByKey = new Map(rubric.signals.map((s) => [s.key, s]));
  const now = requestTime(context);
  const full = getLoopRecommendation(loop, now)!;
  // Colleagues' leniency is calibration data for the hiring team; the panel doesn't receive it.
  const recommendation = can(user, "loops:manage") ? full : { ...full, panel: full.panel.map((p) => ({ ...p, leniency: 0, pairs: 0 })) };
  const decision = getDecision(loop.id);
  const codeReviews = (await codeReviewsOf(loop, { links: false }, now)).map((r) => ({
    exerciseTitle: r.exerciseTitle,
    phase: r.assignment?.phase ?? null,
    autoScore: r.assignment?.autoScore ?? null,
    gradedScore: r.assignment?.gradedScore ?? null,
    gradedBy: r.assignment?.gradedBy ?? null,
    comments: r.assignment?.comments ?? null,
  }));
  const levelLabel = (dimension: string, level: number | null) =>
    level === null
      ? "Not assessed"
      : (rubric.dimensions.find((d) => d.key === dimension)?.levels.find((l) => l.level === level)?.label ?? "");
  return {
    candidate: { id: candidate.id, name: candidate.name, positionTitle: candidate.positionTitle },
    loopStatus: loop.status,
    rubric: { title: rubric.title, version: rubric.version },
    dimensions: rubric.dimensions.map((d) => ({ key: d.key, name: d.name, weight: d.weight })),
    heatmap: cards.map((c) => ({
      id: c.id,
      interviewerName: c.interviewerName,
      stage: c.stage,
      recommendation: c.recommendation,
      cells: Object.fromEntries(c.ratings.map((r) => [r.dimensionKey, { level: r.level, label: levelLabel(r.dimensionKey, r.level) }])),
    })),
    evidence: rubric.dimensions.map((d) => ({
      key: d.key,
      name: d.name,
      items: cards.flatMap((c) =>
        c.ratings
          .filter((r) => r.dimensionKey === d.key && r.evidence)
          .map((r) => ({
            interviewerName: c.interviewerName,
            stage: c.stage,
            level: r.level,
            label: levelLabel(d.key, r.level),
            evidence: r.evidence,
          })),
      ),
    })),
    signals: cards
      .flatMap((c) =>
        c.signals.map((s) => ({
          ...s,
          interviewerName: c.interviewerName,
          kind: signalByKey.get(s.signalKey)?.kind ?? "strong",
          text: signalByKey.get(s.signalKey)?.text ?? s.signalKey,
        })),
      )
      .sort((a, b) => ["red_flag", "weak", "strong"].indexOf(a.kind) - ["red_flag", "weak", "strong"].indexOf(b.kind)),
    takeaways: cards
      .filter((c) => c.takeaways)
      .map((c) => ({ interviewerName: c.interviewerName, stage: c.stage, takeaways: c.takeaways })),
    recommendation,
    owed: owedScorecards(withStates(loop.interviews, now)),
    missing,
    decision,
    codeReviews,
    canManage: can(user, "loops:manage"),
    canDecide: can(user, "loops:manage") && !decision && missing === 0 && loop.status === "open",
    warnings: {
      hire: decisionWarnings("hire", recommendation),
      no_hire: decisionWarnings("no_hire", recommendation),
      hold: decisionWarnings("hold", recommendation),
    },
    timeZone: user.timeZone,
    now: now.getTime(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const { loop } = loadDebriefContext(idParam(params.candidateId), user);
  const form = Object.fromEntries(await readFormData(request));
  const values = { decision: String(form.decision ?? ""), rationale: String(form.rationale ?? ""), acknowledge: form.acknowledge === "on" };
  const parsed = DecisionSchema.safeParse(form);
  if (!parsed.success) {
    const { formErrors, fieldErrors } = z.flattenError(parsed.error) as { formErrors: string[]; fieldErrors: Record<string, string[]> };
    return data({ errors: formErrors.length ? { ...fieldErrors, form: formErrors } : fieldErrors, values }, { status: 400 });
  }
  const now = requestTime(context);
  const full = getLoopRecommendation(loop, now)!;
  // Colleagues' leniency is calibration data for the hiring team; the panel doesn't receive it.
  const recommendation = can(user, "loops:manage") ? full : { ...full, panel: full.panel.map((p) => ({ ...p, leniency: 0, pairs: 0 })) };
  const result = recordDecision(user, {
    loopId: loop.id,
    decision: parsed.data.decision,
    rationale: parsed.data.rationale,
    acknowledged: parsed.data.acknowledge === "on",
    recommendation,
    now,
  });
  if (!result.ok) return data({ errors: { [result.field ?? "form"]: [result.message] }, values }, { status: result.status });
  return { errors: {} as Record<string, string[]>, values: null };
}

/** Folded sections print open: the packet must carry everything on screen. */
function printPacket() {
  document.querySelectorAll("details").forEach((d) => d.setAttribute("open", ""));
  window.print();
}

const LEVEL_CLASS = ["", "heat-1", "heat-2", "heat-3", "heat-4"];

export default function Debrief({ loaderData: d, actionData }: Route.ComponentProps) {
  // The browser's own Print command gets the same expanded packet as the button.
  useEffect(() => {
    const open = () => document.querySelectorAll("details").forEach((el) => el.setAttribute("open", ""));
    window.addEventListener("beforeprint", open);
    return () => window.removeEventListener("beforeprint", open);
  }, []);
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <>
      <nav className="breadcrumbs no-print" aria-label="Breadcrumb">
        {d.canManage ? (
          <>
            <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${d.candidate.id}`}>{d.candidate.name}</Link> /
          </>
        ) : (
          <>
            <Link to="/interviews">My interviews</Link> /
          </>
        )}
      </nav>
      <div className="page-header">
        <div>
          <h1>Debrief: {d.candidate.name}</h1>
          <p>
            {d.candidate.positionTitle} · rubric {d.rubric.title} v{d.rubric.version} · printed {formatDateTime(d.now, d.timeZone)}
          </p>
        </div>
        <button type="button" className="btn no-print" onClick={printPacket}>
          Print debrief packet
        </button>
      </div>
      {d.canDecide ? (
        <p className="no-print jump-link">
          {/* A plain fragment link, so it works before hydration; Chromium focuses the target itself, the
              click handler does it in browsers that only scroll, so the next Tab lands in the form. */}
          <a href="#record-decision" onClick={() => requestAnimationFrame(() => document.getElementById("record-decision")?.focus())}>
            Jump to the decision form
          </a>
        </p>
      ) : null}
      {d.missing > 0 ? (
        <p className="form-error" role="status">
          {d.missing} scheduled interview{d.missing === 1 ? " has" : "s have"} no submitted scorecard yet; the panel can't open this debrief
          until every scorecard is in.
        </p>
      ) : null}

      {d.decision ? (
        <section className="card decision-record" aria-labelledby="decision-heading">
          <h2 id="decision-heading">
            Decision: {DECISION_LABELS[d.decision.decision]}{" "}
            <span className="small muted">
              by {d.decision.decidedByName}, {formatDateTime(d.decision.decidedAt, d.timeZone)}
            </span>
          </h2>
          <p className="notes">{d.decision.rationale}</p>
          <p className="small muted">
            At the time: S {formatScore(d.decision.scoreAtDecision)}, {d.decision.bandAtDecision ?? "no band"}
            {d.decision.acknowledgedAgainstBand ? " · acknowledged as against the band" : ""}
            {d.decision.acknowledgedRedFlags ? " · red flag acknowledged" : ""}
          </p>
        </section>
      ) : null}

      <RecommendationPanel
        rec={d.recommendation}
        owed={d.owed}
        now={d.now}
        redFlagsAddressed={Boolean(d.decision?.acknowledgedRedFlags)}
        showCalibration={d.canManage}
      />

      <section className="card" aria-labelledby="heat-heading" style={{ marginTop: "1rem" }}>
        <h2 id="heat-heading">Ratings side by side</h2>
        {d.heatmap.length === 0 ? (
          <p className="muted">No submitted scorecards yet.</p>
        ) : (
          <ScrollRegion label="Ratings by interviewer and dimension">
            <table className="table heatmap">
              <caption className="visually-hidden">Ratings by interviewer and dimension</caption>
              <thead>
                <tr>
                  <th scope="col">Interviewer</th>
                  {d.dimensions.map((dim) => (
                    <th key={dim.key} scope="col">
                      {dim.name}
                    </th>
                  ))}
                  <th scope="col">Overall</th>
                </tr>
              </thead>
              <tbody>
                {d.heatmap.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      {row.interviewerName}
                      <div className="small muted">{STAGE_LABELS[row.stage]}</div>
                    </th>
                    {d.dimensions.map((dim) => {
                      const cell = row.cells[dim.key];
                      return (
                        <td key={dim.key} className={cell ? LEVEL_CLASS[cell.level ?? 0] || "heat-na" : "heat-empty"}>
                          {cell ? (
                            <>
                              <strong>{cell.level ?? "–"}</strong> <span className="small">{cell.label}</span>
                            </>
                          ) : (
                            <span className="visually-hidden">not rated</span>
                          )}
                        </td>
                      );
                    })}
                    <td>{row.recommendation ? RECOMMENDATION_LABELS[row.recommendation as keyof typeof RECOMMENDATION_LABELS] : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {d.signals.length ? (
        <section className="card" aria-labelledby="signals-heading" style={{ marginTop: "1rem" }}>
          <h2 id="signals-heading">Signals (red flags first)</h2>
          <ul className="signal-summary">
            {d.signals.map((s) => (
              <li key={`${s.interviewerName}-${s.signalKey}`} className={`signal-${s.kind}`}>
                {s.kind === "red_flag" ? "Red flag: " : s.kind === "weak" ? "Weak: " : "Strong: "}
                {s.text}{" "}
                <span className="muted">
                  ({s.interviewerName}
                  {s.note ? `: “${s.note}”` : ""})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.codeReviews.some((c) => c.autoScore !== null) ? (
        <section className="card" aria-labelledby="cr-result-heading" style={{ marginTop: "1rem" }}>
          <h2 id="cr-result-heading">Code-review exercise</h2>
          {d.codeReviews.map((c) => (
            <p key={c.exerciseTitle}>
              {c.exerciseTitle}: {c.comments} comments, automatic {c.autoScore === null ? "—" : formatPercent(c.autoScore)}, graded{" "}
              {c.gradedScore === null ? "not yet" : `${formatPercent(c.gradedScore)} by ${c.gradedBy}`} of planted defects
              (severity-weighted).
            </p>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="evidence-heading" className="stack" style={{ marginTop: "1rem" }}>
        <h2 id="evidence-heading">Evidence by dimension</h2>
        {d.evidence.map((dim) => (
          <article key={dim.key} className="card evidence-block">
            <h3>{dim.name}</h3>
            {dim.items.length === 0 ? (
              <p className="muted small">No evidence recorded.</p>
            ) : (
              <ul>
                {dim.items.map((e, i) => (
                  <li key={i}>
                    <strong>
                      {e.interviewerName} ({STAGE_LABELS[e.stage]}): {e.level ?? "–"} · {e.label}
                    </strong>
                    <p className="notes">{e.evidence}</p>
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
        {d.takeaways.length ? (
          <article className="card evidence-block">
            <h3>Take-aways</h3>
            <ul>
              {d.takeaways.map((t) => (
                <li key={t.interviewerName + t.stage}>
                  <strong>
                    {t.interviewerName} ({STAGE_LABELS[t.stage]})
                  </strong>
                  <p className="notes">{t.takeaways}</p>
                </li>
              ))}
            </ul>
          </article>
        ) : null}
      </section>

      {d.canDecide ? (
        <section
          id="record-decision"
          tabIndex={-1}
          className="card no-print decision-form"
          aria-labelledby="decide-heading"
          style={{ marginTop: "1rem" }}
        >
          <h2 id="decide-heading">Record the decision</h2>
          <Form method="post" className="form">
            {errors.form ? (
              <p className="form-error" role="alert">
                {errors.form.join(" ")}
              </p>
            ) : null}
            <fieldset className="row" aria-describedby={errors.decision ? "decision-error" : undefined}>
              <legend>Decision</legend>
              {(["hire", "no_hire", "hold"] as const).map((k) => (
                <label key={k} className="recommendation-option">
                  <input type="radio" name="decision" value={k} defaultChecked={values?.decision === k} />
                  <span>
                    {DECISION_LABELS[k]}
                    {d.warnings[k].againstBand ? <span className="small muted"> (against the band)</span> : null}
                    {d.warnings[k].againstFloor ? <span className="small muted"> (against a floor)</span> : null}
                  </span>
                </label>
              ))}
            </fieldset>
            {errors.decision ? (
              <p id="decision-error" className="field-error">
                {errors.decision.join(" ")}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="rationale">Rationale</label>
              <textarea
                id="rationale"
                name="rationale"
                className="textarea"
                rows={5}
                maxLength={5000}
                defaultValue={values?.rationale ?? ""}
                aria-invalid={errors.rationale ? true : undefined}
                aria-describedby={errors.rationale ? "rationale-error" : "rationale-hint"}
              />
              <p id="rationale-hint" className="hint">
                The evidence that decided it, and how any red flag or split was resolved. Recorded with your name in the audit log.
              </p>
              {errors.rationale ? (
                <p id="rationale-error" className="field-error">
                  {errors.rationale.join(" ")}
                </p>
              ) : null}
            </div>
            {d.recommendation.gates.some((g) => g.kind === "red_flag") ||
            d.warnings.hire.againstBand ||
            d.warnings.hire.againstFloor ||
            d.warnings.no_hire.againstBand ? (
              <div className="field">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="acknowledge"
                    defaultChecked={values?.acknowledge}
                    aria-invalid={errors.acknowledge ? true : undefined}
                  />
                  <span>
                    I have addressed{" "}
                    {d.recommendation.gates.some((g) => g.kind === "red_flag")
                      ? "the open red flag"
                      : d.warnings.hire.againstFloor
                        ? "why a hire goes against the floor"
                        : "why this decision goes against the band"}{" "}
                    in the rationale.
                  </span>
                </label>
                {errors.acknowledge ? <p className="field-error">{errors.acknowledge.join(" ")}</p> : null}
              </div>
            ) : null}
            <div className="form-actions">
              <SubmitButton pendingText="Recording…">Record decision</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
