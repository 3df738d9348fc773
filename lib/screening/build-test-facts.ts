import { patientFactsSchema, type PatientFacts } from "./patient-facts";
import { screeningTypeSchema, type ScreeningType, type ScreeningTypeInput } from "./screening-type";

/**
 * Builders for the table tests beside this module. Synthetic data only; every fact passes the same
 * zod schemas the boundary uses, so tests exercise real defaults. Input is loosely typed on purpose:
 * the schema, not the compiler, checks table rows.
 */
export type LooseFactsInput = Record<string, unknown>;

export function buildFacts(input: LooseFactsInput = {}): PatientFacts {
  const patient = typeof input.patient === "object" && input.patient !== null ? input.patient : {};
  return patientFactsSchema.parse({
    ...input,
    patient: { birthDate: "1970-06-15", sexForClinicalUse: "female", ...patient },
  });
}

export function buildType(input: Partial<ScreeningTypeInput> = {}): ScreeningType {
  return screeningTypeSchema.parse({
    key: "test-screening",
    version: 1,
    name: "Test screening",
    frequency: { kind: "interval", value: 1, unit: "years" },
    ...input,
  });
}

export const loinc = (code: string, display?: string) => ({ system: "http://loinc.org", code, display });
export const snomed = (code: string, display?: string) => ({ system: "http://snomed.info/sct", code, display });
export const cpt = (code: string, display?: string) => ({ system: "http://www.ama-assn.org/go/cpt", code, display });
export const icd10 = (code: string, display?: string) => ({ system: "http://hl7.org/fhir/sid/icd-10-cm", code, display });
export const cvx = (code: string, display?: string) => ({ system: "http://hl7.org/fhir/sid/cvx", code, display });
