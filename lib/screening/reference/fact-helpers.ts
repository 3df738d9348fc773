// Reference: the fact helpers as they were before the engine built evidence items field by field;
// the oracle for evaluate-screenings.equivalence.test.ts. Production code must not import it.
import { daysFromCivil, daysInMonth, formatDay, parseFactDate, type DayNumber } from "../calendar-date";
import { codeSystems, normalizeCodeSystem, type CodeSet, type Coding } from "../code-set";
import type { ConditionFact } from "../patient-facts";
import type { EvidenceItem } from "../screening-result";

export type FactDate =
  | { kind: "dated"; day: DayNumber; date: string; precision: "day" | "month" | "year" }
  | { kind: "undated" }
  | { kind: "future"; date: string };

type ParsedFactDate = { day: DayNumber; date: string; precision: "day" | "month" | "year" } | null;

const isDigitAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};
const numberAt = (text: string, from: number, to: number) => {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
};

/**
 * parseFactDate plus the formatted first day, without a regular expression for the common full
 * date (facts carry many, and a match array per date adds up). Other shapes defer to parseFactDate.
 */
function parseDateMemo(text: string | null | undefined): ParsedFactDate {
  if (typeof text !== "string") return null;
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    for (const i of fullDateDigits) if (!isDigitAt(text, i)) return null;
    const year = numberAt(text, 0, 4);
    const month = numberAt(text, 5, 7);
    const dayOfMonth = numberAt(text, 8, 10);
    if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return null;
    // A valid YYYY-MM-DD formats back to itself.
    return { day: daysFromCivil(year, month, dayOfMonth), date: text, precision: "day" };
  }
  const raw = parseFactDate(text);
  return raw === null ? null : { day: raw.day, date: formatDay(raw.day), precision: raw.precision };
}
const fullDateDigits = [0, 1, 2, 3, 5, 6, 8, 9];

/** parseFactDate(text)?.day. */
export function factDay(text: string | null | undefined): DayNumber | null {
  return parseDateMemo(text)?.day ?? null;
}

/** A fact's date relative to asOf; events after asOf have not happened yet for this evaluation. */
export function resolveFactDate(text: string | null | undefined, asOf: DayNumber): FactDate {
  const parsed = parseDateMemo(text);
  if (parsed === null) return { kind: "undated" };
  if (parsed.day > asOf) return { kind: "future", date: parsed.date };
  return { kind: "dated", day: parsed.day, date: parsed.date, precision: parsed.precision };
}

export function partialDateNote(date: FactDate): string | null {
  if (date.kind !== "dated" || date.precision === "day") return null;
  return `date known only to the ${date.precision}; counted from ${date.date}`;
}

const activeStatuses = new Set(["active", "recurrence", "relapse", "unknown"]);

/** Whether a condition holds on asOf; `everHad` also accepts resolved history ("former smoker"). */
export function isConditionApplicable(condition: ConditionFact, asOf: DayNumber, everHad: boolean): boolean {
  if (condition.verificationStatus === "refuted" || condition.verificationStatus === "entered-in-error") return false;
  if (resolveFactDate(condition.onset, asOf).kind === "future") return false;
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

export function buildEvidenceItem(
  fields: Pick<EvidenceItem, "source" | "sourceId" | "role" | "matchedBy" | "use"> & Partial<EvidenceItem>,
): EvidenceItem {
  return {
    date: null,
    datePrecision: null,
    code: null,
    term: null,
    snippet: null,
    context: null,
    confidence: 1,
    note: null,
    ...fields,
  };
}

export function datedFields(date: FactDate): Pick<EvidenceItem, "date" | "datePrecision"> {
  if (date.kind === "dated") return { date: date.date, datePrecision: date.precision };
  if (date.kind === "future") return { date: date.date, datePrecision: "day" };
  return { date: null, datePrecision: null };
}
