// The monitor's two pictures, drawn by the app as SVG (fixed sizes, each with a text alternative):
// each group's rate through the funnel, and the impact ratios against the four-fifths line.
import { FOUR_FIFTHS } from "#app/models/fairness-stats";
import { formatFixed, formatPercent } from "#app/models/numbers";

type Cell = { label: string; rate: number | null; reported: boolean; isReference: boolean; impactRatio: number | null; key: string };
type Column = { label: string; rows: Cell[] };

const MUTED = "#5a6472";
const GRID = "#e3e6ea";

/**
 * The funnel per group: one row per group, one column per step, each cell a bar of that step's
 * rate. A suppressed cell says so in the cell rather than drawing nothing.
 */
export function FunnelChart({ columns, title }: { columns: Column[]; title: string }) {
  const groups = columns[0]?.rows.map((r) => ({ key: r.key, label: r.label })) ?? [];
  const left = 210;
  const cellW = 96;
  const rowH = 30;
  const top = 44;
  const width = left + columns.length * cellW + 10;
  const height = top + groups.length * rowH + 8;
  const summary = groups
    .map(
      (g) =>
        `${g.label}: ${columns
          .map((c) => {
            const r = c.rows.find((x) => x.key === g.key);
            return `${c.label} ${r?.reported && r.rate !== null ? formatPercent(r.rate) : "not enough data"}`;
          })
          .join(", ")}`,
    )
    .join("; ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role="img" aria-label={`${title}. ${summary}`}>
      <title>{title}</title>
      {columns.map((c, j) => (
        <text key={c.label} x={left + j * cellW + cellW / 2} y={16} textAnchor="middle" fontSize={11} fill={MUTED}>
          {wrap(c.label, 16).map((line, k) => (
            <tspan key={k} x={left + j * cellW + cellW / 2} dy={k ? 12 : 0}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
      {groups.map((g, i) => {
        const y = top + i * rowH;
        return (
          <g key={g.key}>
            <text x={left - 8} y={y + 18} textAnchor="end" fontSize={12} fill="#18202b">
              {g.label.length > 32 ? `${g.label.slice(0, 31)}…` : g.label}
            </text>
            {columns.map((c, j) => {
              const r = c.rows.find((x) => x.key === g.key);
              const x = left + j * cellW + 6;
              const w = cellW - 12;
              if (!r?.reported || r.rate === null)
                return (
                  <g key={c.label}>
                    <rect x={x} y={y + 6} width={w} height={16} fill="#f0f2f5" rx={2} />
                    <text x={x + w / 2} y={y + 18} textAnchor="middle" fontSize={10} fill={MUTED}>
                      not enough data
                    </text>
                  </g>
                );
              return (
                <g key={c.label}>
                  <rect x={x} y={y + 6} width={w} height={16} fill={GRID} rx={2} />
                  <rect x={x} y={y + 6} width={Math.round(r.rate * w * 100) / 100} height={16} fill="#1f4bd8" rx={2} />
                  <text x={x + w - 3} y={y + 18} textAnchor="end" fontSize={10} fill={r.rate > 0.75 ? "#ffffff" : "#18202b"}>
                    {formatPercent(r.rate)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * Impact ratios as bars against the 0.8 line: under it in red, at or over in green, the most
 * selected group at 1 in grey. Groups without a ratio (suppressed, unknown) are listed with why.
 */
export function ImpactChart({ rows, title }: { rows: Cell[]; title: string }) {
  const left = 210;
  const plotW = 360;
  const rowH = 24;
  const max = Math.max(1.2, ...rows.map((r) => r.impactRatio ?? 0));
  const x = (v: number) => left + (Math.min(v, max) / max) * plotW;
  const height = rows.length * rowH + 40;
  const axis = rows.length * rowH + 6;
  const summary = rows
    .map((r) => `${r.label}: ${r.impactRatio === null ? (r.reported ? "no ratio" : "not enough data") : formatFixed(r.impactRatio, 2)}`)
    .join("; ");
  return (
    <svg
      viewBox={`0 0 ${left + plotW + 70} ${height}`}
      width="100%"
      style={{ maxWidth: left + plotW + 70 }}
      role="img"
      aria-label={`${title}. ${summary}`}
    >
      <title>{title}</title>
      {[0, 0.2, 0.4, 0.6, 0.8, 1, ...(max > 1.2 ? [max] : [1.2])].map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={0}
            y2={axis}
            stroke={t === FOUR_FIFTHS ? "#b42318" : GRID}
            strokeDasharray={t === FOUR_FIFTHS ? "4 3" : undefined}
          />
          <text x={x(t)} y={axis + 14} textAnchor="middle" fontSize={10} fill={t === FOUR_FIFTHS ? "#b42318" : MUTED}>
            {formatFixed(t, 1)}
          </text>
        </g>
      ))}
      <text x={x(FOUR_FIFTHS) + 4} y={axis + 28} fontSize={10} fill="#b42318">
        four-fifths line
      </text>
      {rows.map((r, i) => {
        const y = i * rowH;
        const ratio = r.impactRatio;
        const color = r.isReference ? "#8a94a3" : ratio !== null && ratio < FOUR_FIFTHS ? "#b42318" : "#0f7a4a";
        return (
          <g key={r.key}>
            <text x={left - 8} y={y + 16} textAnchor="end" fontSize={12} fill="#18202b">
              {r.label.length > 32 ? `${r.label.slice(0, 31)}…` : r.label}
            </text>
            {ratio === null ? (
              <text x={left + 4} y={y + 16} fontSize={10} fill={MUTED}>
                {r.reported ? "counted, not ranked" : "not enough data"}
              </text>
            ) : (
              <>
                <rect x={left} y={y + 5} width={Math.max(1, x(ratio) - left)} height={14} fill={color} rx={2} />
                <text x={x(ratio) + 4} y={y + 16} fontSize={11} fill="#18202b">
                  {formatFixed(ratio, 2)}
                  {r.isReference ? " (most selected)" : ""}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 2);
}
