import { describe, expect, it } from "vitest";
import { formatDuration, toLocalInputValue, zonedLocalToUtc } from "./time";

describe("zonedLocalToUtc", () => {
  it("reads wall-clock time in winter and summer London time", () => {
    expect(zonedLocalToUtc("2026-12-01T10:00", "Europe/London")?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T10:00", "Europe/London")?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-01T10:00", "America/New_York")?.toISOString()).toBe("2026-07-01T14:00:00.000Z");
  });
  it("settles across the daylight-saving change", () => {
    // 29 March 2026: London clocks go 01:00 -> 02:00; 03:00 local is 02:00 UTC.
    expect(zonedLocalToUtc("2026-03-29T03:00", "Europe/London")?.toISOString()).toBe("2026-03-29T02:00:00.000Z");
  });
  it("rejects malformed and impossible dates", () => {
    expect(zonedLocalToUtc("2026-02-30T10:00", "UTC")).toBeNull();
    expect(zonedLocalToUtc("tomorrow", "UTC")).toBeNull();
    expect(zonedLocalToUtc("2026-12-01T25:00", "UTC")).toBeNull();
  });
  it("round-trips through the datetime-local value", () => {
    const at = new Date("2026-10-12T13:45:00Z");
    for (const tz of ["Europe/Berlin", "America/New_York", "Asia/Kolkata"])
      expect(zonedLocalToUtc(toLocalInputValue(at, tz), tz)?.getTime()).toBe(at.getTime());
  });
});

describe("formatDuration", () => {
  it("picks a readable unit", () => {
    expect(formatDuration(40 * 60_000)).toBe("40 minutes");
    expect(formatDuration(5 * 3600_000)).toBe("5 hours");
    expect(formatDuration(3 * 24 * 3600_000)).toBe("3 days");
  });
});
