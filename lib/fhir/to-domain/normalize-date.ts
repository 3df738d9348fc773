const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * Normalise a FHIR date, dateTime or instant. Date-only values (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`)
 * are kept as they are: converting them to instants would invent a time and shift the day across
 * time zones. Values with a time become ISO UTC. Anything else yields null.
 */
export function normalizeFhirDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const date = datePattern.exec(text);
  if (date) {
    const [, y, m, d] = date;
    if (m === undefined) return text;
    if (!validDate(Number(y), Number(m), d === undefined ? 1 : Number(d))) return null;
    return text;
  }
  if (!dateTimePattern.test(text)) return null;
  const [y, m, d] = text.slice(0, 10).split("-").map(Number);
  if (!validDate(y ?? 0, m ?? 0, d ?? 0)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString();
}

/** Normalise a value that must carry a time (Appointment.start); a date-only value yields null. */
export function normalizeFhirInstant(value: unknown): string | null {
  const normalized = normalizeFhirDate(value);
  return normalized !== null && normalized.includes("T") ? normalized : null;
}
