import { describe, expect, it } from "vitest";
import { histogramSvg, timeSeriesSvg } from "./evidence-chart.server";

describe("evidence charts", () => {
  it("draw a time series with a line per series, its markers, a legend and an accessible description", () => {
    const svg = timeSeriesSvg({
      type: "timeseries",
      title: "Click-through (%)",
      unit: "%",
      x: ["00:00", "01:00", "02:00"],
      series: [
        { name: "Last night", values: [4.1, null, 3.2] },
        { name: "A week earlier", values: [4.1, 4.0, 4.1] },
      ],
      markers: [{ at: "01:00", label: "01:05 batch job" }],
      yFromZero: false,
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<title");
    expect(svg).toContain("01:05 batch job");
    // The gap at 01:00 splits the first line in two paths rather than dropping to zero.
    expect(svg.match(/<path /g)).toHaveLength(3);
    expect(svg).toContain("Last night: 00:00 4.1, 01:00 no data, 02:00 3.2");
  });

  it("escape every text, so data can't inject markup", () => {
    const svg = histogramSvg({
      type: "histogram",
      title: '<script>alert("x")</script>',
      bins: ["a&b", "<c>"],
      series: [{ name: "x'y", values: [1, 2] }],
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(svg).toContain("a&amp;b");
    expect(svg).toContain("x&#39;y");
    expect(svg.match(/<rect /g)).toHaveLength(3); // two bars and one legend swatch
  });

  it("keep every point inside the plot, whatever the range (no line runs off the top)", () => {
    const svg = timeSeriesSvg({
      type: "timeseries",
      title: "Click-through (%)",
      unit: "%",
      x: ["20:00", "21:00", "22:00", "23:00"],
      series: [
        { name: "Last night", values: [4.35, 4.25, 3.25, 3.19] },
        { name: "A week earlier", values: [4.35, 4.25, 4.15, 4.1] },
      ],
      markers: [],
      yFromZero: false,
    });
    // The plot spans y 16 (top) to 216 (260 high, 44 for the axis labels below).
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(8);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(16);
    for (const y of ys) expect(y).toBeLessThanOrEqual(216);
  });
});
