import { describe, expect, it } from "vitest";
import { interviewState } from "./interview-status";

const at = new Date("2026-12-01T10:00:00Z");
const interview = { status: "scheduled" as const, scheduledAt: at, durationMinutes: 60 };
const minutes = (m: number) => new Date(at.getTime() + m * 60_000);

describe("interviewState", () => {
  it("is upcoming before the start, in progress during, owed after", () => {
    expect(interviewState(interview, null, minutes(-5)).kind).toBe("upcoming");
    expect(interviewState(interview, null, minutes(30)).kind).toBe("in_progress");
    expect(interviewState(interview, null, minutes(61))).toEqual({ kind: "scorecard_owed", since: minutes(60), draft: false });
  });
  it("knows a draft is still owed and a submitted card is done", () => {
    expect(interviewState(interview, { status: "draft", submittedAt: null }, minutes(120))).toMatchObject({
      kind: "scorecard_owed",
      draft: true,
    });
    expect(interviewState(interview, { status: "submitted", submittedAt: minutes(90) }, minutes(120))).toEqual({
      kind: "submitted",
      at: minutes(90),
    });
  });
  it("treats cancelled as cancelled whatever the clock says", () => {
    expect(interviewState({ ...interview, status: "cancelled" }, null, minutes(500)).kind).toBe("cancelled");
  });
});
