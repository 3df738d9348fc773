import { describe, expect, test } from "vitest";
import { codeSetSchema, matchCodeSet, normalizeCode, normalizeCodeSystem } from "./code-set";

const set = codeSetSchema.parse({
  LOINC: ["4548-4"],
  SNOMED: ["73761001"],
  CPT: ["45378"],
  HCPCS: ["G0121"],
  CVX: ["09", "115"],
  ICD10CM: ["E11", "Z90.710"],
});

describe("code systems", () => {
  test.each([
    ["http://loinc.org", "LOINC"], ["LOINC", "LOINC"], ["http://snomed.info/sct", "SNOMED"],
    ["http://www.ama-assn.org/go/cpt", "CPT"], ["urn:oid:2.16.840.1.113883.6.285", "HCPCS"],
    ["http://hl7.org/fhir/sid/cvx", "CVX"], ["http://hl7.org/fhir/sid/icd-10-cm", "ICD10CM"],
    [" ICD-10-CM ", "ICD10CM"], ["urn:oid:1.2.840.114350.1.13.0.1.7.2.696580", null], ["http://hl7.org/fhir/sid/icd-9-cm", null],
  ])("%s → %s", (system, expected) => {
    expect(normalizeCodeSystem(system)).toBe(expected);
  });

  test.each([
    ["ICD10CM", "z90.710", "Z90710"], ["CVX", "08", "8"], ["CVX", "115", "115"], ["HCPCS", " g0121 ", "G0121"],
  ] as const)("normalizeCode(%s, %s) = %s", (system, code, expected) => {
    expect(normalizeCode(system, code)).toBe(expected);
  });
});

describe("matchCodeSet", () => {
  test.each([
    ["http://loinc.org", "4548-4", true],
    ["http://loinc.org", "4548-5", false],
    ["http://snomed.info/sct", "73761001", true],
    ["http://www.ama-assn.org/go/cpt", "45378", true],
    ["urn:oid:2.16.840.1.113883.6.285", "45378", true],
    ["http://www.ama-assn.org/go/cpt", "G0121", true],
    ["http://hl7.org/fhir/sid/cvx", "9", true],
    ["http://hl7.org/fhir/sid/cvx", "009", true],
    ["http://hl7.org/fhir/sid/icd-10-cm", "E11.9", true],
    ["http://hl7.org/fhir/sid/icd-10-cm", "E119", true],
    ["http://hl7.org/fhir/sid/icd-10-cm", "E10.9", false],
    ["http://hl7.org/fhir/sid/icd-10-cm", "Z90.710", true],
    ["http://hl7.org/fhir/sid/icd-10-cm", "Z90.711", false],
    ["http://snomed.info/sct", "4548-4", false],
    ["urn:epic:local", "45378", false],
    ["http://loinc.org", "", false],
  ])("%s|%s matches=%s", (system, code, expected) => {
    expect(matchCodeSet(set, [{ system, code }]) !== null).toBe(expected);
  });

  test("the chosen coding does not depend on coding order", () => {
    const codings = [
      { system: "http://www.ama-assn.org/go/cpt", code: "45378", display: "Colonoscopy" },
      { system: "http://snomed.info/sct", code: "73761001", display: "Colonoscopy" },
    ];
    expect(matchCodeSet(set, codings)).toEqual(matchCodeSet(set, [...codings].reverse()));
    expect(matchCodeSet(set, codings)?.system).toBe("CPT");
  });

  test("an empty set matches nothing", () => {
    expect(matchCodeSet(codeSetSchema.parse({}), [{ system: "http://loinc.org", code: "4548-4" }])).toBeNull();
  });
});
