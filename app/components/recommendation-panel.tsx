import type { LoopRecommendation } from "#app/models/recommendation.server";
import { formatScore } from "#app/models/recommendation";
import { RECOMMENDATION_LABELS } from "#app/models/scorecard-schema";
import { formatDuration } from "#app/utils/time";
import { STAGE_LABELS } from "./labels";
import type { StageKey } from "#db/schema";

type Owed = { interviewId: number; stage: StageKey; interviewerName: string; owedSince: Date; draft: boolean };

const BAND_CLASS: Record<string, string> = {
  strong_hire: "badge-ok",
  hire: "badge-ok",
  lean_no_hire: "badge-warn",
  no_hire: "badge-danger",
};

const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${Math.abs(x).toFixed(2)}`;

/** The weighted recommendation with everything needed to check it by hand. */
export function RecommendationPanel({
  rec,
  owed,
  now,
  redFlagsAddressed = false,
  showCalibration = true,
}: {
  rec: LoopRecommendation;
  owed: Owed[];
  now: number;
  /** True once a decision has acknowledged the red flags: the gate stays visible, as settled. */
  redFlagsAddressed?: boolean;
  /** Colleagues' leniency is calibration data for the hiring team, not for the panel. */
  showCalibration?: boolean;
}) {
  // Three decimals, so a reader multiplying by hand gets the same total.
  const workings = rec.workings.map((w) => `${w.weight}×${Number(w.score.toFixed(3))}`).join(" + ");
  const total = rec.workings.reduce((a, w) => a + w.product, 0);
  return (
    <section className="card recommendation" aria-labelledby="rec-heading">
      <div className="row-between">
        <h2 id="rec-heading">Recommendation</h2>
        <span className="small muted">
          {rec.rubric.title} v{rec.rubric.version} · {rec.interviewerCount} interviewer{rec.interviewerCount === 1 ? "" : "s"}
        </span>
      </div>

      {rec.gates.length ? (
        <ul className="gates" aria-label="Gates">
          {rec.gates.map((g) => (
            <li key={g.kind} className={`gate gate-${g.kind}`}>
              {g.kind === "incomplete" ? (
                <>
                  <strong>Incomplete.</strong> {g.reasons.join(" ")}
                </>
              ) : g.kind === "split_panel" ? (
                <>
                  <strong>Split panel.</strong> {g.reasons.join(" ")}
                </>
              ) : (
                <>
                  <strong>
                    Red flag{g.flags.length > 1 ? "s" : ""}
                    {redFlagsAddressed
                      ? ": addressed in the recorded decision."
                      : `: the debrief must address ${g.flags.length > 1 ? "them" : "it"}.`}
                  </strong>
                  <ul>
                    {g.flags.map((f) => (
                      <li key={`${f.interviewerId}-${f.key}`}>
                        {f.text}
                        {f.note ? (
                          <span className="muted">
                            {" "}
                            ({rec.panel.find((p) => p.interviewerId === f.interviewerId)?.interviewerName}: “{f.note}”)
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="score-tiles">
        <div className="score-tile">
          <span className="tile-label">Weighted score (raw)</span>
          <span className="tile-value" data-testid="raw-score">
            {formatScore(rec.score)}
          </span>
          {rec.band ? (
            <span className={`badge ${BAND_CLASS[rec.band.key] ?? ""}`}>{rec.band.label}</span>
          ) : (
            <span className="badge">No ratings yet</span>
          )}
        </div>
        <div className="score-tile">
          <span className="tile-label">Calibrated (leniency-adjusted)</span>
          <span className="tile-value">{formatScore(rec.calibratedScore)}</span>
          {rec.calibratedBand ? (
            <span className={`badge ${BAND_CLASS[rec.calibratedBand.key] ?? ""}`}>{rec.calibratedBand.label}</span>
          ) : null}
        </div>
        <div className="score-tile">
          <span className="tile-label">Coverage</span>
          <span className="tile-value">{Math.round(rec.coverage * 100)}%</span>
          <span className="small muted">of the rubric's weight rated</span>
        </div>
        <div className="score-tile">
          <span className="tile-label">Spread (leave one interviewer out)</span>
          <span className="tile-value">
            {rec.leaveOneOut ? `${formatScore(rec.leaveOneOut.min)}–${formatScore(rec.leaveOneOut.max)}` : "—"}
          </span>
          <span className="small muted">{rec.leaveOneOut ? "S without each interviewer in turn" : "needs two or more interviewers"}</span>
        </div>
      </div>

      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Dimension scores</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Score (raw)
              </th>
              <th scope="col" className="num">
                Ratings
              </th>
              <th scope="col" className="num">
                Range
              </th>
              <th scope="col" className="num">
                Calibrated
              </th>
              <th scope="col" className="num">
                Weight × score
              </th>
            </tr>
          </thead>
          <tbody>
            {rec.dimensions.map((d) => (
              <tr key={d.key} className={d.ratingCount ? undefined : "muted"}>
                <th scope="row" className="dim-name">
                  {d.name}
                </th>
                <td className="num">{d.weight}</td>
                <td className="num">{formatScore(d.score)}</td>
                <td className="num">{d.ratingCount}</td>
                <td className={`num${d.spread !== null && d.spread >= 2 ? " split" : ""}`}>
                  {d.min === null ? "—" : d.min === d.max ? d.min : `${d.min}–${d.max}`}
                </td>
                <td className="num">{formatScore(d.calibratedScore)}</td>
                <td className="num">{d.score === null ? "not rated" : (d.weight * d.score).toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rec.score !== null ? (
        <p className="workings small">
          <strong>Workings:</strong> S = ({workings}) ÷ {rec.weightSum} = {total.toFixed(2)} ÷ {rec.weightSum} ={" "}
          <strong>{formatScore(rec.score)}</strong>
          {rec.weightSum < 100 ? ` (weights renormalised over the ${rec.weightSum} points that were rated)` : ""}. Bands: ≥ 3.50 Strong hire
          · ≥ 3.00 Hire · ≥ 2.50 Lean no hire · below No hire.
        </p>
      ) : null}

      {showCalibration && rec.panel.length ? (
        <details className="calibration-details">
          <summary>Panel and calibration</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Stage</th>
                <th scope="col">Recommendation</th>
                <th scope="col" className="num">
                  Leniency
                </th>
                <th scope="col" className="num">
                  Paired ratings
                </th>
              </tr>
            </thead>
            <tbody>
              {rec.panel.map((p) => (
                <tr key={`${p.interviewerId}-${p.stage}`}>
                  <td>{p.interviewerName}</td>
                  <td>{STAGE_LABELS[p.stage]}</td>
                  <td>{p.recommendation ? RECOMMENDATION_LABELS[p.recommendation as keyof typeof RECOMMENDATION_LABELS] : "—"}</td>
                  <td className="num">{signed(p.leniency)}</td>
                  <td className="num">{p.pairs}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">
            Leniency is how far an interviewer's ratings sit from colleagues' ratings of the same candidates, shrunk toward 0 when there are
            few paired ratings. The calibrated score subtracts it from each of their ratings before averaging.
          </p>
        </details>
      ) : null}

      {owed.length ? (
        <div className="owed">
          <h3>Still owed</h3>
          <ul>
            {owed.map((o) => (
              <li key={o.interviewId}>
                {o.interviewerName}, {STAGE_LABELS[o.stage]}: {o.draft ? "draft in progress" : "not started"}, owed for{" "}
                {formatDuration(now - o.owedSince.getTime())}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
