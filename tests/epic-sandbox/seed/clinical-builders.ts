import type {
  AllergyIntolerance, CodeableConcept, Condition, Immunization, MedicationRequest, Observation, Patient, Procedure, Reference,
} from "@medplum/fhirtypes";

type PatientRef = Reference<Patient>;

const loinc = "http://loinc.org";
const snomed = "http://snomed.info/sct";
const obsCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
const interpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

const concept = (system: string, code: string, display: string): CodeableConcept => ({ coding: [{ system, code, display }], text: display });

export interface LabSpec {
  loinc: string;
  display: string;
  value: number;
  unit: string;
  low?: number;
  high?: number;
}

/** A laboratory result with reference range and an interpretation computed from it (H/L/N). */
export function lab(id: string, subject: PatientRef, when: string, spec: LabSpec): Observation {
  const flag = spec.high !== undefined && spec.value > spec.high ? "H" : spec.low !== undefined && spec.value < spec.low ? "L" : "N";
  const label = { H: "High", L: "Low", N: "Normal" }[flag];
  return {
    resourceType: "Observation",
    id,
    status: "final",
    category: [{ coding: [{ system: obsCategory, code: "laboratory", display: "Laboratory" }], text: "Laboratory" }],
    code: concept(loinc, spec.loinc, spec.display),
    subject,
    effectiveDateTime: when,
    issued: when,
    valueQuantity: { value: spec.value, unit: spec.unit, system: "http://unitsofmeasure.org", code: spec.unit },
    referenceRange: [{
      ...(spec.low !== undefined ? { low: { value: spec.low, unit: spec.unit } } : {}),
      ...(spec.high !== undefined ? { high: { value: spec.high, unit: spec.unit } } : {}),
    }],
    interpretation: [{ coding: [{ system: interpretationSystem, code: flag, display: label }], text: label }],
  };
}

/** Vital signs: blood pressure as a panel with components, the rest as single quantities. */
export function vitals(idPrefix: string, subject: PatientRef, when: string, v: { sys: number; dia: number; kg: number; bmi: number }): Observation[] {
  const category = [{ coding: [{ system: obsCategory, code: "vital-signs", display: "Vital Signs" }], text: "Vital Signs" }];
  const base = { resourceType: "Observation" as const, status: "final" as const, category, subject, effectiveDateTime: when, issued: when };
  const q = (value: number, unit: string) => ({ value, unit, system: "http://unitsofmeasure.org", code: unit });
  return [
    {
      ...base, id: `${idPrefix}.bp`, code: concept(loinc, "85354-9", "Blood pressure panel"),
      component: [
        { code: concept(loinc, "8480-6", "Systolic blood pressure"), valueQuantity: q(v.sys, "mm[Hg]") },
        { code: concept(loinc, "8462-4", "Diastolic blood pressure"), valueQuantity: q(v.dia, "mm[Hg]") },
      ],
    },
    { ...base, id: `${idPrefix}.wt`, code: concept(loinc, "29463-7", "Body weight"), valueQuantity: q(v.kg, "kg") },
    { ...base, id: `${idPrefix}.bmi`, code: concept(loinc, "39156-5", "Body mass index"), valueQuantity: q(v.bmi, "kg/m2") },
  ];
}

export function smokingStatus(id: string, subject: PatientRef, when: string, snomedCode: string, display: string): Observation {
  return {
    resourceType: "Observation", id, status: "final", subject, effectiveDateTime: when,
    category: [{ coding: [{ system: obsCategory, code: "social-history", display: "Social History" }] }],
    code: concept(loinc, "72166-2", "Tobacco smoking status"),
    valueCodeableConcept: concept(snomed, snomedCode, display),
  };
}

export interface ConditionSpec {
  icd10: string;
  snomed: string;
  display: string;
  onset: string;
  category?: "problem-list-item" | "encounter-diagnosis" | "health-concern";
  resolved?: boolean;
}

export function condition(id: string, subject: PatientRef, spec: ConditionSpec): Condition {
  const category = spec.category ?? "problem-list-item";
  return {
    resourceType: "Condition",
    id,
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: spec.resolved ? "resolved" : "active" }] },
    verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
    category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: category }] }],
    code: {
      coding: [
        { system: "http://hl7.org/fhir/sid/icd-10-cm", code: spec.icd10, display: spec.display },
        { system: snomed, code: spec.snomed, display: spec.display },
      ],
      text: spec.display,
    },
    subject,
    onsetDateTime: spec.onset,
    recordedDate: spec.onset,
  };
}

export function procedure(id: string, subject: PatientRef, when: string, p: { cpt: string; snomed: string; display: string }): Procedure {
  return {
    resourceType: "Procedure",
    id,
    status: "completed",
    code: {
      coding: [
        { system: "http://www.ama-assn.org/go/cpt", code: p.cpt, display: p.display },
        { system: snomed, code: p.snomed, display: p.display },
      ],
      text: p.display,
    },
    subject,
    performedDateTime: when,
  };
}

export function immunization(id: string, patient: PatientRef, when: string, cvx: string, display: string): Immunization {
  return {
    resourceType: "Immunization",
    id,
    status: "completed",
    vaccineCode: { coding: [{ system: "http://hl7.org/fhir/sid/cvx", code: cvx, display }], text: display },
    patient,
    occurrenceDateTime: when,
    primarySource: true,
  };
}

export function medication(id: string, subject: PatientRef, authoredOn: string, rxnorm: string, display: string): MedicationRequest {
  return {
    resourceType: "MedicationRequest", id, status: "active", intent: "order", subject, authoredOn,
    medicationCodeableConcept: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: rxnorm, display }], text: display },
  };
}

export function allergy(id: string, patient: PatientRef, recorded: string, rxnorm: string, display: string): AllergyIntolerance {
  return {
    resourceType: "AllergyIntolerance", id, patient, recordedDate: recorded, type: "allergy", category: ["medication"],
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", code: "active" }] },
    verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", code: "confirmed" }] },
    code: { coding: [{ system: "http://www.nlm.nih.gov/research/umls/rxnorm", code: rxnorm, display }], text: display },
    reaction: [{ manifestation: [{ text: "Hives" }], severity: "moderate" }],
  };
}
