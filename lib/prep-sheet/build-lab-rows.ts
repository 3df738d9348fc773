import { toClinicDate } from "@/lib/dates/to-clinic-date";
import type { DomainConcept, DomainObservation, DomainQuantity, Interpretation, ObservationValue, ReferenceRange } from "@/lib/fhir/to-domain/types";
import type { LabFlag, LabRow } from "./prep-sheet-model";
import { compareFolded, compareText, compareTextDesc, sortRows } from "./sort-rows";

// Results that were withdrawn or never produced are not results.
const skippedStatuses = new Set(["entered-in-error", "cancelled", "registered"]);

export function readConceptName(concept: DomainConcept | null | undefined): string | null {
  if (!concept) return null;
  const coding = concept.codings.find((c) => c.display) ?? concept.codings[0];
  return concept.text?.trim() || coding?.display?.trim() || coding?.code || null;
}

const formatNumber = (n: number | null) => (n === null ? "" : String(n));

function formatValue(value: ObservationValue | null, absent: string | null): { value: string; unit: string | null } {
  if (!value) return { value: absent ? `(no value: ${absent})` : "(no value)", unit: null };
  switch (value.kind) {
    case "quantity": return { value: `${value.comparator ?? ""}${formatNumber(value.value)}`, unit: value.unit ?? value.code };
    case "concept": return { value: readConceptName(value.concept) ?? "(coded value)", unit: null };
    case "string": return { value: value.text.replace(/\s+/g, " ").trim(), unit: null };
    case "boolean": return { value: value.value ? "Yes" : "No", unit: null };
    case "integer": return { value: String(value.value), unit: null };
    case "datetime": return { value: value.value, unit: null };
  }
}

function formatBound(q: DomainQuantity | null): string | null {
  return q?.value == null ? null : String(q.value);
}

export function formatReferenceRange(range: ReferenceRange | undefined): string | null {
  if (!range) return null;
  if (range.text?.trim()) return range.text.trim();
  const low = formatBound(range.low);
  const high = formatBound(range.high);
  if (low !== null && high !== null) return `${low}-${high}`;
  if (low !== null) return `>=${low}`;
  if (high !== null) return `<=${high}`;
  return null;
}

const reportedFlags: [RegExp, LabFlag][] = [
  [/^(HH|LL|AA|CR|CRIT|HU|LU)$/, "critical"], [/^(H|>)$/, "high"], [/^(L|<)$/, "low"], [/^(N|NEG|ND)$/, "normal"],
];

/**
 * The lab's own interpretation wins. Only when it gave none do we compare a plain number with a
 * numeric range in the same unit, and the row says the flag was computed.
 */
export function decideLabFlag(value: ObservationValue | null, interpretation: Interpretation, range: ReferenceRange | undefined): Pick<LabRow, "flag" | "flagSource"> {
  for (const concept of interpretation.concepts) {
    for (const coding of concept.codings) {
      const code = coding.code?.toUpperCase() ?? "";
      const hit = reportedFlags.find(([pattern]) => pattern.test(code));
      if (hit) return { flag: hit[1], flagSource: "reported" };
    }
  }
  if (interpretation.abnormal !== null) return { flag: interpretation.abnormal ? "abnormal" : "normal", flagSource: "reported" };
  if (value?.kind !== "quantity" || value.value === null || value.comparator || !range) return { flag: null, flagSource: null };
  // A bound in another unit (mmol/L against mg/dL) says nothing about this value.
  const usable = (q: DomainQuantity | null) => (q?.value != null && (q.unit === null || value.unit === null || q.unit === value.unit) ? q.value : null);
  const low = usable(range.low);
  const high = usable(range.high);
  if (low !== null && value.value < low) return { flag: "low", flagSource: "computed" };
  if (high !== null && value.value > high) return { flag: "high", flagSource: "computed" };
  if (low !== null || high !== null) return { flag: "normal", flagSource: "computed" };
  return { flag: null, flagSource: null };
}

function buildRows(observation: DomainObservation, date: string): LabRow[] {
  const name = readConceptName(observation.code) ?? "Unnamed test";
  const row = (suffix: string | null, value: ObservationValue | null, interpretation: Interpretation, absent: string | null): LabRow => {
    const range = observation.referenceRanges[0];
    return {
      ehrId: observation.ehrId, date, name: suffix ? `${name}: ${suffix}` : name,
      ...formatValue(value, absent), referenceRange: formatReferenceRange(range), ...decideLabFlag(value, interpretation, range),
    };
  };
  // Panels such as blood pressure carry their values in components, with no top-level value.
  if (observation.value === null && observation.components.length > 0) {
    return observation.components.map((c) => row(readConceptName(c.code) ?? "component", c.value, c.interpretation, null));
  }
  return [row(null, observation.value, observation.interpretation, observation.dataAbsentReason)];
}

export function buildLabRows(observations: readonly DomainObservation[], from: string, timeZone: string): LabRow[] {
  const rows = observations.flatMap((o) => {
    if (!o.categories.includes("laboratory") || skippedStatuses.has(o.status ?? "")) return [];
    const date = toClinicDate(o.effective ?? o.issued, timeZone);
    return date !== null && date >= from ? buildRows(o, date) : [];
  });
  return sortRows(rows, (a, b) => compareTextDesc(a.date, b.date), (a, b) => compareFolded(a.name, b.name) || compareText(a.ehrId, b.ehrId));
}
