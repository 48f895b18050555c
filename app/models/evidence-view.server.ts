// Evidence as the candidate sees it: charts as server-drawn SVG with their data beside them as a
// table, tables, logs, code and notes. Never the interviewer's note on what it means.
import type { Artefact, EvidenceItem } from "./incident-scenario";
import { histogramSvg, timeSeriesSvg } from "./evidence-chart.server";
import { renderMarkdown } from "#app/utils/markdown.server";

type Cell = string | number | null;

export type ShownArtefact =
  | { type: "chart"; title: string; svg: string; columns: string[]; rows: Cell[][] }
  | { type: "table"; caption: string; columns: string[]; rows: Cell[][] }
  | { type: "log"; title: string; lines: string[] }
  | { type: "code"; title: string; language: string; text: string }
  | { type: "note"; html: string };

export type ShownEvidence = { id: string; title: string; artefacts: ShownArtefact[] };

function show(a: Artefact): ShownArtefact {
  switch (a.type) {
    case "timeseries":
      return {
        type: "chart",
        title: a.title,
        svg: timeSeriesSvg(a),
        columns: [a.unit ? `time` : "x", ...a.series.map((s) => s.name)],
        rows: a.x.map((x, i) => [x, ...a.series.map((s) => s.values[i] ?? null)]),
      };
    case "histogram":
      return {
        type: "chart",
        title: a.title,
        svg: histogramSvg(a),
        columns: ["bin", ...a.series.map((s) => s.name)],
        rows: a.bins.map((b, i) => [b, ...a.series.map((s) => s.values[i] ?? null)]),
      };
    case "note":
      return { type: "note", html: renderMarkdown(a.markdown) };
    default:
      return a;
  }
}

export function showEvidence(item: EvidenceItem): ShownEvidence {
  return { id: item.id, title: item.title, artefacts: item.artefacts.map(show) };
}
