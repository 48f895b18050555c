// Warnings, not errors, when an interview is booked on its interviewer's weekend or on a public
// holiday of the country they work in (date-holidays, a maintained library with each country's
// rules, so no list of dates goes stale). The hiring manager may accept them and book anyway.
import { createHash } from "node:crypto";
import Holidays from "date-holidays";
import { COUNTRIES } from "./user-schema";

export type Interviewer = { name: string; timeZone: string; country: string };

const calendars = new Map<string, Holidays>();
function holidaysIn(country: string, timeZone: string) {
  const key = `${country}/${timeZone}`;
  let calendar = calendars.get(key);
  if (!calendar) calendars.set(key, (calendar = new Holidays(country, { types: ["public", "bank"], timezone: timeZone })));
  return calendar;
}

const dayNames = new Map<string, Intl.DateTimeFormat>();
function dayName(at: Date, timeZone: string) {
  let f = dayNames.get(timeZone);
  if (!f)
    dayNames.set(
      timeZone,
      (f = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone })),
    );
  return f.format(at);
}

/** What is unusual about this slot for this interviewer: their weekend, their country's holidays. */
export function schedulingWarnings(at: Date, person: Interviewer): string[] {
  const day = dayName(at, person.timeZone);
  const warnings: string[] = [];
  if (/^(Saturday|Sunday)/.test(day)) warnings.push(`${day} is a weekend day for ${person.name} (${person.timeZone}).`);
  const country = Object.hasOwn(COUNTRIES, person.country) ? COUNTRIES[person.country] : null;
  if (country)
    for (const holiday of holidaysIn(person.country, person.timeZone).isHoliday(at) || [])
      warnings.push(`${day} is ${holiday.name}, a public holiday in ${country}, where ${person.name} works.`);
  return warnings;
}

/**
 * Names one exact set of warnings. Accepting posts it back, so accepting one set never waves
 * through a different one (a time changed after the warning was read).
 */
export function warningsKey(warnings: Record<string, string[]>): string {
  return createHash("sha256")
    .update(JSON.stringify(Object.entries(warnings).sort()))
    .digest("hex")
    .slice(0, 16);
}
