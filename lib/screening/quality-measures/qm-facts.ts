import type { Coding } from "../code-set";
import type { DayNumber } from "../calendar-date";

/**
 * What quality-measure mode reads about a patient: QI-Core resources reduced to the fields eCQM logic
 * tests (codes, status, intent, timing, values, negation), with dates as calendar days.
 *
 * A Span is a CQL Interval<DateTime> at day precision. `lo`/`hi` are inclusive days; -Infinity /
 * +Infinity stand for an unbounded side (CQL's closed null boundary: an ongoing condition, a visit
 * with no end); `hiUnknown`/`loUnknown` mark a side that is not known (CQL's open null boundary: a
 * resolved condition with no abatement date), which makes comparisons on that side uncertain.
 */
export type Span = { lo: number; hi: number; loUnknown?: boolean; hiUnknown?: boolean };

export type QmValue = {
  /** Quantity, integer or decimal value. */
  number: number | null;
  unit: string | null;
  /** Quantity.code when its system is UCUM or absent: the computable unit CQL compares (FHIRHelpers.ToQuantity). */
  ucumCode?: string | null;
  /** CodeableConcept value. */
  codes: Coding[];
  /** A value of any type is present (CQL `value is not null`). */
  present: boolean;
};

export type QmComponent = { codes: Coding[]; value: QmValue };

export type QmResourceType =
  | "Encounter"
  | "Condition"
  | "Procedure"
  | "Observation"
  | "DiagnosticReport"
  | "ServiceRequest"
  | "DeviceRequest"
  | "MedicationRequest"
  | "MedicationDispense"
  | "MedicationAdministration"
  | "Immunization"
  | "AllergyIntolerance"
  | "Coverage"
  | "Task";

export type QmResource = {
  id: string;
  resourceType: QmResourceType;
  /** code; Encounter.type; medication (resolved through a Medication reference); Immunization.vaccineCode. */
  codes: Coding[];
  status: string | null;
  intent: string | null;
  category: Coding[];
  /** ServiceRequest/MedicationRequest.doNotPerform or the QI-Core doNotPerform modifier extension. */
  doNotPerform: boolean;
  /** effective / performed / Encounter.period / onset / occurrence as a span (null when absent). */
  timing: Span | null;
  authoredOn: DayNumber | null;
  /** Observation.issued, Condition.recordedDate. */
  recorded: DayNumber | null;
  value: QmValue;
  components: QmComponent[];
  /** Condition: clinicalStatus / verificationStatus codes; abatement span. */
  clinicalStatus: string | null;
  verificationStatus: string | null;
  abatement: Span | null;
  /** Encounter.class code (AMB, IMP, VR…), hospitalization.dischargeDisposition. */
  classCode: string | null;
  dischargeDisposition: Coding[];
  /** Encounter.diagnosis condition ids; reasonReference ids (any resource). */
  diagnosisIds: string[];
  reasonCodes: Coding[];
  reasonIds: string[];
  /** statusReason / notDoneReason: why something was not done. */
  statusReason: Coding[];
  /** MedicationRequest: the CQL medicationRequestPeriod (authoredOn + days supplied × refills). */
  medicationPeriod: Span | null;
  /** Observation/Procedure/etc. `encounter` reference id (CMS165 drops readings taken in acute encounters). */
  encounterId: string | null;
  /** bodySite codes (Condition, Procedure, Observation): laterality such as SNOMED Right / Left. */
  bodySite: Coding[];
  /** Task.focus reference ids (CMS138: a rejected fulfilment Task cancels the medication order it points at). */
  focusIds: string[];
};

export type QmFacts = {
  birthDate: DayNumber;
  sex: "female" | "male" | "other" | "unknown";
  /** Patient.deceasedDateTime as a day; null when alive or only deceasedBoolean (CQL `Patient.deceased` as a date). */
  deceased: DayNumber | null;
  /** US Core race extension: ombCategory and detailed codings (SDE Race codes). */
  race: Coding[];
  /** CQL `Patient.sex` in QI-Core 6: the US Core sex extension's code (SNOMED 248152002 female), null when absent. */
  sexCode: string | null;
  resources: QmResource[];
  /** Resources by id, for Encounter.diagnosis and reasonReference. */
  byId: ReadonlyMap<string, QmResource>;
};

export type MeasurementPeriod = { start: string; end: string };

export const populationCodes = ["initial-population", "denominator", "denominator-exclusion", "denominator-exception", "numerator", "numerator-exclusion"] as const;
export type PopulationCode = (typeof populationCodes)[number];
export type GroupPopulations = Record<PopulationCode, 0 | 1>;

export type QualityMeasureResult = {
  measure: string;
  version: string;
  /** One entry per measure group (CMS138 has three), populations as the MeasureReport counts them. */
  groups: GroupPopulations[];
  /** Of the first group: met, a gap, excluded / excepted, or not in the initial population. */
  status: "met" | "not_met" | "excluded" | "not_in_population";
  reasons: string[];
  gapAction: string | null;
};
