import { RECOMMENDATION_LABELS } from "#app/models/scorecard-schema";
import { formatDateTime } from "#app/utils/time";
import { STAGE_LABELS } from "#app/models/labels";
import type { StageKey } from "#db/schema";

type PanelCard = {
  id: number;
  interviewerName: string;
  stage: StageKey;
  recommendation: string | null;
  takeaways: string;
  submittedAt: Date | null;
  amendmentCount: number;
  ratings: { dimensionKey: string; level: number | null; evidence: string }[];
  signals: { signalKey: string; note: string }[];
};

/**
 * Colleagues' submitted scorecards. `panel` is null while the viewer may not see them (their own
 * scorecard isn't submitted yet); the server sends nothing in that case, not even a count.
 */
export function PanelScorecards({
  panel,
  dimensions,
  signals,
  timeZone,
  isOwn,
}: {
  panel: PanelCard[] | null;
  dimensions: Dimensions;
  signals: Signals;
  timeZone: string;
  isOwn: boolean;
}) {
  if (panel === null)
    return (
      <section className="card panel-locked" aria-labelledby="panel-heading" style={{ marginTop: "1.5rem" }}>
        <h2 id="panel-heading">The rest of the panel</h2>
        <p className="muted">
          Colleagues' scorecards for this candidate appear here once you have submitted yours, so their views can't anchor yours.
        </p>
      </section>
    );
  return (
    <section aria-labelledby="panel-heading" className="stack" style={{ marginTop: "1.5rem" }}>
      <h2 id="panel-heading">{isOwn ? "The rest of the panel" : "Other scorecards in this loop"}</h2>
      {panel.length === 0 ? <p className="card muted">No other scorecards have been submitted yet.</p> : null}
      {panel.map((c) => (
        <ScorecardCard key={c.id} card={c} dimensions={dimensions} signals={signals} timeZone={timeZone} />
      ))}
    </section>
  );
}

type Dimensions = { key: string; name: string; levels: { level: number; label: string }[] }[];
type Signals = { key: string; kind: string; text: string }[];

/** One submitted scorecard, compactly: each rating with its level name and evidence, then signals. */
export function ScorecardCard({
  card: c,
  dimensions,
  signals,
  timeZone,
}: {
  card: Omit<PanelCard, "id">;
  dimensions: Dimensions;
  signals: Signals;
  timeZone: string;
}) {
  const signalByKey = new Map(signals.map((s) => [s.key, s]));
  const dimensionName = new Map(dimensions.map((d) => [d.key, d]));
  // Rubric order, not the order rows happen to come back in.
  const ratings = [...c.ratings].sort(
    (a, b) => dimensions.findIndex((d) => d.key === a.dimensionKey) - dimensions.findIndex((d) => d.key === b.dimensionKey),
  );
  return (
    <article className="card" aria-label={`${c.interviewerName}'s scorecard`}>
      <div className="row-between">
        <h3>
          {c.interviewerName} · {STAGE_LABELS[c.stage]}
        </h3>
        <span className="row small">
          {c.recommendation ? (
            <span className={`badge ${c.recommendation.includes("yes") ? "badge-ok" : "badge-danger"}`}>
              {RECOMMENDATION_LABELS[c.recommendation as keyof typeof RECOMMENDATION_LABELS]}
            </span>
          ) : null}
          {c.submittedAt ? <span className="muted">{formatDateTime(c.submittedAt, timeZone)}</span> : null}
          {c.amendmentCount ? <span className="badge badge-info">Amended</span> : null}
        </span>
      </div>
      <table className="table scorecard-ratings">
        <tbody>
          {ratings.map((r) => {
            const d = dimensionName.get(r.dimensionKey);
            const label = r.level ? d?.levels.find((l) => l.level === r.level)?.label : "Not assessed";
            return (
              <tr key={r.dimensionKey}>
                <th scope="row">{d?.name ?? r.dimensionKey}</th>
                <td className="rating-level">{r.level ? `${r.level} · ${label}` : label}</td>
                <td className="notes">{r.evidence}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {c.signals.length ? (
        <ul className="signal-summary">
          {c.signals.map((s) => {
            const signal = signalByKey.get(s.signalKey);
            return (
              <li key={s.signalKey} className={`signal-${signal?.kind ?? "strong"}`}>
                {signal?.kind === "red_flag" ? "Red flag: " : signal?.kind === "weak" ? "Weak: " : "Strong: "}
                {signal?.text ?? s.signalKey}
                {s.note ? <span className="muted"> ({s.note})</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {c.takeaways ? (
        <p className="notes small">
          <strong>Take-aways:</strong> {c.takeaways}
        </p>
      ) : null}
    </article>
  );
}
