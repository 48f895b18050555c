import { describe, expect, it } from "vitest";
import { rubricChanges, type RubricForChanges } from "./rubric-changes";

const levels = (name: string) => [1, 2, 3, 4].map((level) => ({ level, anchor: `${name} at ${level}` }));
const v2: RubricForChanges = {
  version: 2,
  dimensions: [
    { key: "ml_system_design", name: "ML system design", weight: 20, floor: null, levels: levels("design") },
    {
      key: "software_engineering",
      name: "Software engineering",
      weight: 20,
      floor: { atOrBelow: 2, blocks: "hire" },
      levels: levels("code"),
    },
    { key: "data_quality", name: "Data quality & pipelines", weight: 15, floor: null, levels: levels("data") },
  ],
  bands: [
    { key: "strong_hire", label: "Strong hire", minScore: 3.5 },
    { key: "hire", label: "Hire", minScore: 3 },
    { key: "no_hire", label: "No hire", minScore: 1 },
  ],
  signals: [
    { key: "a", kind: "strong", text: "Shipped" },
    { key: "b", kind: "red_flag", text: "Blames" },
  ],
};

describe("what a draft changes", () => {
  it("says nothing for a copy", () => {
    expect(rubricChanges(v2, structuredClone(v2))).toEqual([]);
  });

  it("lists weights, floors, band cut-offs, anchors and signals, weights first", () => {
    const draft = structuredClone(v2);
    draft.dimensions[0]!.weight = 25;
    draft.dimensions[2]!.weight = 10;
    draft.dimensions[0]!.floor = { atOrBelow: 2, blocks: "hire" };
    draft.dimensions[1]!.floor = null;
    draft.dimensions[2]!.levels[3]!.anchor = "better words";
    draft.bands[1]!.minScore = 3.1;
    draft.signals[1]!.text = "Blames others";
    draft.signals.push({ key: "c", kind: "weak", text: "Vague" });
    expect(rubricChanges(v2, draft).map((c) => c.text)).toEqual([
      "Weight of ML system design: 20% → 25%",
      "Weight of Data quality & pipelines: 15% → 10%",
      "Floor added on ML system design: no Hire or better while the score is ≤ 2",
      "Floor removed from Software engineering (was: no Hire or better while the score is ≤ 2)",
      "Hire starts at 3.00 → 3.10",
      "Anchor text of Data quality & pipelines reworded at level 4",
      "1 signal added",
      "1 signal reworded",
    ]);
  });

  it("names a floor that moves", () => {
    const draft = structuredClone(v2);
    draft.dimensions[1]!.floor = { atOrBelow: 1, blocks: "strong_hire" };
    expect(rubricChanges(v2, draft)).toEqual([
      {
        kind: "floor",
        text: "Floor on Software engineering: no Hire or better while the score is ≤ 2 → no Strong hire or better while the score is ≤ 1",
      },
    ]);
  });
});
