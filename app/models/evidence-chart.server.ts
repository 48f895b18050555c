// Evidence charts drawn on the server as SVG, from a scenario's data: a line chart for a time
// series, grouped bars for a distribution. Plain strings, every text escaped, no script.
import type { Artefact } from "./incident-scenario";

type Series = { name: string; values: (number | null)[] };

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 44, left: 56 };
// Distinguishable and at least 4.5:1 against white, so lines and legend text stay readable.
const COLOURS = ["#1f4bd8", "#b42318", "#0f7a4a", "#8a5a00", "#6b21a8", "#374151"];

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Round numbers for the axis: about five ticks, the first at or below lo and the last at or above hi. */
function ticks(lo: number, hi: number): number[] {
  if (hi === lo) hi = lo + 1;
  const raw = (hi - lo) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  // The axis ends on a tick past the highest value, so no point is drawn above the plot.
  const last = Math.ceil(hi / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= last + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

const format = (v: number) => (Math.abs(v) >= 1000 ? v.toLocaleString("en-GB") : String(Number(v.toPrecision(4))));

function frame(title: string, description: string, body: string[]) {
  const id = `chart-${Math.abs(hash(title + description)).toString(36)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-t ${id}-d" class="evidence-chart">`,
    `<title id="${id}-t">${escapeXml(title)}</title><desc id="${id}-d">${escapeXml(description)}</desc>`,
    ...body,
    "</svg>",
  ].join("");
}

function hash(s: string) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}

function yAxis(lo: number, hi: number, unit: string) {
  const values = ticks(lo, hi);
  const min = values[0]!;
  const max = values[values.length - 1]!;
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - (v - min) / (max - min || 1));
  const lines = values.map(
    (v) =>
      `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#d9dde3" stroke-width="1"/>` +
      `<text x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#374151">${escapeXml(format(v) + (unit === "%" ? "%" : ""))}</text>`,
  );
  return { y, svg: lines.join("") };
}

function legend(series: Series[]) {
  return series
    .map((s, i) => {
      const x = PAD.left + i * 170;
      return (
        `<rect x="${x}" y="${HEIGHT - 14}" width="12" height="4" fill="${COLOURS[i % COLOURS.length]}"/>` +
        `<text x="${x + 16}" y="${HEIGHT - 9}" font-size="11" fill="#18202b">${escapeXml(s.name)}</text>`
      );
    })
    .join("");
}

function extent(series: Series[], fromZero: boolean) {
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  return { lo: fromZero ? Math.min(0, lo) : lo - margin, hi: hi + margin };
}

export function timeSeriesSvg(a: Extract<Artefact, { type: "timeseries" }>): string {
  const { lo, hi } = extent(a.series, a.yFromZero);
  const { y, svg: grid } = yAxis(lo, hi, a.unit);
  const step = (WIDTH - PAD.left - PAD.right) / (a.x.length - 1);
  const x = (i: number) => PAD.left + i * step;
  const labelEvery = Math.ceil(a.x.length / 12);
  const xLabels = a.x
    .map((label, i) =>
      i % labelEvery === 0
        ? `<text x="${x(i).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#374151">${escapeXml(label)}</text>`
        : "",
    )
    .join("");
  const lines = a.series
    .map((s, k) => {
      const colour = COLOURS[k % COLOURS.length];
      // A gap in the data is a gap in the line, never a drop to zero.
      const segments: string[] = [];
      let current = "";
      s.values.forEach((v, i) => {
        if (v === null) {
          if (current) segments.push(current);
          current = "";
        } else current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      });
      if (current) segments.push(current);
      const dots = s.values
        .map((v, i) => (v === null ? "" : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${colour}"/>`))
        .join("");
      return (
        segments
          .map((d) => `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${k > 0 ? ' stroke-dasharray="5 3"' : ""}/>`)
          .join("") + dots
      );
    })
    .join("");
  const markers = a.markers
    .map((m) => {
      const i = a.x.indexOf(m.at);
      return (
        `<line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${PAD.top}" y2="${HEIGHT - PAD.bottom}" stroke="#8a5a00" stroke-dasharray="3 3"/>` +
        `<text x="${(x(i) + 4).toFixed(1)}" y="${PAD.top + 10}" font-size="11" fill="#8a5a00">${escapeXml(m.label)}</text>`
      );
    })
    .join("");
  const description = a.series.map((s) => `${s.name}: ${s.values.map((v, i) => `${a.x[i]} ${v ?? "no data"}`).join(", ")}`).join(". ");
  return frame(a.title, description, [grid, xLabels, markers, lines, legend(a.series)]);
}

export function histogramSvg(a: Extract<Artefact, { type: "histogram" }>): string {
  const { hi } = extent(a.series, true);
  const { y, svg: grid } = yAxis(0, hi, "");
  const groupWidth = (WIDTH - PAD.left - PAD.right) / a.bins.length;
  const barWidth = (groupWidth * 0.8) / a.series.length;
  const bars = a.series
    .map((s, k) =>
      s.values
        .map((v, i) => {
          if (v === null) return "";
          const x = PAD.left + i * groupWidth + groupWidth * 0.1 + k * barWidth;
          return `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${COLOURS[k % COLOURS.length]}"/>`;
        })
        .join(""),
    )
    .join("");
  const labels = a.bins
    .map(
      (b, i) =>
        `<text x="${(PAD.left + (i + 0.5) * groupWidth).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="11" fill="#374151">${escapeXml(b)}</text>`,
    )
    .join("");
  const description = a.series.map((s) => `${s.name}: ${s.values.map((v, i) => `${a.bins[i]} ${v ?? "no data"}`).join(", ")}`).join(". ");
  return frame(a.title, description, [grid, bars, labels, legend(a.series)]);
}
