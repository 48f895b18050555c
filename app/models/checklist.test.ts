import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ChecklistSchema,
  checklistSuggestions,
  levelledChecklist,
  suggestForDimension,
  type Checklist,
  type ChecklistItem,
} from "./checklist";

const shipped = ChecklistSchema.parse(JSON.parse(readFileSync("exercises/take-home-inference-service/checklist.json", "utf8")));

/** A worked example small enough to count by hand: meets points 2 + 1 + 1 = 4, so half is 2. */
const item = (id: string, level: ChecklistItem["level"], points?: number): ChecklistItem => ({
  id,
  dimension: "software_engineering",
  category: "all",
  level,
  label: id,
  text: `${id}.`,
  ...(points ? { points } : {}),
});
const example = [
  item("tests", "meets", 2),
  item("readme", "meets", 1),
  item("modules", "meets", 1),
  item("golden", "exceeds_required"),
  item("typed", "exceeds"),
  item("secret", "red_flag"),
];
const suggest = (...ticked: string[]) => suggestForDimension(example, new Set(ticked));

describe("the suggestion from the checklist's levels", () => {
  it.each([
    ["nothing ticked", [], null],
    ["every meets item: the bar, so 3", ["tests", "readme", "modules"], 3],
    ["every meets item and the required exceeds item: 4", ["tests", "readme", "modules", "golden"], 4],
    ["every meets item plus extra credit, without the required item: still 3", ["tests", "readme", "modules", "typed"], 3],
    ["one meets item short of the bar, with both exceeds items: 2, never more", ["tests", "readme", "golden", "typed"], 2],
    ["exactly half the meets points (2 of 4): 2", ["tests"], 2],
    ["half by two small items (1 + 1 of 4): 2", ["readme", "modules"], 2],
    ["just under half (1 of 4): 1", ["readme"], 1],
    ["only extra credit ticked, no meets points: 1", ["typed"], 1],
    ["a red flag with everything else ticked: 1", ["tests", "readme", "modules", "golden", "typed", "secret"], 1],
    ["a red flag alone: 1", ["secret"], 1],
  ] as [string, string[], number | null][])("%s", (_label, ticked, level) => {
    expect(suggest(...ticked).level).toBe(level);
  });

  it("shows its workings: what was ticked and what the next level needs", () => {
    expect(suggest("tests", "readme", "modules")).toMatchObject({
      meets: { ticked: 4, total: 4 },
      next: { level: 4, needs: ["golden"] },
      why: "Suggests 3 (Meets the bar): every meets item ticked (4 of 4 meets points). Missing for 4: golden.",
    });
    expect(suggest("tests", "readme", "typed")).toMatchObject({
      next: { level: 3, needs: ["modules"] },
      why: "Suggests 2 (Below the bar): 3 of 4 meets points ticked, at least half. Missing for 3: modules. Extra credit ticked: typed.",
    });
    expect(suggest("readme")).toMatchObject({
      next: { level: 2, needs: ["tests", "modules"], points: 1 },
      why: "Suggests 1 (Strong concern): 1 of 4 meets points ticked, less than half. Missing for 2: 1 more meets point, from tests and modules.",
    });
    expect(suggest("tests", "readme", "golden").why).toBe(
      "Suggests 2 (Below the bar): 3 of 4 meets points ticked, at least half. Missing for 3: modules. Ticked for a 4, once the bar is met: golden.",
    );
    expect(suggest("tests", "readme", "modules", "golden", "typed").why).toBe(
      "Suggests 4 (Exceeds the bar): every meets item (4 of 4 meets points) and the required golden ticked. Extra credit ticked: typed.",
    );
    expect(suggest("tests", "readme", "modules", "golden", "secret")).toMatchObject({
      redFlags: ["secret"],
      next: null,
      why: "Suggests 1 (Strong concern): red flag seen (secret); a red flag suggests 1 whatever else is ticked.",
    });
    expect(suggest().why).toBe("Nothing ticked in this area, so no suggestion: you choose.");
  });

  describe("on the shipped take-home checklist", () => {
    const ids = (dimension: string, level: ChecklistItem["level"]) =>
      shipped.items.filter((i) => i.dimension === dimension && i.level === level).map((i) => i.id);
    const levels = (ticked: string[]) => Object.fromEntries(checklistSuggestions(shipped, ticked).map((s) => [s.dimension, s.level]));
    const allMeets = [...ids("software_engineering", "meets"), ...ids("mlops_operations", "meets")];

    it("meets only suggests 3 on both dimensions, with every extra-credit item too", () => {
      expect(levels(allMeets)).toEqual({ software_engineering: 3, mlops_operations: 3 });
      const extras = [...ids("software_engineering", "exceeds"), ...ids("mlops_operations", "exceeds")];
      expect(levels([...allMeets, ...extras])).toEqual({ software_engineering: 3, mlops_operations: 3 });
    });

    it("the required items make it 4: the golden-score test and the evaluation's uncertainty", () => {
      expect(ids("software_engineering", "exceeds_required")).toEqual(["golden-score-test"]);
      expect(ids("mlops_operations", "exceeds_required")).toEqual(["uncertainty"]);
      expect(levels([...allMeets, "golden-score-test", "uncertainty"])).toEqual({ software_engineering: 4, mlops_operations: 4 });
    });

    it("account_email in the logs suggests 1 for MLOps, whatever else is ticked", () => {
      const everything = shipped.items.filter((i) => i.level !== "red_flag").map((i) => i.id);
      expect(levels([...everything, "pii-logged"])).toEqual({ software_engineering: 4, mlops_operations: 1 });
      expect(levels([...everything, "secret-committed"])).toEqual({ software_engineering: 1, mlops_operations: 4 });
    });

    it("the half-of-the-bar step, on both sides (software engineering: 15 meets points, so 8 is half)", () => {
      // runs-from-readme 3 + request-validation 3 + meaningful-tests 3 = 9; without the tests, 6; plus pinned + config, 8.
      expect(levels(["runs-from-readme", "request-validation", "meaningful-tests"]).software_engineering).toBe(2);
      expect(levels(["runs-from-readme", "request-validation", "pinned-dependencies"]).software_engineering).toBe(1);
      expect(levels(["runs-from-readme", "request-validation", "pinned-dependencies", "configuration"]).software_engineering).toBe(2);
    });
  });

  it("ticking more meets items never lowers the suggestion (absent red flags)", () => {
    const checklists = [shipped, ...[4, 7].map((n) => randomChecklist(n))];
    fc.assert(
      fc.property(
        fc.constantFrom(...checklists),
        fc.infiniteStream(fc.boolean()),
        fc.infiniteStream(fc.boolean()),
        (checklist, pick, more) => {
          const notRedFlag = checklist.items.filter((i) => i.level !== "red_flag");
          const before = notRedFlag.filter(() => pick.next().value).map((i) => i.id);
          const addedMeets = checklist.items.filter((i) => i.level === "meets" && more.next().value).map((i) => i.id);
          const after = [...before, ...addedMeets];
          const a = checklistSuggestions(checklist, before);
          const b = checklistSuggestions(checklist, after);
          a.forEach((s, i) => {
            if (s.level !== null) expect(b[i]!.level).toBeGreaterThanOrEqual(s.level);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** A checklist of n meets items of varied points, for the property test beyond the shipped one. */
function randomChecklist(n: number): Checklist {
  return {
    categories: [{ id: "all", name: "All" }],
    items: [
      ...Array.from({ length: n }, (_, i) => item(`m${i}`, "meets", (i % 3) + 1)),
      item("req", "exceeds_required"),
      item("extra", "exceeds"),
    ],
  };
}

describe("a checklist refused at load, naming the field", () => {
  const broken = (change: (c: { categories: unknown[]; items: Record<string, unknown>[] }) => void) => {
    const copy = structuredClone(JSON.parse(readFileSync("exercises/take-home-inference-service/checklist.json", "utf8")));
    change(copy);
    const parsed = ChecklistSchema.safeParse(copy);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it.each([
    [
      "an unknown level",
      (c: { items: Record<string, unknown>[] }) => (c.items[2]!.level = "exceed"),
      'items.2.level: unknown level "exceed": use meets, exceeds_required, exceeds, red_flag',
    ],
    [
      "no level",
      (c: { items: Record<string, unknown>[] }) => delete c.items[0]!.level,
      "items.0.level: needs a level: meets, exceeds_required, exceeds, red_flag",
    ],
    [
      "a meets item without points",
      (c: { items: Record<string, unknown>[] }) => delete c.items[0]!.points,
      "items.0.points: a meets item needs its points (1 to 3)",
    ],
    [
      "points on a red flag",
      (c: { items: Record<string, unknown>[] }) => (c.items.find((i) => i.level === "red_flag")!.points = 2),
      "items.12.points: only meets items carry points; a red_flag item counts by its level",
    ],
    [
      "an unknown category",
      (c: { items: Record<string, unknown>[] }) => (c.items[1]!.category = "style"),
      'items.1.category: unknown category "style"',
    ],
    [
      "a dimension with no item needed for a 4",
      (c: { items: Record<string, unknown>[] }) => (c.items.find((i) => i.id === "uncertainty")!.level = "exceeds"),
      "items: mlops_operations has no exceeds_required item",
    ],
  ] as [string, (c: { categories: unknown[]; items: Record<string, unknown>[] }) => void, string][])("%s", (_l, change, message) => {
    expect(broken(change)).toEqual([message]);
  });

  it("a kit version stored before levels is read as unlevelled, so it suggests nothing", () => {
    const legacy = { items: shipped.items.map(({ id, dimension, text, points }) => ({ id, dimension, text, points: points ?? 1 })) };
    expect(levelledChecklist(legacy)).toBeNull();
    expect(levelledChecklist(shipped)).toEqual(shipped);
  });
});
