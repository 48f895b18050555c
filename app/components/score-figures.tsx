// S with its band, and gates, as every page shows them: one look for one set of rules
// (app/models/numbers.ts for the rounding; the band is read from the number shown).
import { GATE_LABELS } from "#app/models/labels";
import { formatScore } from "#app/models/numbers";

const BAND_CLASS: Record<string, string> = {
  strong_hire: "badge-ok",
  hire: "badge-ok",
  lean_no_hire: "badge-warn",
  no_hire: "badge-danger",
};

export function BandBadge({ band }: { band: { key: string; label: string } | null }) {
  return band ? <span className={`badge ${BAND_CLASS[band.key] ?? ""}`}>{band.label}</span> : <span className="badge">No score</span>;
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

/** "3.47 Hire" with the calibrated pair and the rubric version that computed them under it, for tables of candidates. */
export function ScoreCell({
  score,
  band,
  calibratedScore,
  calibratedBand,
  rubricVersion,
}: {
  score: number | null;
  band: { key: string; label: string } | null;
  calibratedScore: number | null;
  calibratedBand: { key: string; label: string } | null;
  rubricVersion?: number;
}) {
  return (
    <div className="score-cell">
      <span>
        <strong>{formatScore(score)}</strong> <BandBadge band={band} />
      </span>
      {score !== null ? (
        <span className="small muted nowrap">
          calibrated {formatScore(calibratedScore)} {calibratedBand && calibratedBand.key !== band?.key ? `· ${calibratedBand.label}` : ""}
          {rubricVersion ? ` · rubric v${rubricVersion}` : ""}
        </span>
      ) : null}
    </div>
  );
}
