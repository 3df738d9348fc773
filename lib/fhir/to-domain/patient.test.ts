import { describe, expect, it } from "vitest";
import epicPatient from "../fixtures/patient-epic.json";
import legalSexOnly from "../fixtures/patient-legal-sex-only.json";
import { mapPatientFacts, mapPatientIdentity } from "./patient";

const sexExt = (url: string, code: string) => ({ url, valueCodeableConcept: { coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.10.698084.130.657370.19999000", code }] } });
const epic = (name: string) => `http://open.epic.com/FHIR/StructureDefinition/extension/${name}`;

describe("mapPatientFacts", () => {
  it("maps the Epic fixture without names or identifiers", () => {
    const { value, issues } = mapPatientFacts(epicPatient);
    expect(issues).toEqual([]);
    expect(value).toEqual({
      ehrId: "eFx7Qm0rT1Rk8pVw2YzA9Bc3",
      birthDate: "1971-05-09",
      sexForClinicalUse: "female",
      sexSource: "sex-for-clinical-use",
      administrativeGender: "female",
      deceased: false,
      deceasedDate: null,
      active: true,
    });
    expect(JSON.stringify(value)).not.toMatch(/Fixture|MRN|555-/);
  });

  it("normalises a deceased dateTime to UTC and infers deceased", () => {
    const { value } = mapPatientFacts(legalSexOnly);
    expect(value).toMatchObject({ sexForClinicalUse: "male", sexSource: "legal-sex", deceased: true, deceasedDate: "2026-10-01T13:30:00.000Z" });
  });

  it.each([
    ["Epic sex-for-clinical-use wins over gender", { gender: "male", extension: [sexExt(epic("sex-for-clinical-use"), "female")] }, "female", "sex-for-clinical-use"],
    ["HL7 sexParameterForClinicalUse (nested value)", { gender: "female", extension: [{ url: "http://hl7.org/fhir/StructureDefinition/patient-sexParameterForClinicalUse", extension: [{ url: "value", valueCodeableConcept: { coding: [{ code: "male-typical" }] } }] }] }, "male", "sex-for-clinical-use"],
    ["US Core birth sex valueCode", { gender: "male", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", valueCode: "F" }] }, "female", "birth-sex"],
    ["unknown clinical-use falls through to legal sex", { extension: [sexExt(epic("sex-for-clinical-use"), "unknown"), sexExt(epic("legal-sex"), "male")] }, "male", "legal-sex"],
    ["gender only", { gender: "female" }, "female", "gender"],
    ["gender other", { gender: "other" }, "other", "gender"],
    ["nothing", {}, "unknown", null],
    ["junk extension values", { extension: [{ url: epic("sex-for-clinical-use"), valueCodeableConcept: "female" }, 7, null] }, "unknown", null],
  ])("%s", (_name, extra, sex, source) => {
    const { value } = mapPatientFacts({ resourceType: "Patient", id: "p", ...extra });
    expect(value?.sexForClinicalUse).toBe(sex);
    expect(value?.sexSource).toBe(source);
  });

  it.each([
    ["partial date kept", "1971-05", "1971-05", []],
    ["year only kept", "1971", "1971", []],
    ["impossible date flagged", "1971-02-30", null, [{ path: "birthDate", problem: "invalid" }]],
    ["datetime is not a birth date format but normalises", "1971-05-09T00:00:00Z", "1971-05-09T00:00:00.000Z", []],
    ["number flagged", 19710509, null, [{ path: "birthDate", problem: "invalid" }]],
  ])("birthDate: %s", (_name, birthDate, expected, issues) => {
    const result = mapPatientFacts({ resourceType: "Patient", id: "p", birthDate });
    expect(result.value?.birthDate).toBe(expected);
    expect(result.issues).toEqual(issues);
  });

  it.each([
    ["not an object", "Patient", [{ path: "resourceType", problem: "invalid" }]],
    ["wrong type", { resourceType: "Practitioner", id: "x" }, [{ path: "resourceType", problem: "invalid" }]],
    ["no id", { resourceType: "Patient" }, [{ path: "id", problem: "missing" }]],
  ])("skips %s", (_name, input, issues) => {
    expect(mapPatientFacts(input)).toEqual({ value: null, issues });
  });
});

describe("mapPatientIdentity", () => {
  it("keeps every name and identifier for display", () => {
    const { value } = mapPatientIdentity(epicPatient);
    expect(value?.names).toEqual([
      { use: "official", text: "Ada Q Fixture", family: "Fixture", given: ["Ada", "Q"] },
      { use: "usual", text: "Addie Fixture", family: "Fixture", given: ["Addie"] },
    ]);
    expect(value?.identifiers).toHaveLength(8);
    expect(value?.identifiers).toContainEqual({ system: "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14", value: "MRN-000123", type: "EPI", use: "usual" });
  });
});
