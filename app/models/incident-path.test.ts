import { describe, expect, it } from "vitest";
import { formatOffset, investigationPath } from "./incident-path";
import type { Scenario } from "./incident-scenario";

const scenario = {
  categories: [{ id: "m", title: "Metrics" }],
  evidence: ["ctr", "nulls", "deploys"].map((id) => ({
    id,
    title: `Title ${id}`,
    category: "m",
    keywords: [],
    artefacts: [],
    meaning: "",
  })),
  idealPath: [
    { evidence: "ctr", why: "first" },
    { evidence: "deploys", why: "second" },
    { evidence: "nulls", why: "third" },
  ],
} as unknown as Scenario;

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 10, minutes, 30));

describe("the investigation path", () => {
  it("numbers what was looked at in order, with the time into the run, and marks the ideal path", () => {
    const path = investigationPath(
      scenario,
      [
        { at: at(2), kind: "hypothesis", evidenceId: null, text: "a bad deploy" },
        { at: at(3), kind: "evidence", evidenceId: "nulls", text: "null rates" },
        { at: at(5), kind: "ask", evidenceId: null, text: "gpu usage" },
        { at: at(9), kind: "evidence", evidenceId: "ctr", text: "" },
      ],
      new Date(Date.UTC(2026, 0, 1, 10, 0, 0)),
    );
    expect(path.steps.map((s) => [s.kind, s.look, s.title ?? s.text, formatOffset(s.offsetMs)])).toEqual([
      ["hypothesis", null, "a bad deploy", "2:30"],
      ["evidence", 1, "Title nulls", "3:30"],
      ["ask", null, "gpu usage", "5:30"],
      ["evidence", 2, "Title ctr", "9:30"],
    ]);
    expect(path.ideal.map((i) => [i.position, i.title, i.seen?.look ?? null])).toEqual([
      [1, "Title ctr", 2],
      [2, "Title deploys", null],
      [3, "Title nulls", 1],
    ]);
    expect(path).toMatchObject({ looked: 2, idealSeen: 2 });
  });
});
