import type { ClinicalSex, Mapped, PatientFacts, PatientIdentity, SexSource } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { readConcept } from "./read-concept";
import { asBoolean, asRecord, asRecords, asString, asStrings, type JsonRecord } from "./read-json";
import { dateField, mapResource } from "./map-resource";

const sexExtensions: { source: SexSource; urls: readonly string[] }[] = [
  {
    source: "sex-for-clinical-use",
    urls: [
      "http://open.epic.com/FHIR/StructureDefinition/extension/sex-for-clinical-use",
      "http://hl7.org/fhir/StructureDefinition/patient-sexParameterForClinicalUse",
    ],
  },
  { source: "birth-sex", urls: ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex"] },
  {
    source: "legal-sex",
    urls: ["http://open.epic.com/FHIR/StructureDefinition/extension/legal-sex", "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex"],
  },
];

const femaleCodes = new Set(["female", "f", "female-typical", "248152002"]);
const maleCodes = new Set(["male", "m", "male-typical", "248153007"]);
const otherCodes = new Set(["other", "oth", "specified"]);

function toClinicalSex(code: string | null): ClinicalSex | null {
  if (code === null) return null;
  const key = code.trim().toLowerCase();
  if (femaleCodes.has(key)) return "female";
  if (maleCodes.has(key)) return "male";
  if (otherCodes.has(key)) return "other";
  return key === "unknown" || key === "unk" || key === "asked-declined" ? "unknown" : null;
}

/** The codes an extension carries: valueCode, valueCoding, valueCodeableConcept, or a nested `value` extension. */
function extensionCodes(extension: JsonRecord): string[] {
  const direct = asString(extension.valueCode);
  if (direct !== null) return [direct];
  const coding = asString(asRecord(extension.valueCoding)?.code);
  if (coding !== null) return [coding];
  const concept = readConcept(extension.valueCodeableConcept);
  if (concept.codings.length > 0) return concept.codings.flatMap((c) => c.code ?? []);
  // HL7 sexParameterForClinicalUse nests the concept in a sub-extension named "value".
  return asRecords(extension.extension)
    .filter((sub) => sub.url === "value")
    .flatMap(extensionCodes);
}

function clinicalSex(resource: JsonRecord): { sex: ClinicalSex; source: SexSource | null } {
  const extensions = asRecords(resource.extension);
  for (const { source, urls } of sexExtensions) {
    for (const extension of extensions.filter((e) => typeof e.url === "string" && urls.includes(e.url))) {
      for (const code of extensionCodes(extension)) {
        const sex = toClinicalSex(code);
        if (sex !== null && sex !== "unknown") return { sex, source };
      }
    }
  }
  const gender = toClinicalSex(asString(resource.gender));
  return gender === null ? { sex: "unknown", source: null } : { sex: gender, source: "gender" };
}

/**
 * Map a Patient to the facts screening needs (birth date, sex for clinical use from Epic's
 * extensions, falling back to administrative gender) and nothing that names the patient.
 */
export function mapPatientFacts(input: unknown): Mapped<PatientFacts> {
  return mapResource(input, "Patient", (resource, id, issues) => {
    const { sex, source } = clinicalSex(resource);
    const deceasedDate = dateField(issues, "deceasedDateTime", resource.deceasedDateTime, normalizeFhirDate);
    const deceasedFlag = asBoolean(resource.deceasedBoolean);
    return {
      ehrId: id,
      birthDate: dateField(issues, "birthDate", resource.birthDate, normalizeFhirDate),
      sexForClinicalUse: sex,
      sexSource: source,
      administrativeGender: asString(resource.gender),
      deceased: deceasedDate !== null ? true : deceasedFlag,
      deceasedDate,
      active: asBoolean(resource.active),
    };
  });
}

/** Map a Patient's names and identifiers (MRN, Epic ids) for display; keep out of stored facts. */
export function mapPatientIdentity(input: unknown): Mapped<PatientIdentity> {
  return mapResource(input, "Patient", (resource, id) => {
    const names = asRecords(resource.name).map((name) => ({
      use: asString(name.use),
      text: asString(name.text),
      family: asString(name.family),
      given: asStrings(name.given),
    }));
    const identifiers = asRecords(resource.identifier).flatMap((identifier) => {
      const value = asString(identifier.value);
      if (value === null) return [];
      const type = readConcept(identifier.type);
      return [{ system: asString(identifier.system), value, type: type.text ?? type.codings[0]?.code ?? null, use: asString(identifier.use) }];
    });
    return { ehrId: id, names, identifiers };
  });
}
