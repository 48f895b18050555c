// Times are stored in UTC and shown in the viewer's own time zone. Formatting names the zone
// explicitly, so the server and the browser render the same text (no hydration mismatch).

// Building an Intl.DateTimeFormat costs far more than using one, and pages format hundreds of
// dates in a few time zones: one formatter per (kind, zone), kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${kind}\u0000${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return f;
}

function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatter("parts", timeZone, "en-US", {
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** "2026-12-01T10:30" read as wall-clock time in `timeZone`, as a UTC Date; null if malformed. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(naive);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Two passes settle the offset across a daylight-saving change.
  let result = naive - zoneOffsetMs(naive, timeZone);
  const second = zoneOffsetMs(result, timeZone);
  if (naive - second !== result) result = naive - second;
  return new Date(result);
}

/** The value a datetime-local input needs to show `date` in `timeZone`. */
export function toLocalInputValue(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return shifted.toISOString().slice(0, 16);
}

export function formatDateTime(date: Date | number, timeZone: string): string {
  return formatter("datetime", timeZone, "en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

export function formatDate(date: Date | number, timeZone: string): string {
  return formatter("date", timeZone, "en-GB", { day: "numeric", month: "short", year: "numeric" }).format(date);
}

/** "14:05" on the viewer's clock. */
export function formatTime(date: Date | number, timeZone: string): string {
  return formatter("time", timeZone, "en-GB", { hour: "2-digit", minute: "2-digit" }).format(date);
}

/** "3 days", "5 hours", "40 minutes": for "owed for …" and "in …". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? "" : "s"}`;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatter("date", tz, "en-GB", { day: "numeric", month: "short", year: "numeric" });
    return true;
  } catch {
    return false;
  }
}

/** "2026-12-08": the calendar day `date` falls on in `timeZone`, for grouping by day. */
export function localDay(date: Date | number, timeZone: string): string {
  const ms = typeof date === "number" ? date : date.getTime();
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 10);
}
