/** Date-only FHIR values stay `YYYY[-MM[-DD]]`; anything with a time is an ISO UTC instant (`…Z`). */
export type FhirDateValue = string;

/** Something odd in the input that the mapper skipped or repaired. Paths only, never values. */
export interface MapIssue {
  path: string;
  problem: "missing" | "invalid" | "unsupported";
}

/**
 * A mapper's answer: `value` is null when the input is not a usable resource of that type. Absent
 * scalars are `null` and absent lists `[]`, so values are JSON-stable.
 */
export interface Mapped<T> {
  value: T | null;
  issues: MapIssue[];
}

export type CodeSystemKind = "icd10cm" | "icd9cm" | "snomed" | "loinc" | "cvx" | "cpt" | "rxnorm" | "epic" | "other";

export interface DomainCoding {
  system: string | null;
  code: string | null;
  display: string | null;
  kind: CodeSystemKind;
}

export interface DomainConcept {
  codings: DomainCoding[];
  text: string | null;
}

export type ClinicalSex = "female" | "male" | "other" | "unknown";
export type SexSource = "sex-for-clinical-use" | "birth-sex" | "legal-sex" | "gender";

/** What screening needs about a patient: no names, identifiers or contact details. */
export interface PatientFacts {
  ehrId: string;
  birthDate: FhirDateValue | null;
  sexForClinicalUse: ClinicalSex;
  sexSource: SexSource | null;
  administrativeGender: string | null;
  deceased: boolean | null;
  deceasedDate: FhirDateValue | null;
  active: boolean | null;
}

/** Display-only demographics, fetched on demand and kept apart so callers can avoid storing them. */
export interface PatientIdentity {
  ehrId: string;
  names: { use: string | null; text: string | null; family: string | null; given: string[] }[];
  identifiers: { system: string | null; value: string; type: string | null; use: string | null }[];
}

/** What every clinical record of a patient carries: its Epic id, its patient and encounter. */
export interface PatientRecordRefs {
  ehrId: string;
  patientId: string | null;
  encounterId: string | null;
}

/** A coded clinical event (observation, procedure, report): what it is, its status and categories. */
export interface CodedClinicalRecord extends PatientRecordRefs {
  status: string | null;
  code: DomainConcept;
  categories: string[];
}

export interface DomainCondition extends PatientRecordRefs {
  code: DomainConcept;
  icd10Codes: string[];
  snomedCodes: string[];
  categories: string[];
  clinicalStatus: string | null;
  verificationStatus: string | null;
  onset: FhirDateValue | null;
  abatement: FhirDateValue | null;
  recordedDate: FhirDateValue | null;
}

export interface DomainQuantity {
  value: number | null;
  unit: string | null;
  code: string | null;
  comparator: string | null;
}

export type ObservationValue =
  | ({ kind: "quantity" } & DomainQuantity)
  | { kind: "concept"; concept: DomainConcept }
  | { kind: "string"; text: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "integer"; value: number }
  | { kind: "datetime"; value: FhirDateValue };

export interface ReferenceRange {
  low: DomainQuantity | null;
  high: DomainQuantity | null;
  text: string | null;
}

export interface Interpretation {
  concepts: DomainConcept[];
  /** true for H/L/A/critical codes, false for N, null when absent or unrecognised. */
  abnormal: boolean | null;
}

export interface DomainObservation extends CodedClinicalRecord {
  value: ObservationValue | null;
  dataAbsentReason: string | null;
  components: { code: DomainConcept; value: ObservationValue | null; interpretation: Interpretation }[];
  referenceRanges: ReferenceRange[];
  interpretation: Interpretation;
  effective: FhirDateValue | null;
  effectiveEnd: FhirDateValue | null;
  issued: FhirDateValue | null;
}

export interface DomainProcedure extends CodedClinicalRecord {
  performed: FhirDateValue | null;
  performedEnd: FhirDateValue | null;
}

export interface DomainAttachment {
  contentType: string | null;
  url: string | null;
  /** The Binary id when `url` points at a Binary (`Binary/<id>` or absolute). */
  binaryId: string | null;
  size: number | null;
  title: string | null;
  hash: string | null;
  creation: FhirDateValue | null;
  data: string | null; // inline base64 (Care Everywhere, other EHRs) instead of a Binary
  hasData: boolean;
  format: string | null;
}

export interface DomainDiagnosticReport extends CodedClinicalRecord {
  effective: FhirDateValue | null;
  issued: FhirDateValue | null;
  resultIds: string[];
  conclusion: string | null;
  presentedForm: DomainAttachment[];
}

export interface DomainDocumentReference {
  ehrId: string;
  patientId: string | null;
  encounterIds: string[];
  status: string | null;
  docStatus: string | null;
  type: DomainConcept;
  categories: DomainConcept[];
  date: FhirDateValue | null;
  periodStart: FhirDateValue | null;
  identifiers: { system: string | null; value: string }[];
  authorIds: string[];
  description: string | null;
  contents: DomainAttachment[];
}

export interface DomainAppointment {
  ehrId: string;
  status: string | null;
  start: FhirDateValue | null;
  end: FhirDateValue | null;
  minutesDuration: number | null;
  patientIds: string[];
  practitionerIds: string[];
  locationIds: string[];
  encounterId: string | null;
  serviceTypes: DomainConcept[];
  appointmentType: DomainConcept | null;
}

export interface DomainEncounter {
  ehrId: string;
  patientId: string | null;
  status: string | null;
  classCode: string | null;
  types: DomainConcept[];
  serviceType: DomainConcept | null;
  periodStart: FhirDateValue | null;
  periodEnd: FhirDateValue | null;
  practitionerIds: string[];
  locationIds: string[];
  appointmentIds: string[];
}

export interface DomainImmunization extends PatientRecordRefs {
  status: string | null;
  vaccineCode: DomainConcept;
  cvx: string | null;
  occurrence: FhirDateValue | null;
  primarySource: boolean | null;
}
