import { formatDay, parseFactDate, type DayNumber } from "./calendar-date";
import { codeSystems, normalizeCodeSystem, type CodeSet, type Coding } from "./code-set";
import type { ConditionFact } from "./patient-facts";
import type { EvidenceItem } from "./screening-result";

export type FactDate =
  | { kind: "dated"; day: DayNumber; date: string; precision: "day" | "month" | "year" }
  | { kind: "undated" }
  | { kind: "future"; date: string };

/** A fact's date relative to asOf; events after asOf have not happened yet for this evaluation. */
export function resolveFactDate(text: string | null | undefined, asOf: DayNumber): FactDate {
  const parsed = parseFactDate(text);
  if (parsed === null) return { kind: "undated" };
  const date = formatDay(parsed.day);
  if (parsed.day > asOf) return { kind: "future", date };
  return { kind: "dated", day: parsed.day, date, precision: parsed.precision };
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
