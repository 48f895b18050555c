// The demo's fairness picture: the monitor has something to show (a measure under the four-fifths
// line at small numbers, groups too small to report, unknowns counted) and last year's report exists.
import { describe, expect, it } from "vitest";
import { db } from "#app/utils/db.server";
import { loadExercises } from "#app/models/exercise.server";
import { getMonitor, listReports } from "#app/models/fairness.server";
import { loadRubrics } from "#app/models/rubric.server";
import { seedDemoData } from "./seed";

const now = new Date("2026-12-07T09:00:00Z");

describe("the demo seed's fairness data", () => {
  it("shows a measure under 0.8, a suppressed cell and unknowns, and holds one produced report", async () => {
    loadRubrics({ now });
    loadExercises({ now });
    await seedDemoData(db(), now);
    const m = getMonitor({ positionId: null, from: "2025-12-07", to: "2026-12-07", threshold: 5 });
    const bySex = m.selections.map((s) => s.byCategory.sex);
    const under = bySex.flatMap((rows) => rows.filter((r) => r.impactRatio !== null && r.impactRatio < 0.8));
    expect(under.length).toBeGreaterThan(0);
    // Small numbers: nothing under the line is beyond chance, and the page can say so.
    expect(under.every((r) => r.midP !== null && r.midP > 0.05)).toBe(true);
    const another = bySex[0]!.find((r) => r.key === "another")!;
    expect(another).toMatchObject({ reported: false, n: null, rate: null });
    expect(m.unknown.sex).toBeGreaterThan(0);
    expect(m.answered).toBe(23);
    expect(listReports({ offset: 0 })).toMatchObject({ total: 1, rows: [{ position: "All positions" }] });
  });
});
