import { describe, expect, it } from "vitest";
import type { EvidenceItem, ScreeningStatus } from "@/lib/screening";
import { buildImmunizationDueRows, buildMeasureRows, buildScreeningRows } from "./build-screening-sections";
import { describeScreeningEvidence } from "./describe-screening-evidence";
import { buildScreening } from "./build-test-prep-input";
import { prepSheetSettingsSchema } from "./prep-sheet-settings";

const evidence = (sourceId: string, date: string | null, use: EvidenceItem["use"] = "counted"): EvidenceItem => ({
  source: "procedure", sourceId, role: "completion", date, datePrecision: "day", code: null, term: "colonoscopy",
  snippet: null, context: null, confidence: 1, matchedBy: "code", use, note: null,
});

describe("screening checklist", () => {
  const settings = prepSheetSettingsSchema.parse({ maxEvidencePerScreening: 2 });
  const statuses: ScreeningStatus[] = ["complete", "not_eligible", "due_soon", "excluded", "overdue", "needs_review", "due"];

  it("lists action items first and drops not-eligible and superseded screenings", () => {
    const results = [
      ...statuses.map((status) => buildScreening({ screeningTypeKey: `k-${status}`, name: `S ${status}`, status })),
      buildScreening({ screeningTypeKey: "old-variant", status: "overdue", selection: "superseded" }),
    ];
    expect(buildScreeningRows(results, settings).map((r) => r.status)).toEqual(["overdue", "due", "due_soon", "needs_review", "complete", "excluded"]);
  });

  it("shows counted and review evidence with source and date, newest first, capped", () => {
    const [row] = buildScreeningRows([buildScreening({
      screeningTypeKey: "crc", status: "complete",
      evidence: [evidence("p1", "2019-01-01"), evidence("p2", "2024-03-02"), evidence("p3", null, "review"), evidence("p4", "2025-01-01", "ignored")],
      reasons: ["Colonoscopy on 2024-03-02.", "Next due 2034-03-02."],
    })], settings);
    expect(row?.evidence).toEqual([
      { source: "Procedure", sourceId: "p2", date: "2024-03-02", label: "colonoscopy", needsReview: false, role: "completion" },
      { source: "Procedure", sourceId: "p1", date: "2019-01-01", label: "colonoscopy", needsReview: false, role: "completion" },
    ]);
    expect(row?.evidenceOmitted).toBe(1);
    expect(row?.reason).toBe("Colonoscopy on 2024-03-02. Next due 2034-03-02.");
  });

  const documentItem = (use: EvidenceItem["use"], note: string | null): EvidenceItem => ({
    ...evidence("doc_1", "2025-06-20", use), source: "document", term: "screening mammogram", matchedBy: "keyword", confidence: 0.48, note,
  });
  it.each([
    ["a page read poorly by OCR says so, and where to look", documentItem("review", "read by OCR at 48% confidence — check page 2"),
      "read by OCR at 48% confidence — check page 2", "To confirm: Screening mammogram (document 2025-06-20; read by OCR at 48% confidence — check page 2)"],
    ["another review reason stays on the web page's details", documentItem("review", 'mentioned in the text, not a report of this test: "…"'),
      undefined, "To confirm: Screening mammogram (document 2025-06-20)"],
    ["a counted item carries no check", documentItem("counted", null), undefined, null],
  ])("%s", (_name, item, check, line) => {
    const status = item.use === "review" ? "needs_review" : "due";
    const [row] = buildScreeningRows([buildScreening({ screeningTypeKey: "mammo", status, evidence: [item] })], settings);
    expect(row?.evidence[0]?.check).toBe(check);
    expect(describeScreeningEvidence(row!)).toBe(line);
  });
});

describe("quality measures for the year", () => {
  const settings = prepSheetSettingsSchema.parse({
    measures: [
      { measureId: "CMS130", title: "Colorectal cancer screening", screeningKey: "crc", closeGapAction: "Order FIT or colonoscopy" },
      { measureId: "CMS125", title: "Breast cancer screening", screeningKey: "breast-family" },
      { measureId: "CMS124", title: "Cervical cancer screening", screeningKey: "cervical" },
    ],
  });

  it.each([
    { status: "overdue", nextDue: "2025-01-01", expected: "gap", action: "Order FIT or colonoscopy" },
    { status: "due", nextDue: "2026-02-01", expected: "gap", action: "Order FIT or colonoscopy" },
    { status: "complete", nextDue: "2027-06-01", expected: "met", action: null },
    { status: "due_soon", nextDue: "2026-04-01", expected: "at_risk", action: "Due 2026-04-01: Order FIT or colonoscopy" },
    { status: "complete", nextDue: "2026-12-31", expected: "at_risk", action: "Due 2026-12-31: Order FIT or colonoscopy" },
    { status: "complete", nextDue: null, expected: "met", action: null },
    { status: "excluded", nextDue: null, expected: "not_applicable", action: null },
    { status: "needs_review", nextDue: null, expected: "review", action: "Review the flagged evidence to confirm whether the measure is met" },
  ] as const)("$status, next due $nextDue → $expected", ({ status, nextDue, expected, action }) => {
    const { year, rows } = buildMeasureRows([buildScreening({ screeningTypeKey: "crc", status, nextDue })], settings, "2026-03-03");
    expect(year).toBe(2026);
    expect(rows.find((r) => r.measureId === "CMS130")).toMatchObject({ status: expected, action });
  });

  it("matches a family by id, ignores superseded variants, and flags unevaluated measures", () => {
    const { rows } = buildMeasureRows([
      buildScreening({ screeningTypeKey: "breast-high-risk", family: { id: "breast-family", rank: 2 }, status: "due", selection: "superseded" }),
      buildScreening({ screeningTypeKey: "breast-average", name: "Mammogram", family: { id: "breast-family", rank: 1 }, status: "due", selection: "primary" }),
    ], settings, "2026-03-03");
    expect(rows.map((r) => [r.measureId, r.status, r.action])).toEqual([
      ["CMS125", "gap", "Complete Mammogram, or record an outside result with its date"],
      ["CMS124", "not_evaluated", "Screening not evaluated; check the clinic's screening types"],
      ["CMS130", "not_evaluated", "Screening not evaluated; check the clinic's screening types"],
    ]);
  });
});

describe("never done", () => {
  it("every section carries it as no last date and no next-due date, with the engine's reason", () => {
    const settings = prepSheetSettingsSchema.parse({ immunizationKeys: ["zoster"], measures: [{ measureId: "CMS130", title: "CRC", screeningKey: "crc" }] });
    const results = [buildScreening({ screeningTypeKey: "crc", status: "due" }), buildScreening({ screeningTypeKey: "zoster", status: "due" })];
    expect(buildScreeningRows(results, settings).map((r) => [r.lastCompleted, r.nextDue, r.reason])).toEqual([[null, null, "No record found."], [null, null, "No record found."]]);
    expect(buildMeasureRows(results, settings, "2026-03-03").rows).toMatchObject([{ status: "gap", lastCompleted: null, nextDue: null }]);
    expect(buildImmunizationDueRows(results, settings)).toMatchObject([{ lastGiven: null, nextDue: null }]);
  });
});

describe("immunizations due", () => {
  it("lists configured vaccine screenings that are not complete", () => {
    const settings = prepSheetSettingsSchema.parse({ immunizationKeys: ["flu", "zoster-family"] });
    const rows = buildImmunizationDueRows([
      buildScreening({ screeningTypeKey: "flu", name: "Influenza", status: "due", lastCompleted: "2024-10-01", nextDue: "2025-10-01" }),
      buildScreening({ screeningTypeKey: "zoster", name: "Shingles", family: { id: "zoster-family", rank: 1 }, status: "overdue" }),
      buildScreening({ screeningTypeKey: "tdap", name: "Tdap", status: "due" }), // not configured as a vaccine
      buildScreening({ screeningTypeKey: "flu-done", name: "Influenza done", status: "complete" }),
    ], settings);
    expect(rows.map((r) => [r.name, r.statusLabel, r.lastGiven])).toEqual([["Shingles", "Overdue", null], ["Influenza", "Due", "2024-10-01"]]);
  });
});
