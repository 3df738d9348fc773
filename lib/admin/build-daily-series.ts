/** The `days` clinic-local dates ending on `today` (YYYY-MM-DD), oldest first. Pure. */
export function lastLocalDays(today: string, days: number): string[] {
  const end = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** One count per day (zero where nothing happened), oldest first. */
export function buildDailySeries(today: string, days: number, counts: ReadonlyMap<string, number>): { day: string; count: number }[] {
  return lastLocalDays(today, days).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}
