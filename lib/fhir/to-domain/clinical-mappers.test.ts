import { describe, expect, it } from "vitest";
import reports from "../fixtures/diagnostic-reports-searchset.json";
import encounter from "../fixtures/encounter.json";
import immunizations from "../fixtures/immunizations-searchset.json";
import procedures from "../fixtures/procedures-searchset.json";
import { getBundleResources } from "../bundle";
import { mapDiagnosticReport } from "./diagnostic-report";
import { mapEncounter } from "./encounter";
import { mapImmunization } from "./immunization";
import { mapProcedure } from "./procedure";

describe("mapProcedure", () => {
  const [colo, mammo] = getBundleResources(procedures).map(mapProcedure);
  it.each([
    ["performedDateTime", colo, { status: "completed", performed: "2019-03-02T14:10:00.000Z", performedEnd: null, categories: ["103693007"] }],
    ["performedPeriod", mammo, { performed: "2025-11-20T15:00:00.000Z", performedEnd: "2025-11-20T15:30:00.000Z", encounterId: "eEnc0aB1cD2eF3gH4iJ5kL3" }],
  ])("%s", (_name, result, expected) => {
    expect(result?.issues).toEqual([]);
    expect(result?.value).toMatchObject(expected);
  });
  it("keeps CPT, SNOMED and Epic codings", () => {
    expect(colo?.value?.code.codings.map((c) => c.kind)).toEqual(["cpt", "snomed", "epic"]);
  });
});

describe("mapDiagnosticReport", () => {
  const [lipid, imaging] = getBundleResources(reports).map(mapDiagnosticReport);
  it("lab report with result ids", () => {
    expect(lipid?.value).toMatchObject({ categories: ["LAB", "CH"], effective: "2026-09-03T14:05:00.000Z", resultIds: ["eObsLDL.1", "eObsHDL.1"], presentedForm: [] });
  });
  it("imaging report with period, conclusion and presentedForm", () => {
    expect(imaging?.value).toMatchObject({ effective: "2025-11-20T15:00:00.000Z", conclusion: "BI-RADS 1: Negative.", presentedForm: [{ contentType: "text/html", binaryId: "eBinImg.2" }] });
  });
});

describe("mapEncounter", () => {
  it("maps the Epic encounter", () => {
    const { value, issues } = mapEncounter(encounter);
    expect(issues).toEqual([]);
    expect(value).toMatchObject({
      ehrId: "eEnc0aB1cD2eF3gH4iJ5kL3",
      status: "finished",
      classCode: "13",
      periodStart: "2026-09-03T14:00:00.000Z",
      periodEnd: "2026-09-03T14:40:00.000Z",
      practitionerIds: ["eDrW9xY8zA7bC6dE5fG4hI3"],
      locationIds: ["eLoc1mN2oP3qR4sT5uV6wX3"],
      appointmentIds: ["eAppt.past-0"],
      serviceType: null,
    });
  });
});

describe("mapImmunization", () => {
  const [flu, tdap, zoster] = getBundleResources(immunizations).map(mapImmunization);
  it.each([
    ["CVX by URI", flu, { cvx: "150", status: "completed", occurrence: "2025-10-14T15:30:00.000Z", primarySource: true, encounterId: "eEnc0aB1cD2eF3gH4iJ5kL3" }, []],
    ["CVX by OID, date only", tdap, { cvx: "115", occurrence: "2018-04-02", primarySource: false }, []],
    ["not-done with occurrenceString", zoster, { cvx: "187", status: "not-done", occurrence: null }, [{ path: "occurrenceString", problem: "unsupported" }]],
  ])("%s", (_name, result, expected, issues) => {
    expect(result?.value).toMatchObject({ patientId: "eFx7Qm0rT1Rk8pVw2YzA9Bc3", ...expected });
    expect(result?.issues).toEqual(issues);
  });
});
