import { describe, expect, it } from "vitest";
import { groupMyInterviews } from "./my-interviews";
import { interviewState } from "./interview-status";

type Card = { status: "draft" | "submitted"; submittedAt: Date | null } | null;
const row = (label: string, startsAt: string, now: Date, card: Card = null, durationMinutes = 60) => {
  const scheduledAt = new Date(startsAt);
  return { label, scheduledAt, state: interviewState({ status: "scheduled", scheduledAt, durationMinutes }, card, now) };
};
const labels = (groups: Record<string, { label: string }[]>) =>
  Object.fromEntries(Object.entries(groups).map(([k, rows]) => [k, rows.map((r) => r.label)]));

describe("groupMyInterviews", () => {
  it("puts everything starting today first, soonest first, whatever its scorecard says; the rest by state", () => {
    const now = new Date("2026-12-08T12:00:00Z"); // noon in London
    const rows = [
      row("tomorrow", "2026-12-09T10:00:00Z", now),
      row("this afternoon", "2026-12-08T15:00:00Z", now),
      row("this morning, submitted", "2026-12-08T09:00:00Z", now, { status: "submitted", submittedAt: new Date("2026-12-08T10:30:00Z") }),
      row("this morning, owed", "2026-12-08T10:00:00Z", now),
      row("last week, owed", "2026-12-01T10:00:00Z", now, { status: "draft", submittedAt: null }),
      row("last month, submitted", "2026-11-03T10:00:00Z", now, { status: "submitted", submittedAt: new Date("2026-11-03T12:00:00Z") }),
      row("two months ago, submitted", "2026-10-06T10:00:00Z", now, { status: "submitted", submittedAt: new Date("2026-10-06T12:00:00Z") }),
    ];
    expect(labels(groupMyInterviews(rows, now, "Europe/London"))).toEqual({
      today: ["this morning, submitted", "this morning, owed", "this afternoon"],
      owed: ["last week, owed"],
      upcoming: ["tomorrow"],
      past: ["last month, submitted", "two months ago, submitted"],
    });
  });

  it("reads today on the person's clock, not the server's: the same instants group differently in Los Angeles and Tokyo", () => {
    const now = new Date("2026-12-08T20:00:00Z"); // 12:00 Tue in Los Angeles, 05:00 Wed in Tokyo
    const rows = [
      row("Tue 23:30 in LA, Wed 07:30 UTC", "2026-12-09T07:30:00Z", now),
      row("Wed 09:00 in Tokyo", "2026-12-09T00:00:00Z", now),
      row("Tue 06:00 in LA, Tue 23:00 in Tokyo", "2026-12-08T14:00:00Z", now),
    ];
    expect(labels(groupMyInterviews(rows, now, "America/Los_Angeles"))).toMatchObject({
      today: ["Tue 06:00 in LA, Tue 23:00 in Tokyo", "Wed 09:00 in Tokyo", "Tue 23:30 in LA, Wed 07:30 UTC"],
      upcoming: [],
    });
    expect(labels(groupMyInterviews(rows, now, "Asia/Tokyo"))).toMatchObject({
      today: ["Wed 09:00 in Tokyo", "Tue 23:30 in LA, Wed 07:30 UTC"],
      owed: ["Tue 06:00 in LA, Tue 23:00 in Tokyo"],
      upcoming: [],
    });
  });

  it("across midnight: just after it, yesterday's late interview still running is today's, and one finished before it is owed", () => {
    const now = new Date("2026-12-09T00:10:00Z"); // 00:10 Wednesday in London
    const rows = [
      row("Tue 23:30, 60 min, still running", "2026-12-08T23:30:00Z", now),
      row("Tue 22:00, 60 min, over", "2026-12-08T22:00:00Z", now),
      row("Wed 23:45", "2026-12-09T23:45:00Z", now),
      row("Thu 00:05", "2026-12-10T00:05:00Z", now),
    ];
    expect(labels(groupMyInterviews(rows, now, "Europe/London"))).toEqual({
      today: ["Tue 23:30, 60 min, still running", "Wed 23:45"],
      owed: ["Tue 22:00, 60 min, over"],
      upcoming: ["Thu 00:05"],
      past: [],
    });
  });

  it("leaves cancelled interviews out", () => {
    const now = new Date("2026-12-08T12:00:00Z");
    const scheduledAt = new Date("2026-12-08T15:00:00Z");
    const cancelled = {
      label: "cancelled",
      scheduledAt,
      state: interviewState({ status: "cancelled", scheduledAt, durationMinutes: 60 }, null, now),
    };
    expect(labels(groupMyInterviews([cancelled], now, "Europe/London"))).toEqual({ today: [], owed: [], upcoming: [], past: [] });
  });
});
