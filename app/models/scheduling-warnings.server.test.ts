import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { schedulingWarnings, warningsKey } from "./scheduling-warnings.server";
import { COUNTRIES } from "./user-schema";

const aisha = { name: "Aisha Bello", timeZone: "Europe/London", country: "GB" };

describe("scheduling warnings", () => {
  it("name a weekend day on the interviewer's own clock", () => {
    expect(schedulingWarnings(new Date("2027-06-12T09:00:00Z"), aisha)).toEqual([
      "Saturday, 12 June 2027 is a weekend day for Aisha Bello (Europe/London).",
    ]);
    // Friday evening in London is already Saturday in Tokyo.
    const ken = { name: "Ken Sato", timeZone: "Asia/Tokyo", country: "" };
    expect(schedulingWarnings(new Date("2027-06-11T16:00:00Z"), ken)).toEqual([
      "Saturday, 12 June 2027 is a weekend day for Ken Sato (Asia/Tokyo).",
    ]);
    expect(schedulingWarnings(new Date("2027-06-11T09:00:00Z"), aisha)).toEqual([]);
  });

  it("name a public holiday of the interviewer's country, and only of theirs", () => {
    expect(schedulingWarnings(new Date("2026-12-25T10:00:00Z"), aisha)).toEqual([
      "Friday, 25 December 2026 is Christmas Day, a public holiday in United Kingdom, where Aisha Bello works.",
    ]);
    const rafael = { name: "Rafael Moreira", timeZone: "America/New_York", country: "US" };
    expect(schedulingWarnings(new Date("2026-11-26T15:00:00Z"), rafael)).toEqual([
      "Thursday, 26 November 2026 is Thanksgiving Day, a public holiday in United States, where Rafael Moreira works.",
    ]);
    expect(schedulingWarnings(new Date("2026-11-26T15:00:00Z"), aisha)).toEqual([]);
    // Without a country, only weekends are known.
    expect(schedulingWarnings(new Date("2026-12-25T10:00:00Z"), { ...aisha, country: "" })).toEqual([]);
  });

  it("every country offered in the user form is one date-holidays knows", () => {
    const known = new Holidays().getCountries("en");
    expect(Object.keys(COUNTRIES).filter((c) => !known[c])).toEqual([]);
  });

  it("are accepted by a key that names exactly that set", () => {
    const one = { scheduledAt: ["Saturday, 12 June 2027 is a weekend day for Aisha Bello (Europe/London)."] };
    expect(warningsKey(one)).toBe(warningsKey({ ...one }));
    expect(warningsKey(one)).not.toBe(
      warningsKey({ scheduledAt: ["Sunday, 13 June 2027 is a weekend day for Aisha Bello (Europe/London)."] }),
    );
  });
});
