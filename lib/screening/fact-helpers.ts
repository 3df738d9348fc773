import { firstMemoDay, formatDay, hasIsoDateShape, memoDayCount, parseFactDate, parseIsoDate, type DayNumber } from "./calendar-date";
import { codeSystems, normalizeCodeSystem, type CodeSet, type Coding } from "./code-set";
import type { ConditionFact } from "./patient-facts";
import type { EvidenceItem } from "./screening-result";

export type FactDate =
  | { kind: "dated"; day: DayNumber; date: string; precision: "day" | "month" | "year" }
  | { kind: "undated" }
  | { kind: "future"; date: string };

type ParsedFactDate = { day: DayNumber; date: string; precision: "day" | "month" | "year" } | null;

/**
 * parseFactDate plus the formatted first day. Full dates skip the regular expression (facts carry
 * many, and a match array per date adds up); other shapes defer to parseFactDate.
 */
function parseDate(text: string | null | undefined): ParsedFactDate {
  if (typeof text !== "string") return null;
  if (hasIsoDateShape(text)) {
    const day = parseIsoDate(text);
    // A valid YYYY-MM-DD formats back to itself.
    return day === null ? null : { day, date: text, precision: "day" };
  }
  const raw = parseFactDate(text);
  return raw === null ? null : { day: raw.day, date: formatDay(raw.day), precision: raw.precision };
}

/** parseFactDate(text)?.day. */
export function factDay(text: string | null | undefined): DayNumber | null {
  if (typeof text === "string" && hasIsoDateShape(text)) return parseIsoDate(text);
  return parseDate(text)?.day ?? null;
}

const undated: FactDate = Object.freeze({ kind: "undated" });

// A full past date resolves to one shared FactDate per day from 1900 to 2199: facts repeat the same
// few thousand days, and a new object per fact was the patient index's largest allocation. Like
// calendar-date's formatted days, it is a table of the calendar (its `date` is the day's only
// YYYY-MM-DD spelling), tied to no patient; FactDate values are never changed once made.
const sharedDays = new Array<FactDate | undefined>(memoDayCount).fill(undefined);

function datedDay(day: DayNumber, text: string): FactDate {
  const slot = day - firstMemoDay;
  if (slot < 0 || slot >= sharedDays.length) return { kind: "dated", day, date: text, precision: "day" };
  let date = sharedDays[slot];
  if (date === undefined) {
    date = { kind: "dated", day, date: text, precision: "day" };
    sharedDays[slot] = date;
  }
  return date;
}

/** A fact's date relative to asOf; events after asOf have not happened yet for this evaluation. */
export function resolveFactDate(text: string | null | undefined, asOf: DayNumber): FactDate {
  if (typeof text === "string" && hasIsoDateShape(text)) {
    // The common full date without the intermediate parse result.
    const day = parseIsoDate(text);
    if (day === null) return undated;
    return day > asOf ? { kind: "future", date: text } : datedDay(day, text);
  }
  const parsed = parseDate(text);
  if (parsed === null) return undated;
  if (parsed.day > asOf) return { kind: "future", date: parsed.date };
  return { kind: "dated", day: parsed.day, date: parsed.date, precision: parsed.precision };
}

export function partialDateNote(date: FactDate): string | null {
  if (date.kind !== "dated" || date.precision === "day") return null;
  return `date known only to the ${date.precision}; counted from ${date.date}`;
}

const activeStatuses = new Set(["active", "recurrence", "relapse", "unknown"]);

/**
 * Whether a condition holds on asOf; `everHad` also accepts resolved history ("former smoker").
 * `onset` is resolveFactDate(condition.onset, asOf), passed when the caller already has it.
 */
export function isConditionApplicable(condition: ConditionFact, asOf: DayNumber, everHad: boolean, onset?: FactDate): boolean {
  if (condition.verificationStatus === "refuted" || condition.verificationStatus === "entered-in-error") return false;
  if ((onset ?? resolveFactDate(condition.onset, asOf)).kind === "future") return false;
  if (everHad) return true;
  const abatement = resolveFactDate(condition.abatement, asOf);
  return activeStatuses.has(condition.clinicalStatus) && abatement.kind !== "dated";
}

/** Plain text of a coded fact for keyword fallback: its own text plus the codings' display names. */
export function factText(fact: { text: string | null; codes: readonly Coding[] }): string {
  const parts = [fact.text ?? "", ...fact.codes.map((c) => c.display ?? "")].filter((part) => part.trim() !== "");
  return parts.join(". ");
}

/**
 * Text fallback is allowed only when codes cannot decide: the fact has no coding in any system the
 * code set lists. A condition coded E10 (type 1 diabetes) is therefore never matched by the words of
 * a type 2 trigger, the original app's worst false positive.
 */
export function canFallBackToText(codes: readonly Coding[], set: CodeSet): boolean {
  const listed = codeSystems.filter((system) => set[system].length > 0);
  const sameFamily = (a: string, b: string) => a === b || (["CPT", "HCPCS"].includes(a) && ["CPT", "HCPCS"].includes(b));
  return !codes.some((coding) => {
    const system = normalizeCodeSystem(coding.system);
    return system !== null && coding.code.trim() !== "" && listed.some((l) => sameFamily(l, system));
  });
}

/**
 * Written out field by field rather than as `{ ...defaults, ...fields }`: a spread that is not first
 * in the literal copies through the slow generic path, and the engine builds millions of items. The
 * key order is the one that spread produced (defaults first, then source, sourceId, role, matchedBy,
 * use), because results are serialised and compared as JSON. `when` fills date and datePrecision.
 */
export function buildEvidenceItem(
  fields: Pick<EvidenceItem, "source" | "sourceId" | "role" | "matchedBy" | "use"> &
    Partial<Omit<EvidenceItem, "date" | "datePrecision">> & { when: FactDate },
): EvidenceItem {
  const { when } = fields;
  return {
    date: when.kind === "undated" ? null : when.date,
    datePrecision: when.kind === "dated" ? when.precision : when.kind === "future" ? "day" : null,
    code: fields.code === undefined ? null : fields.code,
    term: fields.term === undefined ? null : fields.term,
    snippet: fields.snippet === undefined ? null : fields.snippet,
    context: fields.context === undefined ? null : fields.context,
    confidence: fields.confidence === undefined ? 1 : fields.confidence,
    note: fields.note === undefined ? null : fields.note,
    source: fields.source,
    sourceId: fields.sourceId,
    role: fields.role,
    matchedBy: fields.matchedBy,
    use: fields.use,
  };
}
