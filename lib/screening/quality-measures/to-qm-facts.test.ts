import { describe, expect, test } from "vitest";
import { parseIsoDate } from "../calendar-date";
import { selectQualityMeasure } from "./measure-registry";
import { toQmFacts } from "./to-qm-facts";

const d = (iso: string) => parseIsoDate(iso)!;
const patient = { resourceType: "Patient", id: "p", gender: "female", birthDate: "1970-05-05" };

describe("toQmFacts", () => {
  test.each([
    ["the US Core sex extension wins", { gender: "male", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", valueCode: "248152002" }] }, "248152002"],
    ["without it, administrative gender", { gender: "female" }, "248152002"],
    ["neither", { gender: "unknown" }, null],
  ])("sex: %s", (_name, fields, sexCode) => {
    expect(toQmFacts([{ resourceType: "Patient", birthDate: "1970-01-01", ...fields }])!.sexCode).toBe(sexCode);
  });
  test("no Patient or no birth date: null", () => {
    expect(toQmFacts([])).toBeNull();
    expect(toQmFacts([{ resourceType: "Patient" }])).toBeNull();
  });
  test("timing of each type, choice elements and Period boundaries", () => {
    const facts = toQmFacts([
      patient,
      { resourceType: "Encounter", id: "e", status: "finished", type: [{ coding: [{ system: "s", code: "1" }] }], period: { start: "2026-02-01T10:00:00Z" } },
      { resourceType: "Procedure", id: "p1", status: "completed", code: { coding: [{ system: "s", code: "2" }] }, performedPeriod: { end: "2026-03-01" } },
      { resourceType: "Observation", id: "o", status: "final", code: { coding: [{ system: "s", code: "3" }] }, effectiveDateTime: "2026-04-01T23:30:00-05:00", valueQuantity: { value: 9.5, unit: "%" } },
      { resourceType: "Condition", id: "c", code: { coding: [{ system: "s", code: "4" }] }, onsetAge: { value: 50 } },
    ])!;
    const byId = (id: string) => facts.byId.get(id)!;
    expect(byId("e").timing).toEqual({ lo: d("2026-02-01"), hi: Infinity });
    expect(byId("p1").timing).toEqual({ lo: -Infinity, loUnknown: true, hi: d("2026-03-01") });
    expect(byId("o").timing).toEqual({ lo: d("2026-04-01"), hi: d("2026-04-01") });
    expect(byId("o").value).toMatchObject({ number: 9.5, unit: "%", present: true });
    expect(byId("c").timing).toEqual({ lo: d("2020-05-05"), hi: d("2021-05-04") });
  });
  test("negation: doNotPerform, the QI-Core modifier and its R5 backport", () => {
    const facts = toQmFacts([
      patient,
      { resourceType: "ServiceRequest", id: "a", doNotPerform: true },
      { resourceType: "DeviceRequest", id: "b", modifierExtension: [{ url: "http://hl7.org/fhir/5.0/StructureDefinition/extension-DeviceRequest.doNotPerform", valueBoolean: true }], codeCodeableConcept: { coding: [{ system: "s", code: "5" }] } },
      { resourceType: "DeviceRequest", id: "c", modifierExtension: [{ url: "http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-doNotPerform", valueBoolean: false }] },
    ])!;
    expect(facts.resources.map((r) => r.doNotPerform)).toEqual([true, true, false]);
    expect(facts.byId.get("b")!.codes).toEqual([{ system: "s", code: "5", display: null }]);
  });
  test("a medication through a Medication reference, with its supply period", () => {
    const facts = toQmFacts([
      patient,
      { resourceType: "Medication", id: "m", code: { coding: [{ system: "rx", code: "997221" }] } },
      { resourceType: "MedicationRequest", id: "r", status: "active", intent: "order", medicationReference: { reference: "Medication/m" }, authoredOn: "2026-01-10", dispenseRequest: { expectedSupplyDuration: { value: 30, unit: "days" }, numberOfRepeatsAllowed: 1 } },
    ])!;
    expect(facts.byId.get("r")).toMatchObject({ codes: [{ code: "997221" }], medicationPeriod: { lo: d("2026-01-10"), hi: d("2026-01-10") + 59 } });
  });
});

describe("selectQualityMeasure chooses the version by the measurement period", () => {
  test.each([
    ["2025-01-01", "CMS130v13"],
    ["2026-01-01", "CMS130v14"],
    ["2027-01-01", "CMS130v14"],
    ["2019-01-01", "CMS130v13"],
  ])("period starting %s → %s", (start, version) => {
    expect(selectQualityMeasure("CMS130", { start, end: `${start.slice(0, 4)}-12-31` })?.version).toBe(version);
  });
  test("an unknown measure: null", () => expect(selectQualityMeasure("CMS9999", { start: "2026-01-01", end: "2026-12-31" })).toBeNull());
});
