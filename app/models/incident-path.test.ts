import { describe, expect, it } from "vitest";
import { formatDuration, idealMinutes, incidentClock } from "./incident-clock";
import { formatOffset, investigationPath } from "./incident-path";
import { formatClock, clockMinutes, readScenario, type Scenario } from "./incident-scenario";

// A scenario as kits stored it before the rebuilt simulation: categories, titles and keywords.
const legacy = readScenario({
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
})!;

const item = (id: string, minutes: number, extra: object = {}) => ({
  id,
  source: "m",
  title: `Title ${id}`,
  asks: [id],
  menu: false,
  showsCause: false,
  deadEnd: false,
  minutes,
  artefacts: [],
  meaning: "",
  ...extra,
});

const scenario: Scenario = {
  format: 2,
  clock: { start: "2026-12-01T23:50" },
  sources: [{ id: "m", name: "Dashboards", about: "…" }],
  timeline: [],
  tables: [],
  evidence: [
    item("ctr", 2, { menu: true }),
    item("nulls", 5, { showsCause: true }),
    item("deploys", 3),
    item("canary", 25, { deadEnd: true }),
  ],
  idealPath: [
    { evidence: "ctr", why: "first" },
    { evidence: "deploys", why: "second" },
    { evidence: "nulls", why: "third" },
  ],
  levels: [
    { dimension: "mlops_operations", level: "meets", text: "Builds the timeline", evidence: ["deploys"], lead: false },
    { dimension: "data_quality", level: "meets", text: "Checks the nulls", evidence: ["nulls"], lead: false },
    { dimension: "mlops_operations", level: "exceeds", text: "Pauses tonight's retrain", evidence: [], lead: true },
  ],
  ranOutOfTime: "A sensible path still counts.",
};

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 10, minutes, 30));
const started = new Date(Date.UTC(2026, 0, 1, 10, 0, 0));

describe("the incident clock", () => {
  it("starts when the candidate is paged and moves by each reveal's on-call time, across midnight", () => {
    const clock = incidentClock(scenario, [
      { kind: "hypothesis", evidenceId: null },
      { kind: "evidence", evidenceId: "ctr" },
      { kind: "ask", evidenceId: null },
      { kind: "expectation", evidenceId: "canary" },
      { kind: "evidence", evidenceId: "canary" },
      { kind: "query", evidenceId: "nulls" },
      { kind: "evidence", evidenceId: "nulls" },
    ])!;
    expect(clock.at.map(formatClock)).toEqual(["Tue 23:50", "Tue 23:52", "Tue 23:52", "Tue 23:52", "Wed 00:17", "Wed 00:17", "Wed 00:22"]);
    expect(formatClock(clock.now)).toBe("Wed 00:22");
    expect(formatDuration(clock.now - clock.start)).toBe("32 min");
    expect(formatDuration(125)).toBe("2 h 05 min");
    expect(idealMinutes(scenario)).toBe(10);
    expect(clockMinutes("2026-12-02T00:00") - clockMinutes("2026-12-01T23:50")).toBe(10);
  });

  it("is absent for a run of a scenario stored before the clock existed", () => {
    expect(incidentClock(legacy, [{ kind: "evidence", evidenceId: "ctr" }])).toBeNull();
  });
});

describe("the investigation path", () => {
  it("puts hypotheses, expectations, asks, queries and reveals on one time line, with both clocks", () => {
    const path = investigationPath(
      scenario,
      [
        { at: at(2), kind: "hypothesis", evidenceId: null, text: "a bad deploy" },
        { at: at(3), kind: "evidence", evidenceId: "ctr", text: "" },
        { at: at(5), kind: "ask", evidenceId: null, text: "gpu usage" },
        { at: at(7), kind: "expectation", evidenceId: "nulls", text: "seller features missing" },
        { at: at(7), kind: "query", evidenceId: "nulls", text: "select count(*) from features" },
        { at: at(7), kind: "evidence", evidenceId: "nulls", text: "" },
      ],
      started,
    );
    expect(path.steps.map((s) => [s.kind, s.look, s.title ?? s.text, formatOffset(s.offsetMs), s.clock, s.expected])).toEqual([
      ["hypothesis", null, "a bad deploy", "2:30", "Tue 23:50", null],
      ["evidence", 1, "Title ctr", "3:30", "Tue 23:52", null],
      ["ask", null, "gpu usage", "5:30", "Tue 23:52", null],
      ["query", null, "Title nulls", "7:30", "Tue 23:52", null],
      ["evidence", 2, "Title nulls", "7:30", "Tue 23:57", "seller features missing"],
    ]);
    expect(path.steps[2]!.offered).toEqual([]);
    expect(path.clock).toEqual({ start: "Tue 23:50", now: "Tue 23:57", spent: "7 min", ideal: "10 min" });
    expect(path.ideal.map((i) => [i.position, i.seen?.look ?? null, i.seen?.clock ?? null])).toEqual([
      [1, 1, "Tue 23:52"],
      [2, null, null],
      [3, 2, "Tue 23:57"],
    ]);
    expect(path).toMatchObject({ looked: 2, idealSeen: 2, expectations: 1, ranOutOfTime: "A sensible path still counts." });
  });

  it("marks the kit's levels seen, not seen, or for the interviewer to judge", () => {
    const path = investigationPath(scenario, [{ at: at(1), kind: "evidence", evidenceId: "nulls", text: "nulls" }], started);
    expect(path.levels.map((l) => [l.text, l.status, l.seenLook, l.lead])).toEqual([
      ["Builds the timeline", "not_seen", null, false],
      ["Checks the nulls", "seen", 1, false],
      ["Pauses tonight's retrain", "judge", null, true],
    ]);
  });

  it("still reads a run recorded on a scenario of the old shape: every item listed, no clock, no levels", () => {
    expect(legacy.evidence.every((e) => e.menu && e.source === "m")).toBe(true);
    const path = investigationPath(
      legacy,
      [
        { at: at(3), kind: "evidence", evidenceId: "nulls", text: "null rates" },
        { at: at(9), kind: "evidence", evidenceId: "ctr", text: "" },
      ],
      started,
    );
    expect(path.steps.map((s) => [s.kind, s.look, s.title, s.clock])).toEqual([
      ["evidence", 1, "Title nulls", null],
      ["evidence", 2, "Title ctr", null],
    ]);
    expect(path).toMatchObject({ clock: null, levels: [], ranOutOfTime: null, idealSeen: 2 });
  });
});
