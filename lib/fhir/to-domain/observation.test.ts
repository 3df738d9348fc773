import { describe, expect, it } from "vitest";
import observations from "../fixtures/observations-searchset.json";
import { getBundleResources } from "../bundle";
import { mapObservation } from "./observation";

const byId = new Map(getBundleResources(observations).map((r) => [r.id, mapObservation(r)]));

describe("mapObservation on Epic-shaped fixtures", () => {
  it("lab with quantity, reference range and high interpretation", () => {
    const result = byId.get("eObsA1c.1");
    expect(result?.issues).toEqual([]);
    expect(result?.value).toMatchObject({
      status: "final",
      categories: ["laboratory"],
      value: { kind: "quantity", value: 7.8, unit: "%", code: "%", comparator: null },
      referenceRanges: [{ low: { value: 4, unit: "%" }, high: { value: 5.6, unit: "%" }, text: "4.0 - 5.6 %" }],
      interpretation: { abnormal: true },
      effective: "2026-09-03T14:05:00.000Z",
      issued: "2026-09-03T16:31:12.000Z",
      patientId: "eFx7Qm0rT1Rk8pVw2YzA9Bc3",
      encounterId: "eEnc0aB1cD2eF3gH4iJ5kL3",
    });
    expect(result?.value?.code.codings.map((c) => [c.kind, c.code])).toEqual([["epic", "1558024"], ["loinc", "4548-4"]]);
  });

  it("blood pressure as components, time converted to UTC", () => {
    const value = byId.get("eObsBP.1")?.value;
    expect(value?.value).toBeNull();
    expect(value?.effective).toBe("2026-09-03T14:20:00.000Z");
    expect(value?.components.map((c) => [c.code.codings[0]?.code, c.value])).toEqual([
      ["8480-6", { kind: "quantity", value: 148, unit: "mm[Hg]", code: "mm[Hg]", comparator: null }],
      ["8462-4", { kind: "quantity", value: 92, unit: "mm[Hg]", code: "mm[Hg]", comparator: null }],
    ]);
  });

  it.each([
    ["eObsHPV.1", { value: { kind: "concept", concept: { text: "Negative" } }, interpretation: { abnormal: false }, effective: "2024-02-10", effectiveEnd: "2024-02-11", referenceRanges: [{ low: null, high: null, text: "Negative" }] }],
    ["eObsSmoke.1", { value: { kind: "string", text: "Former smoker" }, categories: ["social-history"], effective: "2026-09-03T14:00:00.000Z", interpretation: { concepts: [], abnormal: null } }],
    ["eObsLDL.1", { status: "amended", value: { kind: "quantity", value: 100, comparator: "<" }, effective: "2026-09-03", referenceRanges: [{ low: null, high: { value: 129, unit: "mg/dL" }, text: null }] }],
  ])("%s", (id, expected) => {
    expect(byId.get(id)?.value).toMatchObject(expected);
  });
});

describe("mapObservation on odd input", () => {
  const base = { resourceType: "Observation", id: "o", code: { text: "x" } };
  it.each([
    ["boolean value", { valueBoolean: true }, { value: { kind: "boolean", value: true } }, []],
    ["integer value", { valueInteger: 3 }, { value: { kind: "integer", value: 3 } }, []],
    ["Range value unsupported", { valueRange: { low: { value: 1 } } }, { value: null }, [{ path: "valueRange", problem: "unsupported" }]],
    ["empty quantity flagged", { valueQuantity: {} }, { value: null }, [{ path: "valueQuantity", problem: "invalid" }]],
    ["string quantity value dropped", { valueQuantity: { value: "7.8", unit: "%" } }, { value: { kind: "quantity", value: null, unit: "%" } }, []],
    ["data absent", { dataAbsentReason: { coding: [{ code: "not-performed" }] } }, { dataAbsentReason: "not-performed" }, []],
    ["bad effective flagged", { effectiveDateTime: "2024-13-01" }, { effective: null }, [{ path: "effectiveDateTime", problem: "invalid" }]],
    ["timing unsupported", { effectiveTiming: {} }, { effective: null }, [{ path: "effectiveTiming", problem: "unsupported" }]],
    ["missing code flagged", { code: "LDL" }, { code: { codings: [], text: null } }, [{ path: "code", problem: "missing" }]],
  ])("%s", (_name, extra, expected, issues) => {
    const result = mapObservation({ ...base, ...extra });
    expect(result.value).toMatchObject(expected);
    expect(result.issues).toEqual(issues);
  });

  it.each([
    [[{ coding: [{ code: "LL" }] }], true],
    [[{ coding: [{ code: "N" }] }], false],
    [[{ text: "Abnormal" }], true],
    [[{ text: "Not Detected" }], false],
    [[{ coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.1", code: "X", display: "Critical" }] }], true],
    [[{ text: "see note" }], null],
  ])("interpretation %j → abnormal %s", (interpretation, abnormal) => {
    expect(mapObservation({ ...base, interpretation }).value?.interpretation.abnormal).toBe(abnormal);
  });
});
