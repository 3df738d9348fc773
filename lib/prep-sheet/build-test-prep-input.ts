import type { SelectedScreeningResult } from "@/lib/screening";
import type {
  DomainCondition, DomainConcept, DomainEncounter, DomainImmunization, DomainObservation,
} from "@/lib/fhir/to-domain/types";
import type { BuildPrepSheetInput } from "./build-prep-sheet";

/** Builders for the tests beside this module. Synthetic people and data only. */
export const concept = (text: string, code?: string, system = "http://loinc.org"): DomainConcept => ({
  text, codings: code ? [{ system, code, display: text, kind: "loinc" }] : [],
});

export function buildObservation(input: Partial<DomainObservation> & { ehrId: string }): DomainObservation {
  return {
    patientId: "eP1", encounterId: null, status: "final", categories: ["laboratory"], code: concept("Hemoglobin A1c", "4548-4"),
    value: { kind: "quantity", value: 6.1, unit: "%", code: "%", comparator: null }, dataAbsentReason: null, components: [],
    referenceRanges: [{ low: { value: 4, unit: "%", code: null, comparator: null }, high: { value: 5.6, unit: "%", code: null, comparator: null }, text: null }],
    interpretation: { concepts: [], abnormal: null }, effective: "2026-01-10", effectiveEnd: null, issued: null, ...input,
  };
}

export function buildScreening(input: Partial<SelectedScreeningResult> & { screeningTypeKey: string }): SelectedScreeningResult {
  return {
    screeningTypeVersion: 1, name: input.screeningTypeKey, family: null, status: "due", provisionalStatus: input.status ?? "due",
    lastCompleted: null, nextDue: null, dueSoonFrom: null, overdueFrom: null, evidence: [], reasons: ["No record found."],
    selection: "standalone", supersededBy: null, ...input,
  };
}

export function buildCondition(input: Partial<DomainCondition> & { ehrId: string }): DomainCondition {
  return {
    patientId: "eP1", encounterId: null, code: concept("Type 2 diabetes mellitus"), icd10Codes: ["E11.9"], snomedCodes: [],
    categories: ["problem-list-item"], clinicalStatus: "active", verificationStatus: "confirmed", onset: "2019-04-02", abatement: null, recordedDate: null, ...input,
  };
}

export function buildEncounter(input: Partial<DomainEncounter> & { ehrId: string }): DomainEncounter {
  return {
    patientId: "eP1", status: "finished", classCode: "AMB", types: [concept("Office visit")], serviceType: null,
    periodStart: "2025-11-04T15:00:00Z", periodEnd: null, practitionerIds: [], locationIds: [], appointmentIds: [], ...input,
  };
}

export function buildImmunization(input: Partial<DomainImmunization> & { ehrId: string }): DomainImmunization {
  return { patientId: "eP1", encounterId: null, status: "completed", vaccineCode: concept("Influenza vaccine"), cvx: "158", occurrence: "2025-10-01", primarySource: true, ...input };
}

export function buildPrepInput(input: Partial<BuildPrepSheetInput> = {}): BuildPrepSheetInput {
  return {
    prepSheetId: "7d0c7e9e-9f5c-4d55-9a57-0f3f1d0b8a11",
    generatedAt: "2026-03-02T23:15:00Z",
    asOf: "2026-03-03",
    clinic: { name: "Riverside Family Medicine", timeZone: "America/New_York" },
    clinicSettings: { showMrn: false, mrnSystems: ["urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14"] },
    patient: { ehrId: "eP1", birthDate: "1961-03-03", sexForClinicalUse: "female", sexSource: "legal-sex", administrativeGender: "female", deceased: false, deceasedDate: null, active: true },
    identity: {
      ehrId: "eP1",
      names: [{ use: "official", text: null, family: "Testpatient", given: ["Zoë", "Ann"] }],
      identifiers: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14", value: "MRN-204711", type: "MRN", use: "usual" }],
    },
    appointment: {
      ehrId: "eA1", status: "booked", start: "2026-03-03T14:30:00Z", end: null, minutesDuration: 30, patientIds: ["eP1"],
      practitionerIds: ["ePr1"], locationIds: [], encounterId: "eE-today", serviceTypes: [], appointmentType: concept("Annual wellness visit"),
    },
    provider: { displayName: "Dr. Rivera" },
    screenings: [
      buildScreening({ screeningTypeKey: "colorectal", name: "Colorectal cancer screening", status: "due", reasons: ["No record found."] }),
      buildScreening({ screeningTypeKey: "mammogram", name: "Breast cancer screening", status: "complete", lastCompleted: "2025-06-01", nextDue: "2027-06-01", reasons: ["Mammogram on 2025-06-01."] }),
    ],
    observations: [buildObservation({ ehrId: "o1" })],
    conditions: [buildCondition({ ehrId: "c1" })],
    immunizations: [buildImmunization({ ehrId: "i1" })],
    encounters: [buildEncounter({ ehrId: "e-last" })],
    documents: [{ id: "d1", category: "imaging", serviceDate: "2025-06-01", title: "Screening mammogram", filename: null }],
    ...input,
  };
}

/**
 * A patient with years of history: `labCount` results of as many different tests (each flagged high,
 * as the default value is above its range), enough rows to push the PDF over several pages.
 */
export function buildLongHistoryInput(labCount: number): BuildPrepSheetInput {
  const observations = Array.from({ length: labCount }, (_, i) =>
    buildObservation({ ehrId: `lab-${String(i).padStart(4, "0")}`, code: concept(`Basic metabolic panel analyte ${i}`), effective: `2026-0${1 + (i % 2)}-${String(1 + (i % 28)).padStart(2, "0")}` }),
  );
  return buildPrepInput({ observations });
}
