// S with its band, and gates, as every page shows them: one look for one set of rules
// (app/models/numbers.ts for the rounding; the band is read from the number shown).
import { GATE_LABELS } from "#app/models/labels";
import { formatScore } from "#app/models/numbers";
import { bandStatus, type PanelIn } from "#app/models/panel-in";

const BAND_CLASS: Record<string, string> = {
  strong_hire: "badge-ok",
  hire: "badge-ok",
  lean_no_hire: "badge-warn",
  no_hire: "badge-danger",
};

/**
 * The band, marked provisional until every expected scorecard is in (panel-in.ts). `panel` is
 * required so no page can show a band as a verdict without asking the rule.
 */
export function BandBadge({ band, panel }: { band: { key: string; label: string } | null; panel: PanelIn }) {
  if (!band) return <span className="badge">No score</span>;
  const provisional = bandStatus(band, panel) === "provisional";
  return (
    <span className={`badge ${provisional ? "badge-provisional" : (BAND_CLASS[band.key] ?? "")}`}>
      {band.label}
      {provisional ? " (provisional)" : ""}
    </span>
  );
}

export function GateBadges({ gates }: { gates: (keyof typeof GATE_LABELS)[] }) {
  return (
    <>
      {gates.map((g) => (
        <span key={g} className={`badge ${g === "red_flag" || g === "floor" ? "badge-danger" : "badge-warn"}`}>
          {GATE_LABELS[g]}
        </span>
      ))}
    </>
  );
}

/**
 * "3.47 Hire" with the calibrated pair, the rubric version that computed them and how much of the
 * panel is in ("2 of 4 in", the band provisional until all are), for tables of candidates.
 */
export function ScoreCell({
  score,
  band,
  calibratedScore,
  calibratedBand,
  rubricVersion,
  panelIn,
}: {
  panelIn: PanelIn;
  score: number | null;
  band: { key: string; label: string } | null;
  calibratedScore: number | null;
  calibratedBand: { key: string; label: string } | null;
  rubricVersion?: number;
}) {
  return (
    <div className="score-cell">
      <span>
        <strong>{formatScore(score)}</strong> <BandBadge band={band} panel={panelIn} />
      </span>
      {score !== null ? (
        <span className="small muted nowrap">
          calibrated {formatScore(calibratedScore)} {calibratedBand && calibratedBand.key !== band?.key ? `· ${calibratedBand.label}` : ""}
          {rubricVersion ? ` · rubric v${rubricVersion}` : ""}
        </span>
      ) : null}
      {/* So "3.6 from three" doesn't read like "3.6 from five". */}
      <span className="small muted nowrap">{panelIn.label}</span>
    </div>
  );
}
