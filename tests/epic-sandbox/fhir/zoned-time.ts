/** Calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The instant at local wall-clock `date` + `minutesAfterMidnight` in `timeZone` (DST-aware). */
export function zonedInstant(date: string, minutesAfterMidnight: number, timeZone: string): Date {
  const [y = 1970, mo = 1, d = 1] = date.split("-").map(Number);
  const naive = Date.UTC(y, mo - 1, d, 0, minutesAfterMidnight);
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y = 1970, mo = 1, d = 1] = date.split("-").map(Number);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}
