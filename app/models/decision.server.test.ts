import { describe, expect, it } from "vitest";
import { decisionWarnings } from "./decision.server";

const strongHire = { key: "strong_hire", label: "Strong hire" };

describe("what a decision goes against", () => {
  it("a hire while a floor rules out Hire needs the same acknowledgement as one against the band", () => {
    const floor = { kind: "floor" as const, reasons: ["No Hire band or better while the score for ML system design is ≤ 2: it is 2.00."] };
    expect(decisionWarnings("hire", { band: strongHire, gates: [floor] })).toEqual({
      againstBand: false,
      againstFloor: true,
      redFlags: false,
    });
    expect(decisionWarnings("no_hire", { band: strongHire, gates: [floor] })).toEqual({
      againstBand: true,
      againstFloor: false,
      redFlags: false,
    });
    expect(decisionWarnings("hire", { band: strongHire, gates: [] })).toEqual({ againstBand: false, againstFloor: false, redFlags: false });
  });
});
