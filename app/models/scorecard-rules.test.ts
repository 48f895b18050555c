// The scorecard write rule at its edges: the page, the action and the model all ask it.
import { describe, expect, it } from "vitest";
import {
  INTERVIEW_CANCELLED,
  LOOP_CLOSED,
  NOT_STARTED,
  scorecardEditing,
  scorecardWriteRefusal,
  SUBMITTED_NEEDS_AMEND,
} from "./scorecard-rules";

const now = new Date("2026-03-04T10:00:00Z");
const target = (over: Partial<Parameters<typeof scorecardWriteRefusal>[0]> = {}) => ({
  loopStatus: "open",
  status: "scheduled",
  scheduledAt: new Date("2026-03-04T09:00:00Z"),
  scorecardStatus: null,
  ...over,
});
const write = (over: Partial<Parameters<typeof scorecardWriteRefusal>[1]> = {}) => ({ submit: false, amend: false, now, ...over });

describe("when a scorecard may be written", () => {
  it("takes drafts and submits for an open loop's interview that has started", () => {
    expect(scorecardWriteRefusal(target(), write())).toBeNull();
    expect(scorecardWriteRefusal(target(), write({ submit: true }))).toBeNull();
  });

  it("takes a draft before the interview but a submit only from its start, to the millisecond", () => {
    const atStart = target({ scheduledAt: now });
    expect(scorecardWriteRefusal(atStart, write({ submit: true }))).toBeNull();
    const aMomentLater = target({ scheduledAt: new Date(now.getTime() + 1) });
    expect(scorecardWriteRefusal(aMomentLater, write({ submit: true }))).toBe(NOT_STARTED);
    expect(scorecardWriteRefusal(aMomentLater, write())).toBeNull();
  });

  it("refuses every write once the loop is closed or the interview cancelled", () => {
    expect(scorecardWriteRefusal(target({ loopStatus: "closed" }), write())).toBe(LOOP_CLOSED);
    expect(scorecardWriteRefusal(target({ status: "cancelled" }), write({ submit: true }))).toBe(INTERVIEW_CANCELLED);
    // A closed loop says so even for an amendment of a submitted scorecard.
    expect(
      scorecardWriteRefusal(target({ loopStatus: "closed", scorecardStatus: "submitted" }), write({ submit: true, amend: true })),
    ).toBe(LOOP_CLOSED);
  });

  it("changes a submitted scorecard only by an amendment, and lets an identical resubmit (a double click) through", () => {
    const submitted = target({ scorecardStatus: "submitted" });
    // Before the content is compared (the action): a draft save is refused, a submit goes on to the model.
    expect(scorecardWriteRefusal(submitted, write())).toBe(SUBMITTED_NEEDS_AMEND);
    expect(scorecardWriteRefusal(submitted, write({ submit: true }))).toBeNull();
    // Once compared (the model): a changed submit needs the amend page; the same content doesn't.
    expect(scorecardWriteRefusal(submitted, write({ submit: true, unchanged: false }))).toBe(SUBMITTED_NEEDS_AMEND);
    expect(scorecardWriteRefusal(submitted, write({ submit: true, unchanged: true }))).toBeNull();
    expect(scorecardWriteRefusal(submitted, write({ submit: true, amend: true, unchanged: false }))).toBeNull();
    expect(scorecardWriteRefusal(submitted, write({ amend: true, unchanged: false }))).toBe(SUBMITTED_NEEDS_AMEND);
  });

  it("offers its own interviewer the form, or Amend once submitted, and nobody else either", () => {
    expect(scorecardEditing(target(), { isOwn: true, amend: false })).toEqual({ editable: true, canAmend: false });
    expect(scorecardEditing(target({ scorecardStatus: "submitted" }), { isOwn: true, amend: false })).toEqual({
      editable: false,
      canAmend: true,
    });
    expect(scorecardEditing(target({ scorecardStatus: "submitted" }), { isOwn: true, amend: true })).toEqual({
      editable: true,
      canAmend: false,
    });
    expect(scorecardEditing(target(), { isOwn: false, amend: false })).toEqual({ editable: false, canAmend: false });
    expect(scorecardEditing(target({ loopStatus: "closed", scorecardStatus: "submitted" }), { isOwn: true, amend: false })).toEqual({
      editable: false,
      canAmend: false,
    });
  });
});
