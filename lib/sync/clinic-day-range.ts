import { cachedDateTimeFormat } from "@/lib/dates/cached-date-time-format";

/** Minutes the zone is ahead of UTC at `instant` (e.g. -300 for New York in winter). */
function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const parts = cachedDateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(timeZone: string, date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const guess = Date.UTC(y!, m! - 1, d!);
  // Two passes settle the offset on days where it changes (DST starts or ends overnight).
  let instant = guess - zoneOffsetMinutes(timeZone, new Date(guess)) * 60_000;
  instant = guess - zoneOffsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** [from, to) covering `days` clinic-local calendar days starting at `date`. */
export function clinicDayRange(timeZone: string, date: string, days = 1): { from: Date; to: Date } {
  return { from: startOfLocalDay(timeZone, date), to: startOfLocalDay(timeZone, addDays(date, Math.max(1, days))) };
}
