// The bench's output: one table per phase, each line "figure · value · target · ok/OVER · bare
// · app/bare", and with several runs, every run's figure beside their median.
import { median } from "./stats";

export type Unit = "ms" | "req/s" | "/s" | "MB" | "kB" | "%" | "errors";
/** A limit on the figure itself, or (`on: "ratio"`) on app ÷ bare. */
export type Target = { op: "≤" | "≥"; limit: number; on?: "value" | "ratio" };
export type Figure = { label: string; value: number | null; unit: Unit; target?: Target; bare?: number | null; note?: string };
export type Phase = { title: string; figures: Figure[] };

export const HOW_TO_READ = `How to read this: every figure but the sizes in (e), which are read
from the build, is measured over HTTP against the built app, started the way \`npm start\`
starts it, on a generated history (all of it in the past, drafts and exercises in progress).
"bare" is a reference server in scripts/bench/bare-server.ts (node:http + better-sqlite3, no
framework, no rendering, no session check) making the same model calls for the same page, run
interleaved with the app at the same concurrency; "app/bare" is the app's figure divided by the
bare one, so for times lower is better and for throughput higher is better. Latencies count from
when a request was due, so a server that falls behind shows it. The machine is shared, so
absolute numbers wander between runs; the ratios wander less. A target missed prints OVER and
the bench carries on; only a measurement that cannot be taken (most requests failing, a server
that won't start) stops it with a non-zero exit.`;

const number = (x: number, digits: number) => x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return "—";
  switch (unit) {
    case "ms":
      return `${number(value, value < 10 ? 1 : 0)} ms`;
    case "req/s":
    case "/s":
      return `${number(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ${unit}`;
    case "MB":
      return `${number(value, 0)} MB`;
    case "kB":
      return `${number(value, 0)} kB`;
    case "%":
      return `${number(value, 1)} %`;
    case "errors":
      return number(value, 0);
  }
}

export function ratioOf(f: Pick<Figure, "value" | "bare">): number | null {
  return f.value !== null && f.bare ? f.value / f.bare : null;
}

function formatTarget(f: Figure): string {
  if (!f.target) return "";
  const { op, limit, on } = f.target;
  if (on === "ratio") return `${op} ${number(limit, 2)}× bare`;
  return f.unit === "errors" ? (limit === 0 ? "none" : `${op} ${limit}`) : `${op} ${formatValue(limit, f.unit)}`;
}

export function verdict(f: Figure, ratio = ratioOf(f)): "ok" | "OVER" | "" {
  if (!f.target) return "";
  const x = f.target.on === "ratio" ? ratio : f.value;
  if (x === null) return "OVER";
  return (f.target.op === "≤" ? x <= f.target.limit : x >= f.target.limit) ? "ok" : "OVER";
}

const formatRatio = (r: number | null) => (r === null ? "" : `${number(r, r < 10 ? 2 : 1)}×`);
const COLUMNS = { label: 50, value: 11, target: 14, verdict: 6, bare: 11, ratio: 9 };

function row(cells: string[], widths: number[]) {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" ");
}

export function phaseTable(phase: Phase): string {
  const widths = Object.values(COLUMNS);
  const lines = [phase.title, row(["figure", "value", "target", "", "bare", "app/bare"], widths)];
  for (const f of phase.figures) {
    const cells = [
      f.label,
      formatValue(f.value, f.unit),
      formatTarget(f),
      verdict(f),
      f.bare === undefined ? "" : formatValue(f.bare, f.unit),
    ];
    lines.push(row([...cells, formatRatio(ratioOf(f))], widths) + (f.note ? `  ${f.note}` : ""));
  }
  return lines.join("\n");
}

/** Each figure's value in every run, and the median figure that is judged against the target. */
export function medianTables(runs: Phase[][]): string {
  const first = runs[0] ?? [];
  const widths = [
    COLUMNS.label,
    ...runs.map(() => COLUMNS.value),
    COLUMNS.value,
    COLUMNS.target,
    COLUMNS.verdict,
    COLUMNS.bare,
    COLUMNS.ratio,
  ];
  return first
    .map((phase, p) => {
      const lines = [
        phase.title,
        row(["figure", ...runs.map((_, i) => `run ${i + 1}`), "median", "target", "", "bare", "app/bare"], widths),
      ];
      phase.figures.forEach((f, i) => {
        const same = runs.map((run) => run[p]?.figures[i]);
        const values = same.map((x) => x?.value ?? null);
        const bares = same.map((x) => x?.bare).filter((b): b is number => typeof b === "number");
        const ratios = same.map((x) => (x ? ratioOf(x) : null)).filter((r): r is number => r !== null);
        const m: Figure = {
          ...f,
          value: median(values.filter((v): v is number => v !== null)),
          bare: f.bare === undefined ? undefined : median(bares),
        };
        const ratio = median(ratios);
        lines.push(
          row(
            [
              f.label,
              ...values.map((v) => formatValue(v, f.unit)),
              formatValue(m.value, f.unit),
              formatTarget(f),
              verdict(m, ratio),
            ].concat(f.bare === undefined ? "" : formatValue(m.bare, f.unit), formatRatio(ratio)),
            widths,
          ),
        );
      });
      return lines.join("\n");
    })
    .join("\n\n");
}
