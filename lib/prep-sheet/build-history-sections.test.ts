import { describe, expect, it } from "vitest";
import { buildConditionRows, buildDocumentRows, buildHospitalVisitRows, buildImmunizationGivenRows, type PrepSheetDocument } from "./build-history-sections";
import { buildCondition, buildEncounter, buildImmunization, concept } from "./build-test-prep-input";

const tz = "America/Chicago";
const doc = (id: string, category: PrepSheetDocument["category"], serviceDate: string | null, title: string | null = null): PrepSheetDocument =>
  ({ id, category, serviceDate, title, filename: `${id}.pdf` });

describe("document sections", () => {
  const documents = [
    doc("d1", "imaging", "2025-06-01", "CT chest"), doc("d2", "imaging", "2026-01-05", "Mammogram"), doc("d3", "imaging", "2024-01-01", "Old"),
    doc("d4", "imaging", null, "Undated"), doc("d5", "consult", "2025-12-01"), doc("d6", "lab", "2026-01-01", "Lab letter"),
  ];
  it("keeps dated documents of the category within the window, newest first", () => {
    expect(buildDocumentRows(documents, "imaging", "2025-03-03").map((d) => [d.id, d.title])).toEqual([["d2", "Mammogram"], ["d1", "CT chest"]]);
    expect(buildDocumentRows(documents, "consult", "2025-03-03")).toEqual([{ id: "d5", date: "2025-12-01", title: "d5.pdf" }]);
  });
});

describe("hospital and ED visits", () => {
  it("merges hospital encounters and hospital documents", () => {
    const rows = buildHospitalVisitRows({
      encounters: [
        buildEncounter({ ehrId: "ed", classCode: "EMER", types: [concept("Emergency visit")], periodStart: "2026-01-02T04:00:00Z", periodEnd: "2026-01-02T09:00:00Z" }),
        buildEncounter({ ehrId: "ip", classCode: "IMP", types: [], serviceType: concept("Cardiology"), periodStart: "2025-08-01", periodEnd: "2025-08-04" }),
        buildEncounter({ ehrId: "office", classCode: "AMB", periodStart: "2025-09-01" }),
        buildEncounter({ ehrId: "cancelled", classCode: "IMP", status: "cancelled", periodStart: "2025-09-01" }),
        buildEncounter({ ehrId: "old", classCode: "IMP", periodStart: "2023-01-01" }),
      ],
      documents: [doc("ds", "hospital", "2025-10-10", "Discharge summary, Mercy")],
      from: "2025-03-03", timeZone: tz,
    });
    expect(rows.map((r) => [r.id, r.start, r.end, r.kind, r.description, r.source])).toEqual([
      ["ed", "2026-01-01", "2026-01-02", "emergency", "Emergency visit", "encounter"],
      ["ds", "2025-10-10", null, "document", "Discharge summary, Mercy", "document"],
      ["ip", "2025-08-01", "2025-08-04", "inpatient", "Cardiology", "encounter"],
    ]);
  });
});

describe("active conditions", () => {
  it.each([
    [{ clinicalStatus: "active" }, true],
    [{ clinicalStatus: "recurrence" }, true],
    [{ clinicalStatus: "resolved" }, false],
    [{ clinicalStatus: null }, false],
    [{ clinicalStatus: "active", verificationStatus: "refuted" }, false],
    [{ clinicalStatus: "active", verificationStatus: "entered-in-error" }, false],
    [{ clinicalStatus: "active", verificationStatus: "provisional" }, true],
  ])("%j → listed %s", (fields, listed) => {
    expect(buildConditionRows([buildCondition({ ehrId: "c", ...fields })], tz).length).toBe(listed ? 1 : 0);
  });

  it("sorts by name, case-insensitively", () => {
    const rows = buildConditionRows([
      buildCondition({ ehrId: "b", code: concept("hypertension"), icd10Codes: ["I10"] }),
      buildCondition({ ehrId: "a", code: concept("Asthma"), icd10Codes: ["J45.909", "J45.20"] }),
    ], tz);
    expect(rows.map((r) => [r.name, r.codes])).toEqual([["Asthma", "J45.20, J45.909"], ["hypertension", "I10"]]);
  });
});

describe("immunizations given", () => {
  it("lists completed doses in the window", () => {
    const rows = buildImmunizationGivenRows([
      buildImmunization({ ehrId: "i1" }),
      buildImmunization({ ehrId: "i2", status: "not-done" }),
      buildImmunization({ ehrId: "i3", occurrence: "2020-01-01" }),
      buildImmunization({ ehrId: "i4", vaccineCode: { text: null, codings: [] }, cvx: "187", occurrence: "2025-12-01T15:00:00Z" }),
    ], "2025-03-03", tz);
    expect(rows.map((r) => [r.ehrId, r.date, r.name])).toEqual([["i4", "2025-12-01", "CVX 187"], ["i1", "2025-10-01", "Influenza vaccine"]]);
  });
});
