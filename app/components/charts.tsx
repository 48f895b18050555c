// Small server-rendered SVG charts: fixed sizes (no layout shift), each with a text alternative.
import { formatSigned } from "#app/models/numbers";

const LEVEL_COLORS = ["#d64545", "#f0a35e", "#7cc47f", "#2e8b57"];

/** A one-line stacked bar of how often each level (1–4) was given. */
export function DistributionBar({ counts, label }: { counts: [number, number, number, number]; label: string }) {
  const total = counts.reduce((a, b) => a + b, 0);
  const width = 72;
  // Hundredths of a pixel: finer changes nothing on screen, and calibration draws hundreds of these.
  const px = (v: number) => Math.round(v * 100) / 100;
  let x = 0;
  const text = total ? counts.map((n, i) => `${i + 1}: ${n}`).join(", ") : "no ratings";
  return (
    <svg width={width} height={12} role="img" className="dist-bar">
      <title>{`${label}: ${text}`}</title>
      {total ? (
        counts.map((n, i) => {
          const w = (n / total) * width;
          const rect = n ? <rect key={i} x={px(x)} width={px(w)} height={12} fill={LEVEL_COLORS[i]} /> : null;
          x += w;
          return rect;
        })
      ) : (
        <rect width={width} height={12} fill="#eef0f3" rx={2} />
      )}
    </svg>
  );
}

/**
 * Leniency by interviewer: a dot for the (shrunk) estimate and a line for its 95% interval, around
 * a zero line, so a harsh or lenient interviewer stands out.
 */
export function LeniencyPlot({
  people,
}: {
  people: { id: number; name: string; leniency: number; candidates: number; interval: { low: number; high: number } | null }[];
}) {
  const rowHeight = 28;
  const left = 170;
  const width = 640;
  const plotWidth = width - left - 20;
  const range = 1.5;
  const x = (v: number) => left + ((Math.max(-range, Math.min(range, v)) + range) / (2 * range)) * plotWidth;
  const height = people.length * rowHeight + 50;
  const axis = height - 40;
  const summary = people.map((p) => `${p.name} ${formatSigned(p.leniency)} (${p.candidates} candidates)`).join("; ");
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={`Leniency by interviewer: ${summary}`}
    >
      <title>Leniency by interviewer (rating points above or below colleagues, adjusted for few candidates)</title>
      {[-1.5, -1, -0.5, 0, 0.5, 1, 1.5].map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={4}
            y2={axis}
            stroke={t === 0 ? "#5a6472" : "#e3e6ea"}
            strokeDasharray={t === 0 ? undefined : "2 3"}
          />
          <text x={x(t)} y={axis + 14} textAnchor="middle" fontSize={11} fill="#5a6472">
            {t > 0 ? `+${t}` : t}
          </text>
        </g>
      ))}
      <text x={left + plotWidth / 2} y={height - 6} textAnchor="middle" fontSize={11} fill="#5a6472">
        rating points above or below colleagues · (candidates rated alongside colleagues)
      </text>
      <text x={x(-1.4)} y={axis + 2} fontSize={10} fill="#b42318" dy={-4}>
        harsher
      </text>
      <text x={x(1.4)} y={axis + 2} fontSize={10} fill="#0f7a4a" textAnchor="end" dy={-4}>
        more lenient
      </text>
      {people.map((p, i) => {
        const y = 16 + i * rowHeight;
        const strong = Math.abs(p.leniency) >= 0.3;
        return (
          <g key={p.id}>
            <text x={left - 10} y={y + 4} textAnchor="end" fontSize={12} fill="#18202b">
              {p.name.length > 18 ? `${p.name.slice(0, 17)}…` : p.name}
              <tspan fill="#5a6472" fontSize={10}>{` (${p.candidates})`}</tspan>
            </text>
            {p.interval ? (
              <line x1={x(p.interval.low)} x2={x(p.interval.high)} y1={y} y2={y} stroke="#9aa3af" strokeWidth={3} strokeLinecap="round" />
            ) : null}
            <circle cx={x(p.leniency)} cy={y} r={6} fill={strong ? (p.leniency > 0 ? "#0f7a4a" : "#b42318") : "#1f4bd8"} />
          </g>
        );
      })}
    </svg>
  );
}

/** The key to the distribution bars' colours. */
export function LevelLegend() {
  return (
    <span className="level-legend small" aria-hidden="true">
      {["1 Strong concern", "2 Below the bar", "3 Meets the bar", "4 Exceeds the bar"].map((label, i) => (
        <span key={label}>
          <span className="swatch" style={{ background: LEVEL_COLORS[i] }} /> {label}
        </span>
      ))}
    </span>
  );
}
