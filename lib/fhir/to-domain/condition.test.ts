import { describe, expect, it } from "vitest";
import conditions from "../fixtures/conditions-searchset.json";
import { getBundleResources } from "../bundle";
import { mapCondition } from "./condition";

const mapped = getBundleResources(conditions).filter((r) => r.resourceType === "Condition").map(mapCondition);

describe("mapCondition on Epic-shaped fixtures", () => {
  it.each([
    ["eCondA1.problem-1", { icd10Codes: ["E11.9"], snomedCodes: ["44054006"], categories: ["problem-list-item"], clinicalStatus: "active", verificationStatus: "confirmed", onset: "2019-03-14", abatement: null, encounterId: null }],
    ["eCondA1.problem-2", { icd10Codes: ["Z85.3"], snomedCodes: ["429740004"], clinicalStatus: "resolved", onset: "2012-06", abatement: "2013-02-01T14:00:00.000Z" }],
    ["eCondA1.dx-1", { icd10Codes: ["I10"], categories: ["encounter-diagnosis"], onset: "2024-09-03T14:15:00.000Z", encounterId: "eEnc0aB1cD2eF3gH4iJ5kL3" }],
  ])("%s", (id, expected) => {
    const result = mapped.find((m) => m.value?.ehrId === id);
    expect(result?.issues).toEqual([]);
    expect(result?.value).toMatchObject({ patientId: "eFx7Qm0rT1Rk8pVw2YzA9Bc3", recordedDate: "2019-03-14", ...expected });
  });

  it("keeps every coding, including the OID duplicate and Epic's own code", () => {
    const codings = mapped[0]?.value?.code.codings ?? [];
    expect(codings.map((c) => c.kind)).toEqual(["icd10cm", "icd10cm", "snomed", "epic"]);
    expect(mapped[0]?.value?.code.text).toBe("Type 2 diabetes mellitus");
  });
});

describe("mapCondition on odd input", () => {
  it.each([
    ["onsetPeriod uses start", { onsetPeriod: { start: "2020-01-01", end: "2020-02-01" } }, { onset: "2020-01-01" }, []],
    ["abatementPeriod uses end", { abatementPeriod: { start: "2020-01-01", end: "2020-02-01" } }, { abatement: "2020-02-01" }, []],
    ["onsetAge is unsupported", { onsetAge: { value: 40, unit: "a" } }, { onset: null }, [{ path: "onsetAge", problem: "unsupported" }]],
    ["bad onset flagged", { onsetDateTime: "yesterday" }, { onset: null }, [{ path: "onsetDateTime", problem: "invalid" }]],
    ["category as a lone object", { category: { coding: [{ code: "health-concern" }] } }, { categories: ["health-concern"] }, []],
    ["code missing", { code: undefined }, { icd10Codes: [] }, [{ path: "code", problem: "missing" }]],
  ])("%s", (_name, extra, expected, issues) => {
    const result = mapCondition({ resourceType: "Condition", id: "c", code: { text: "x" }, ...extra });
    expect(result.value).toMatchObject(expected);
    expect(result.issues).toEqual(issues);
  });
});
