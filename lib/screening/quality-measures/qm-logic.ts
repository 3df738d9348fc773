import type { Coding } from "../code-set";
import { addMonthsClamped, computeAgeInYears, formatDay, parseIsoDate, type DayNumber } from "../calendar-date";
import { generatedValueSets } from "../value-sets/value-sets.generated";
import type { GroupPopulations, MeasurementPeriod, QmFacts, QmResource, QmResourceType, Span } from "./qm-facts";

/**
 * The pieces of CQL the eCQMs are written in, at day precision: value set membership, the QI-Core
 * status filters (Status library), interval relations with CQL's null-boundary semantics, ages.
 * Every measure file is written with these so that it reads like its CQL.
 */

// ---- codes -------------------------------------------------------------------------------------

const compiled = new Map<string, Set<string>>();
const key = (system: string, code: string) => `${system.trim().toLowerCase()}|${code.trim()}`;

function valueSetKeys(oid: string): Set<string> {
  let set = compiled.get(oid);
  if (set) return set;
  const data = generatedValueSets[oid];
  if (!data) throw new Error(`value set ${oid} is not in the product's code lists (run scripts/generate-value-sets.ts)`);
  set = new Set(Object.entries(data.codes).flatMap(([system, codes]) => codes.map((code) => key(system, code))));
  compiled.set(oid, set);
  return set;
}

/** CQL `in "Value Set"`: any coding is a member. */
export function inValueSet(codings: readonly Coding[], oid: string): boolean {
  const set = valueSetKeys(oid);
  return codings.some((c) => set.has(key(c.system, c.code)));
}

/** CQL `~ "Direct reference code"`. */
export function hasCode(codings: readonly Coding[], system: string, code: string): boolean {
  const wanted = key(system, code);
  return codings.some((c) => key(c.system, c.code) === wanted);
}

export const systems = {
  snomed: "http://snomed.info/sct",
  loinc: "http://loinc.org",
  cpt: "http://www.ama-assn.org/go/cpt",
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  rxnorm: "http://www.nlm.nih.gov/research/umls/rxnorm",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  ucum: "http://unitsofmeasure.org",
} as const;

/** `~ "Direct reference code"` with the code written as a [system, code] pair. */
export const is = (codings: readonly Coding[], [system, value]: readonly [string, string]) => hasCode(codings, system, value);

/** `[Type: "Value Set"]` retrieve. */
export function retrieve(facts: QmFacts, type: QmResourceType, oid?: string): QmResource[] {
  return facts.resources.filter((r) => r.resourceType === type && (oid === undefined || inValueSet(r.codes, oid)));
}

export const hasCategory = (r: QmResource, code: string) => r.category.some((c) => c.code === code);

// ---- Status library (QI-Core status filters) -----------------------------------------------------

const finalResult = new Set(["final", "amended", "corrected"]);
/**
 * Status."isEncounterPerformed", one rule per library version: the QI-Core 4.1.1 libraries (the 2025
 * measures) count finished, arrived, triaged, in-progress and on-leave encounters; the QI-Core 6
 * libraries (2026) count finished ones only. A measure passes the rule of the libraries it includes.
 */
export const isEncounterPerformed = (r: QmResource) => ["finished", "arrived", "triaged", "in-progress", "onleave"].includes(r.status ?? "");
export const isEncounterFinished = (r: QmResource) => r.status === "finished";
export type EncounterPerformedRule = (r: QmResource) => boolean;
export const isProcedurePerformed = (r: QmResource) => r.status === "completed";
export const isInterventionPerformed = isProcedurePerformed;
export const isDiagnosticStudyPerformed = (r: QmResource) => finalResult.has(r.status ?? "");
export const isLaboratoryTestPerformed = (r: QmResource) => finalResult.has(r.status ?? "") && hasCategory(r, "laboratory");
export const isAssessmentPerformed = (r: QmResource) => finalResult.has(r.status ?? "") && hasCategory(r, "survey");
export const isPhysicalExamPerformed = (r: QmResource) => finalResult.has(r.status ?? "") && hasCategory(r, "exam");
export const isSymptom = (r: QmResource) => ["preliminary", "final", "amended", "corrected"].includes(r.status ?? "");
export const isInterventionOrder = (r: QmResource) => ["active", "completed"].includes(r.status ?? "") && r.intent === "order";
export const isDeviceOrder = isInterventionOrder;
export const isMedicationActive = (r: QmResource) => r.status === "active" && r.intent === "order";
export const isMedicationOrder = (r: QmResource) => ["active", "completed"].includes(r.status ?? "") && ["order", "original-order", "reflex-order", "filler-order", "instance-order"].includes(r.intent ?? "");
export const isMedicationDispensed = (r: QmResource) => ["completed", "in-progress"].includes(r.status ?? "");
export const isImmunizationAdministered = (r: QmResource) => r.status === "completed";

/** Condition verification statuses that count (not refuted, not entered in error). */
export function isVerified(condition: QmResource): boolean {
  return condition.verificationStatus === null || ["confirmed", "unconfirmed", "provisional", "differential"].includes(condition.verificationStatus);
}

// ---- intervals ---------------------------------------------------------------------------------

export function periodSpan(period: MeasurementPeriod): Span {
  const lo = parseIsoDate(period.start);
  const hi = parseIsoDate(period.end);
  if (lo === null || hi === null || hi < lo) throw new Error("measurement period needs valid start ≤ end dates");
  return { lo, hi };
}
export const span = (lo: DayNumber, hi: DayNumber): Span => ({ lo, hi });
export const yearsBefore = (day: DayNumber, years: number) => addMonthsClamped(day, -12 * years);
export const yearsAfter = (day: DayNumber, years: number) => addMonthsClamped(day, 12 * years);

const finite = (n: number) => Number.isFinite(n);
/** `A during day of B`: A inside B; an unknown or unbounded end is not inside. */
export function during(a: Span | null, b: Span): boolean {
  return a !== null && !a.loUnknown && !a.hiUnknown && a.lo >= b.lo && a.hi <= b.hi;
}
/**
 * `A overlaps day of B`. An unknown end is at least A's start, so A overlaps when it starts inside B;
 * an unknown start is at most A's end.
 */
export function overlaps(a: Span | null, b: Span): boolean {
  if (a === null) return false;
  const startsBy = a.loUnknown ? a.hi >= b.lo && a.hi <= b.hi : a.lo <= b.hi;
  const endsFrom = a.hiUnknown ? a.lo >= b.lo : a.hi >= b.lo;
  return startsBy && endsFrom;
}
/** `A ends during day of B`. */
export const endsDuring = (a: Span | null, b: Span) => a !== null && !a.hiUnknown && finite(a.hi) && a.hi >= b.lo && a.hi <= b.hi;
/** `A starts during day of B`. */
export const startsDuring = (a: Span | null, b: Span) => a !== null && !a.loUnknown && finite(a.lo) && a.lo >= b.lo && a.lo <= b.hi;
/** `A ends on or before day of D`. */
export const endsOnOrBefore = (a: Span | null, day: DayNumber) => a !== null && !a.hiUnknown && finite(a.hi) && a.hi <= day;
/** `A starts on or before day of D` (an unbounded start counts: the condition was there from the first). */
export const startsOnOrBefore = (a: Span | null, day: DayNumber) => a !== null && !a.loUnknown && a.lo <= day;
/** QICoreCommon.latest(): the end when there is one, else the start. */
export function latest(a: Span | null): DayNumber | null {
  if (a === null) return null;
  if (!a.hiUnknown && finite(a.hi)) return a.hi;
  return !a.loUnknown && finite(a.lo) ? a.lo : null;
}
/** QICoreCommon.earliest(): the start when there is one, else the end. */
export function earliest(a: Span | null): DayNumber | null {
  if (a === null) return null;
  if (!a.loUnknown && finite(a.lo)) return a.lo;
  return !a.hiUnknown && finite(a.hi) ? a.hi : null;
}
/** `point during day of B`. */
export const dayIn = (day: DayNumber | null, b: Span) => day !== null && day >= b.lo && day <= b.hi;

/**
 * QICoreCommon.prevalenceInterval(): onset to abatement. An active (recurrence, relapse) condition
 * with no abatement is ongoing; any other with no abatement has an unknown end.
 */
export function prevalenceInterval(condition: QmResource): Span {
  const lo = condition.timing && !condition.timing.loUnknown ? condition.timing.lo : -Infinity;
  const abatementEnd = condition.abatement ? condition.abatement.hi : null;
  const end = abatementEnd !== null && finite(abatementEnd) ? abatementEnd : null;
  if (["active", "recurrence", "relapse"].includes(condition.clinicalStatus ?? "")) return { lo, hi: end ?? Infinity };
  return end === null ? { lo, hi: Infinity, hiUnknown: true } : { lo, hi: end };
}

export const ageInYearsAt = (facts: QmFacts, day: DayNumber) => computeAgeInYears(facts.birthDate, day);

export const describeDay = (day: DayNumber | null) => (day === null ? "an unknown date" : formatDay(day));

/**
 * A numerator that one record meets: says which (`what` on its day, taken by `day` from its timing)
 * or that there was none (`no <what> <missing>`), and answers whether it is met.
 */
export function numeratorMetBy(record: QmResource | undefined, what: string, day: (timing: Span | null) => DayNumber | null, reasons: string[], missing = "in the period"): boolean {
  reasons.push(record ? `Numerator: ${what} on ${describeDay(day(record.timing))}.` : `Numerator: no ${what} ${missing}.`);
  return record !== undefined;
}

// ---- populations ---------------------------------------------------------------------------------

/**
 * A proportion group as the MeasureReport counts it: the denominator is within the initial
 * population, exclusions apply to the denominator, the numerator counts only denominator members
 * not excluded, and an exception only those not excluded and not in the numerator.
 */
export function proportionGroup(input: {
  ip: boolean;
  denominator?: boolean;
  denex?: () => boolean;
  numer: () => boolean;
  denexcep?: () => boolean;
  numex?: () => boolean;
}): GroupPopulations {
  const ip = input.ip;
  const denom = ip && (input.denominator ?? true);
  const denex = denom && (input.denex?.() ?? false);
  const numer = denom && !denex && input.numer();
  const numex = numer && (input.numex?.() ?? false);
  const denexcep = denom && !denex && !numer && (input.denexcep?.() ?? false);
  const bit = (b: boolean) => (b ? 1 : 0) as 0 | 1;
  return {
    "initial-population": bit(ip),
    denominator: bit(denom),
    "denominator-exclusion": bit(denex),
    "denominator-exception": bit(denexcep),
    numerator: bit(numer),
    "numerator-exclusion": bit(numex),
  };
}
