import { describe, expect, test } from "vitest";
import { mapCondition } from "@/lib/fhir/to-domain/condition";
import { mapDiagnosticReport } from "@/lib/fhir/to-domain/diagnostic-report";
import { mapImmunization } from "@/lib/fhir/to-domain/immunization";
import { mapObservation } from "@/lib/fhir/to-domain/observation";
import { mapProcedure } from "@/lib/fhir/to-domain/procedure";
import type { PatientFacts } from "@/lib/fhir/to-domain/types";
import { evaluateScreenings, screeningPresetSchema, uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { buildScreeningFacts } from "./build-screening-facts";

/**
 * Coded records shaped the way Synthea's QI-Core export writes them (SNOMED procedures with
 * performedPeriod, LOINC observations and reports with category codings, CVX immunizations, instants
 * in UTC) go through the FHIR mappers, buildScreeningFacts and the preset, and set lastCompleted on
 * the clinic's calendar day.
 */
const preset = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset);
const sct = "http://snomed.info/sct";
const loinc = "http://loinc.org";
const subject = { reference: "urn:uuid:patient-1" };
const at = "2024-06-06T21:55:25+00:00";
const category = (code: string) => [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code }] }];

const procedure = (code: string, display: string) =>
  mapProcedure({ resourceType: "Procedure", id: `p-${code}`, status: "completed", subject, code: { coding: [{ system: sct, code, display }], text: display }, performedPeriod: { start: at, end: "2024-06-06T22:10:25+00:00" } }).value;
const observation = (code: string, cat: string, value: unknown) =>
  mapObservation({ resourceType: "Observation", id: `o-${code}`, status: "final", category: category(cat), subject, code: { coding: [{ system: loinc, code }] }, effectiveDateTime: at, issued: "2024-06-06T21:55:25.123+00:00", ...(value as object) }).value;
const report = (code: string) =>
  mapDiagnosticReport({ resourceType: "DiagnosticReport", id: `r-${code}`, status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "LAB" }] }], subject, code: { coding: [{ system: loinc, code }] }, effectiveDateTime: at, issued: at }).value;
const immunization = (code: string) =>
  mapImmunization({ resourceType: "Immunization", id: `i-${code}`, status: "completed", patient: subject, vaccineCode: { coding: [{ system: "http://hl7.org/fhir/sid/cvx", code }] }, occurrenceDateTime: at, primarySource: true }).value;
const diabetes = mapCondition({
  resourceType: "Condition", id: "c-diabetes", subject, onsetDateTime: "2015-03-01T10:00:00+00:00",
  clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
  verificationStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }] },
  category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "encounter-diagnosis" }] }],
  code: { coding: [{ system: sct, code: "44054006", display: "Diabetes mellitus type 2 (disorder)" }] },
}).value;
const bmi = observation("39156-5", "vital-signs", { valueQuantity: { value: 29.1, unit: "kg/m2" } });

type Records = { Condition?: unknown[]; Observation?: unknown[]; Procedure?: unknown[]; DiagnosticReport?: unknown[]; Immunization?: unknown[] };
function lastCompleted(sex: "female" | "male", birthDate: string, records: Records, typeKey: string) {
  const facts: PatientFacts = { ehrId: "patient-1", birthDate, sexForClinicalUse: sex, sexSource: "gender", administrativeGender: sex, deceased: false, deceasedDate: null, active: true };
  const built = buildScreeningFacts({
    facts, documents: [], timeZone: "America/New_York",
    records: { Condition: [], Observation: [], Procedure: [], DiagnosticReport: [], Immunization: [], ...records },
  });
  if (!built.ok) throw new Error(built.reason);
  const result = evaluateScreenings(built.facts, preset.types, { asOf: "2025-09-01" }).find((r) => r.screeningTypeKey === typeKey);
  return { status: result?.status, lastCompleted: result?.lastCompleted };
}

describe("Synthea-shaped coded records count end to end", () => {
  test.each<[string, "female" | "male", string, Records]>([
    ["breast-mammography", "female", "1970-05-07", { Procedure: [procedure("71651007", "Mammography (procedure)")] }],
    ["cervical-cytology", "female", "1989-09-27", { Procedure: [procedure("90226004", "Cytopathology procedure, preparation of smear, genital source (procedure)")] }],
    ["osteoporosis-dxa", "female", "1950-01-01", { Procedure: [procedure("312681000", "Bone density scan (procedure)")] }],
    ["osteoporosis-dxa", "female", "1950-01-01", { Observation: [observation("38265-5", "imaging", { valueQuantity: { value: -1.2, unit: "{T-score}" } })] }],
    ["hepatitis-c-screening", "female", "1997-04-12", { Procedure: [procedure("104375008", "Hepatitis C antibody, confirmatory test (procedure)")] }],
    ["hiv-screening", "female", "1997-04-12", { Procedure: [procedure("31676001", "Human immunodeficiency virus antigen test (procedure)")] }],
    ["depression-screening", "male", "1991-11-05", { Procedure: [procedure("171207006", "Depression screening (procedure)")] }],
    ["depression-screening", "male", "1991-11-05", { Observation: [observation("55758-7", "survey", { valueQuantity: { value: 1, unit: "{score}" } })] }],
    ["depression-screening", "male", "1991-11-05", { DiagnosticReport: [report("55757-9")] }],
    ["colorectal-colonoscopy", "male", "1964-05-30", { Procedure: [procedure("73761001", "Colonoscopy (procedure)")] }],
    ["colorectal-fit", "male", "1973-02-28", { Observation: [observation("57905-2", "laboratory", { valueCodeableConcept: { coding: [{ system: sct, code: "260385009" }] } })] }],
    ["lipid-panel", "female", "1970-05-07", { DiagnosticReport: [report("57698-3")] }],
    ["lipid-panel", "female", "1970-05-07", { Observation: [observation("2093-3", "laboratory", { valueQuantity: { value: 182, unit: "mg/dL" } })] }],
    ["diabetes-screening-a1c", "male", "1966-01-15", { Observation: [bmi, observation("4548-4", "laboratory", { valueQuantity: { value: 5.8, unit: "%" } })] }],
    ["diabetic-retinal-exam", "male", "1956-08-26", { Condition: [diabetes], Procedure: [procedure("722161008", "Diabetic retinal eye exam (procedure)")] }],
    ["diabetic-retinal-exam", "male", "1956-08-26", { Condition: [diabetes], Procedure: [procedure("314971001", "Camera fundoscopy (procedure)")] }],
    ["influenza-vaccine", "male", "1956-08-26", { Immunization: [immunization("140")] }],
  ])("%s (%s born %s) is done on the clinic day of the record", (typeKey, sex, birthDate, records) => {
    expect(lastCompleted(sex, birthDate, records, typeKey).lastCompleted).toBe("2024-06-06");
  });

  test("an HIV viral load is monitoring, not screening; known HIV infection excludes the screening", () => {
    const viralLoad = { Procedure: [procedure("315124004", "Human immunodeficiency virus viral load (procedure)")] };
    expect(lastCompleted("female", "1985-07-19", viralLoad, "hiv-screening")).toEqual({ status: "due", lastCompleted: null });
    const hiv = mapCondition({ ...(diabetes as object), resourceType: "Condition", id: "c-hiv", subject, code: { coding: [{ system: sct, code: "86406008" }] } }).value;
    expect(lastCompleted("female", "1985-07-19", { Condition: [hiv] }, "hiv-screening").status).toBe("excluded");
  });

  test("known diabetes coded in SNOMED excludes diabetes screening", () => {
    expect(lastCompleted("male", "1966-01-15", { Condition: [diabetes], Observation: [bmi] }, "diabetes-screening-a1c").status).toBe("excluded");
  });
});
