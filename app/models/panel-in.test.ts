import { describe, expect, it } from "vitest";
import { bandsDifferNote, bandStatus, panelIn, panelInOf } from "./panel-in";
import { recommendationFromPanel, type RatingGroup } from "./recommendation";

const HIRE = { key: "hire", label: "Hire" };
const LEAN = { key: "lean_no_hire", label: "Lean no hire" };
const interview = (status: "scheduled" | "completed" | "cancelled", scorecardStatus: "draft" | "submitted" | null) => ({
  status,
  scorecardStatus,
});

describe("when a band is the panel's and when it is provisional", () => {
  it("0 of 3 in: no band to show, and the panel is not in", () => {
    const panel = panelInOf([interview("completed", null), interview("completed", "draft"), interview("scheduled", null)]);
    expect(panel).toEqual({ submitted: 0, expected: 3, complete: false, label: "0 of 3 in" });
    expect(bandStatus(null, panel)).toBeNull();
  });

  it("1 of 3 in: the band is provisional", () => {
    const panel = panelInOf([interview("completed", "submitted"), interview("completed", null), interview("scheduled", null)]);
    expect(panel.label).toBe("1 of 3 in");
    expect(bandStatus(HIRE, panel)).toBe("provisional");
  });

  it("3 of 3 in: the band is the panel's verdict", () => {
    const panel = panelInOf([
      interview("completed", "submitted"),
      interview("completed", "submitted"),
      interview("completed", "submitted"),
    ]);
    expect(panel).toMatchObject({ complete: true, label: "3 of 3 in" });
    expect(bandStatus(HIRE, panel)).toBe("final");
  });

  it("a cancelled interview expects no scorecard, so it neither holds the band back nor counts as in", () => {
    const panel = panelInOf([interview("completed", "submitted"), interview("cancelled", null), interview("completed", "submitted")]);
    expect(panel).toMatchObject({ submitted: 2, expected: 2, complete: true, label: "2 of 2 in" });
    // A scorecard left on an interview cancelled afterwards doesn't count either.
    expect(panelInOf([interview("completed", "submitted"), interview("cancelled", "submitted"), interview("completed", null)]).label).toBe(
      "1 of 2 in",
    );
  });

  it("a stage the loop never scheduled expects nothing; a scheduled stage without a scorecard keeps the band provisional", () => {
    // Four stages in the rubric, three scheduled (no take-home): three are expected.
    const three = panelInOf([
      interview("completed", "submitted"),
      interview("completed", "submitted"),
      interview("completed", "submitted"),
    ]);
    expect(three.complete).toBe(true);
    const drafted = panelInOf([interview("completed", "submitted"), interview("completed", "submitted"), interview("completed", "draft")]);
    expect(drafted).toMatchObject({ complete: false, label: "2 of 3 in" });
    expect(bandStatus(HIRE, drafted)).toBe("provisional");
  });

  it("a loop with no interviews is never complete", () => {
    expect(panelIn(0, 0)).toEqual({ submitted: 0, expected: 0, complete: false, label: "0 of 0 in" });
  });

  it("is what every recommendation carries, from the same counts as the Incomplete gate", () => {
    const rubric = {
      dimensions: [{ key: "a", name: "A", weight: 100 }],
      bands: [
        { key: "hire", label: "Hire", minScore: 3 },
        { key: "no_hire", label: "No hire", minScore: 1 },
      ],
    };
    const groups: RatingGroup[] = [{ interviewerId: 1, dimensionKey: "a", sum: 3, count: 1, min: 3, max: 3 }];
    const base = { rubric, groups, recommendations: ["yes" as const], redFlags: [] };
    const one = recommendationFromPanel({ ...base, scheduledInterviews: 3, submittedInterviews: 1 });
    expect(one.band?.label).toBe("Hire");
    expect(one.panelIn.label).toBe("1 of 3 in");
    expect(bandStatus(one.band, one.panelIn)).toBe("provisional");
    expect(one.gates.map((g) => g.kind)).toContain("incomplete");
    const all = recommendationFromPanel({ ...base, scheduledInterviews: 1, submittedInterviews: 1 });
    expect(bandStatus(all.band, all.panelIn)).toBe("final");
  });
});

describe("which band the gates read", () => {
  it("says so only where the raw and calibrated bands differ", () => {
    expect(bandsDifferNote(HIRE, HIRE)).toBeNull();
    expect(bandsDifferNote(HIRE, null)).toBeNull();
    expect(bandsDifferNote(HIRE, LEAN)).toBe(
      'The gates and "against the band" read the raw band, Hire; the calibrated band, Lean no hire, is shown beside it for comparison.',
    );
  });
});
