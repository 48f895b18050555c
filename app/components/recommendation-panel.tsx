import type { LoopRecommendation } from "#app/models/recommendation.server";
import { formatPercent, formatScore, formatSigned } from "#app/models/numbers";
import { describeWorkings } from "#app/models/workings";
import { RECOMMENDATION_LABELS } from "#app/models/scorecard-schema";
import { bandsDifferNote } from "#app/models/panel-in";
import { BandBadge } from "./score-figures";
import { ScrollRegion } from "./ui/scroll-region";
import { formatDuration } from "#app/utils/time";
import { STAGE_LABELS } from "#app/models/labels";
import type { StageKey } from "#db/schema";

type Owed = { interviewId: number; stage: StageKey; interviewerName: string; owedSince: Date; draft: boolean };

/** The weighted recommendation with everything needed to check it by hand. */
export function RecommendationPanel({
  rec,
  owed = [],
  now,
  redFlagsAddressed = false,
  showCalibration = true,
  remind,
}: {
  rec: LoopRecommendation;
  /** Who still owes a scorecard; pages that list them with the loop leave this out. */
  owed?: Owed[];
  now: number;
  /** True once a decision has acknowledged the red flags: the gate stays visible, as settled. */
  redFlagsAddressed?: boolean;
  /** Colleagues' leniency is calibration data for the hiring team, not for the panel. */
  showCalibration?: boolean;
  /** What to offer beside each owed scorecard (the hiring team's "Remind"). */
  remind?: (owed: Owed) => React.ReactNode;
}) {
  const workings = describeWorkings(rec.workings);
  const provisional = rec.band !== null && !rec.panelIn.complete;
  const differ = bandsDifferNote(rec.band, rec.calibratedBand);
  const bands = rec.rubric.bands.map((b, i) =>
    i === rec.rubric.bands.length - 1 ? `below ${b.label}` : `≥ ${formatScore(b.minScore)} ${b.label}`,
  );
  return (
    <section className="card recommendation" aria-labelledby="rec-heading">
      <div className="row-between">
        <h2 id="rec-heading">Recommendation</h2>
        <span className="small muted">
          {rec.rubric.title} v{rec.rubric.version} · {rec.interviewerCount} interviewer{rec.interviewerCount === 1 ? "" : "s"} ·{" "}
          <strong data-testid="panel-in">{rec.panelIn.label}</strong>
        </span>
      </div>
      {provisional ? (
        <p className="provisional-note" role="note">
          <strong>Provisional: {rec.panelIn.label}.</strong> The score and bands below rest on the scorecards submitted so far and will move
          as the rest arrive; they become the panel's once all {rec.panelIn.expected} are in.
        </p>
      ) : rec.band === null && rec.panelIn.expected > 0 ? (
        <p className="provisional-note" role="note">
          <strong>{rec.panelIn.label}.</strong> No band until a scorecard is submitted.
        </p>
      ) : null}

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
              ) : g.kind === "floor" ? (
                <>
                  <strong>Below a floor.</strong> {g.reasons.join(" ")}
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

      {differ ? (
        <p className="small" data-testid="bands-differ">
          {differ}
        </p>
      ) : null}

      <div className="score-tiles">
        <div className="score-tile">
          <span className="tile-label">Weighted score (raw)</span>
          <span className="tile-value" data-testid="raw-score">
            {formatScore(rec.score)}
          </span>
          {rec.band ? <BandBadge band={rec.band} panel={rec.panelIn} /> : <span className="badge">No ratings yet</span>}
        </div>
        <div className="score-tile">
          <span className="tile-label">Calibrated (leniency-adjusted)</span>
          <span className="tile-value">{formatScore(rec.calibratedScore)}</span>
          {rec.calibratedBand ? <BandBadge band={rec.calibratedBand} panel={rec.panelIn} /> : null}
        </div>
        <div className="score-tile">
          <span className="tile-label">Coverage</span>
          <span className="tile-value">{formatPercent(rec.coverage)}</span>
          <span className="small muted">of the rubric's weight rated</span>
        </div>
        <div className="score-tile">
          <span className="tile-label">Spread (leave one interviewer out)</span>
          <span className="tile-value">
            {rec.leaveOneOut ? `${formatScore(rec.leaveOneOut.min)}–${formatScore(rec.leaveOneOut.max)}` : "—"}
          </span>
          <span className="small muted">
            {rec.leaveOneOut
              ? `S without each of the ${rec.interviewerCount} interviewers in turn`
              : "needs two or more interviewers: S rests on one person's view"}
          </span>
        </div>
      </div>

      <ScrollRegion label="Dimension scores">
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
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {workings ? (
        <p className="workings small" data-testid="workings">
          <strong>Workings:</strong> S = ({workings.terms}) ÷ {workings.weight} = {workings.sum} ÷ {workings.weight} ={" "}
          <strong>{workings.score}</strong>
          {workings.weight < 100 ? ` (weights renormalised over the ${workings.weight} points that were rated)` : ""}. Scores are rounded
          half-up to two decimals and the band is read from S as shown: {bands.join(" · ")}. The calibrated S subtracts each interviewer's
          leniency from their ratings before averaging, and is then kept within 1–4.
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
                  Based on
                </th>
              </tr>
            </thead>
            <tbody>
              {rec.panel.map((p) => (
                <tr key={`${p.interviewerId}-${p.stage}`}>
                  <td>{p.interviewerName}</td>
                  <td>{STAGE_LABELS[p.stage]}</td>
                  <td>{p.recommendation ? RECOMMENDATION_LABELS[p.recommendation as keyof typeof RECOMMENDATION_LABELS] : "—"}</td>
                  <td className="num">{formatSigned(p.leniency)}</td>
                  <td className="num">
                    {p.candidates} candidate{p.candidates === 1 ? "" : "s"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">
            Leniency is how far an interviewer's ratings sit from colleagues' ratings of the same candidates and dimensions, in rating
            points, shrunk toward 0 when they have rated few candidates alongside colleagues. The calibrated score subtracts it from each of
            their ratings before averaging.
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
                {remind?.(o)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
