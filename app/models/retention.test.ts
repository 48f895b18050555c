import { describe, expect, it } from "vitest";
import { addMonths, retentionEnds } from "./retention";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("retention", () => {
  it("counts calendar months, keeping the day or the month's last day", () => {
    expect(addMonths(d("2026-01-31"), 1)).toEqual(d("2026-02-28"));
    expect(addMonths(d("2024-02-29"), 12)).toEqual(d("2025-02-28"));
    expect(addMonths(d("2026-03-15"), 24)).toEqual(d("2028-03-15"));
  });

  it("runs from the last closed loop, or from when they were added if never interviewed", () => {
    const base = { retentionMonths: 6, addedAt: d("2025-01-10"), lastDecidedAt: null, openLoop: false };
    expect(retentionEnds({ ...base, lastClosedAt: d("2025-05-01") })).toEqual(d("2025-11-01"));
    expect(retentionEnds({ ...base, lastClosedAt: null })).toEqual(d("2025-07-10"));
  });

  it("never ends sooner than a year from the decision, however short the position's period", () => {
    const f = {
      retentionMonths: 6,
      addedAt: d("2025-01-10"),
      lastClosedAt: d("2025-05-01"),
      lastDecidedAt: d("2025-05-01"),
      openLoop: false,
    };
    expect(retentionEnds(f)).toEqual(d("2026-05-01"));
    expect(retentionEnds({ ...f, retentionMonths: 24 })).toEqual(d("2027-05-01"));
    // A decision recorded after the loop closed moves the floor with it.
    expect(retentionEnds({ ...f, lastDecidedAt: d("2025-08-20") })).toEqual(d("2026-08-20"));
  });

  it("is not due while a loop is open", () => {
    expect(
      retentionEnds({ retentionMonths: 1, addedAt: d("2020-01-01"), lastClosedAt: d("2020-02-01"), lastDecidedAt: null, openLoop: true }),
    ).toBeNull();
  });
});
