// The impact preview's picture: each past candidate's S now (left) joined to their S under the
// draft (right), over each version's band regions, so a reader sees at a glance who moves and
// across which cut-off. Server-rendered SVG at a fixed size, with a text alternative; the table
// beside it lists the same candidates.
import { formatScore } from "#app/models/numbers";
import type { PicturePoint } from "#app/models/rubric-preview.server";

type Band = { key: string; label: string; minScore: number };

const BAND_FILL: Record<string, string> = {
  strong_hire: "#2e8b57",
  hire: "#7cc47f",
  lean_no_hire: "#f0a35e",
  no_hire: "#d64545",
};

const WIDTH = 440;
const HEIGHT = 340;
const TOP = 30;
const PLOT = 236;
const LEFT = 132;
const RIGHT = 308;
const STRIP = 10;

const y = (s: number) => TOP + ((4 - Math.min(4, Math.max(1, s))) / 3) * PLOT;
const px = (v: number) => Math.round(v * 10) / 10;

export function ImpactPicture({
  points,
  nowBands,
  draftBands,
  nowLabel,
  draftLabel,
  summary,
}: {
  points: PicturePoint[];
  nowBands: Band[];
  draftBands: Band[];
  nowLabel: string;
  draftLabel: string;
  /** The sentence that says what the picture shows, for those who can't see it. */
  summary: string;
}) {
  return (
    <figure className="impact-picture">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: 600 }} role="img" aria-label={summary}>
        <title>{summary}</title>
        <Regions bands={nowBands} x={LEFT - STRIP} labelX={LEFT - STRIP - 6} anchor="end" />
        <Regions bands={draftBands} x={RIGHT} labelX={RIGHT + STRIP + 6} anchor="start" />
        <text x={LEFT} y={16} textAnchor="middle" fontSize={12} fontWeight={600} fill="#18202b">
          {nowLabel}
        </text>
        <text x={RIGHT} y={16} textAnchor="middle" fontSize={12} fontWeight={600} fill="#18202b">
          {draftLabel}
        </text>
        {points.map((p) => {
          const changed = p.bandChanged || p.floorChanged;
          const stroke = p.bandChanged ? "#1f4bd8" : p.floorChanged ? "#b42318" : "#8a94a2";
          return (
            <g key={`${p.now}|${p.draft}|${p.bandChanged}|${p.floorChanged}`}>
              <line
                x1={LEFT}
                y1={px(y(p.now))}
                x2={RIGHT}
                y2={px(y(p.draft))}
                stroke={stroke}
                strokeWidth={changed ? 2 : Math.min(4, 1 + Math.log2(p.count))}
                strokeOpacity={changed ? 0.95 : 0.45}
                strokeDasharray={p.floorChanged && !p.bandChanged ? "5 3" : undefined}
              />
              {/* Ends marked only where something changes: thousands of unchanged lines stay light. */}
              {changed ? (
                <>
                  <circle cx={LEFT} cy={px(y(p.now))} r={3.5} fill={stroke} />
                  <circle cx={RIGHT} cy={px(y(p.draft))} r={3.5} fill={stroke} />
                </>
              ) : null}
            </g>
          );
        })}
        <g fontSize={11} fill="#18202b">
          <line x1={4} x2={24} y1={HEIGHT - 46} y2={HEIGHT - 46} stroke="#1f4bd8" strokeWidth={2} />
          <text x={30} y={HEIGHT - 42}>
            band changes
          </text>
          <line x1={4} x2={24} y1={HEIGHT - 28} y2={HEIGHT - 28} stroke="#b42318" strokeWidth={2} strokeDasharray="5 3" />
          <text x={30} y={HEIGHT - 24}>
            a floor starts or stops ruling out a band
          </text>
          <line x1={4} x2={24} y1={HEIGHT - 10} y2={HEIGHT - 10} stroke="#8a94a2" strokeWidth={2} strokeOpacity={0.6} />
          <text x={30} y={HEIGHT - 6}>
            unchanged (thicker: more candidates with that S)
          </text>
        </g>
      </svg>
      <figcaption className="small muted">{summary} Every candidate is listed, with their gates, in the table below.</figcaption>
    </figure>
  );
}

/** One version's bands as a strip beside its axis, each labelled with where it starts. */
function Regions({ bands, x, labelX, anchor }: { bands: Band[]; x: number; labelX: number; anchor: "start" | "end" }) {
  // Highest first; each band runs from its threshold up to the next one's (or 4).
  return (
    <g>
      {bands.map((b, i) => {
        const top = i === 0 ? 4 : bands[i - 1]!.minScore;
        const bottom = Math.max(1, b.minScore);
        return (
          <g key={b.key}>
            <rect x={x} y={px(y(top))} width={STRIP} height={px(y(bottom) - y(top))} fill={BAND_FILL[b.key] ?? "#c3c9d1"} opacity={0.55} />
            <text x={labelX} y={px((y(top) + y(bottom)) / 2 + 4)} textAnchor={anchor} fontSize={11} fill="#18202b">
              {b.label}
              {i < bands.length - 1 ? ` ≥ ${formatScore(b.minScore)}` : ""}
            </text>
          </g>
        );
      })}
    </g>
  );
}
