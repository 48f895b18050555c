// How "My interviews" groups a person's interviews: what is on today, what they owe, what is
// coming, what is done. Pure: the day is the person's own (their time zone), and `now` is given.
import { localDay } from "#app/utils/time";
import type { InterviewState } from "./interview-status";

type Grouped = { scheduledAt: Date; state: InterviewState };

export type MyInterviewGroups<T> = { today: T[]; owed: T[]; upcoming: T[]; past: T[] };

/**
 * Today: every interview that starts on today's date on the person's clock, and one still running
 * across midnight (started yesterday evening, not over yet), soonest first, whatever its scorecard
 * says. The rest by state: owed (over or in progress, no submitted scorecard), upcoming, past
 * (submitted, most recent first). An interview is in one group only.
 */
export function groupMyInterviews<T extends Grouped>(rows: readonly T[], now: Date, timeZone: string): MyInterviewGroups<T> {
  const today = localDay(now, timeZone);
  const groups: MyInterviewGroups<T> = { today: [], owed: [], upcoming: [], past: [] };
  const sorted = [...rows].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  for (const row of sorted) {
    const kind = row.state.kind;
    if (kind === "cancelled") continue;
    if (localDay(row.scheduledAt, timeZone) === today || kind === "in_progress") groups.today.push(row);
    else if (kind === "scorecard_owed") groups.owed.push(row);
    else if (kind === "upcoming") groups.upcoming.push(row);
    else groups.past.unshift(row);
  }
  return groups;
}
