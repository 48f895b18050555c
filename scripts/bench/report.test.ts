import { expect, test } from "vitest";
import { formatValue, medianTables, phaseTable, ratioOf, verdict, type Figure } from "./report";

const p95 = (value: number | null): Figure => ({ label: "calibration p95", value, unit: "ms", target: { op: "≤", limit: 150 } });

test("a figure within its limit is ok, one beyond it OVER, and a figure that couldn't be measured OVER", () => {
  expect(verdict(p95(150))).toBe("ok");
  expect(verdict(p95(151))).toBe("OVER");
  expect(verdict(p95(null))).toBe("OVER");
  expect(verdict({ label: "no target", value: 5, unit: "ms" })).toBe("");
});

test("a throughput target on the ratio is judged on app ÷ bare, not on the figure", () => {
  const throughput: Figure = { label: "throughput", value: 30, unit: "req/s", bare: 100, target: { op: "≥", limit: 0.25, on: "ratio" } };
  expect(ratioOf(throughput)).toBeCloseTo(0.3);
  expect(verdict(throughput)).toBe("ok");
  expect(verdict({ ...throughput, value: 20 })).toBe("OVER");
});

test("each table line reads figure, value, target, verdict, bare, ratio", () => {
  const table = phaseTable({ title: "(a) Pages", figures: [{ ...p95(1234), bare: 617, note: "worst 2 s" }] });
  expect(table.split("\n")[2]).toMatch(/^calibration p95\s+1,234 ms\s+≤ 150 ms\s+OVER\s+617 ms\s+2\.00×\s+worst 2 s$/);
});

test("with several runs, every run's value is shown and the median is judged", () => {
  const runs = [120, 400, 140].map((v) => [{ title: "(b)", figures: [p95(v)] }]);
  const line = medianTables(runs).split("\n")[2]!;
  expect(line).toMatch(/120 ms\s+400 ms\s+140 ms\s+140 ms\s+≤ 150 ms\s+ok/);
});

test("values keep the precision that matters at their size", () => {
  expect(formatValue(3.456, "ms")).toBe("3.5 ms");
  expect(formatValue(1234.4, "ms")).toBe("1,234 ms");
  expect(formatValue(99.95, "%")).toBe("100.0 %");
  expect(formatValue(null, "MB")).toBe("—");
  expect(formatValue(543.21, "kB")).toBe("543 kB");
});
