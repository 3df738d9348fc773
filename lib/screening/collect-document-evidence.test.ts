import { describe, expect, it } from "vitest";
import { defaultMinOcrConfidence } from "./clinic-settings";
import { evaluateScreening } from "./evaluate-screening";
import { patientFactsSchema } from "./patient-facts";
import { uspstfAdultPrimaryCarePreset } from "./presets/uspstf-adult-primary-care";
import { screeningPresetSchema } from "./screening-type";

const types = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
const type = (key: string) => types.find((t) => t.key === key)!;
const asOf = "2025-12-31";

function documentEvidence(key: string, text: string, serviceDate: string | null = "2025-06-20") {
  const facts = patientFactsSchema.parse({
    patient: { birthDate: "1965-03-01", sexForClinicalUse: "female" },
    // BMI 31, so diabetes screening applies.
    observations: [{ id: "bmi", codes: [{ system: "LOINC", code: "39156-5" }], status: "final", effective: "2025-01-10", valueNumber: 31 }],
    documents: [{ id: "d1", category: "other", serviceDate, dateSource: serviceDate ? "extracted_text" : null, text }],
  });
  const result = evaluateScreening(facts, type(key), { asOf });
  const item = result.evidence.find((e) => e.source === "document");
  return { status: result.status, use: item?.use ?? null, note: item?.note ?? null };
}

describe("document evidence counts only when the document is that kind of document", () => {
  const cases: [string, string, string, string | null, "counted" | "review" | "ignored", RegExp | null][] = [
    ["a mammography report", "breast-mammography", "Screening Mammogram Report\nProcedure: bilateral digital mammography.", "2025-06-20", "counted", null],
    ["a pathology report's clinical history", "breast-mammography",
      "PATHOLOGY REPORT\nClinical History: calcifications identified on screening\nmammogram (BI-RADS 4C).\nDiagnosis: DCIS.", "2025-06-23", "review",
      /history, plan or other context.*"Clinical History: calcifications identified on screening mammogram \(BI-RADS 4C\)\."/],
    ["an undated colonoscopy report", "colorectal-colonoscopy", "Impressions:\nNormal Colonoscopy: the colon was normal.", null, "review", /no service date/],
    ["a referral quoting a value", "diabetes-screening-a1c", "Notes:\nHis most recent HbA1c was 9.8%, despite treatment.", "2025-06-25", "review", /quoted.*"His most recent HbA1c was 9\.8%/],
    ["a recommended test", "diabetes-screening-a1c", "Recommend checking hemoglobin A1c next visit.", "2025-06-20", "ignored", /future.*"Recommend checking hemoglobin A1c next visit\."/],
    ["a visit note's procedures performed", "colorectal-colonoscopy", "2024-06-06\n## Plan\nThe following procedures were conducted:\n- colonoscopy (procedure)\n", "2024-06-06", "counted", null],
    ["a visit note's history", "colorectal-colonoscopy", "# History of Present Illness\nShe had a colonoscopy at another clinic.\n", "2024-06-06", "review", /past mention \("had a"\).*"She had a colonoscopy at another clinic\."/],
  ];
  it.each(cases)("%s", (_name, key, text, serviceDate, use, note) => {
    const found = documentEvidence(key, text, serviceDate);
    expect(found.use).toBe(use);
    if (note) expect(found.note).toMatch(note);
    if (use !== "counted") expect(found.status).not.toBe("complete");
    else expect(found.status).toBe("complete");
  });
});

describe("a report read by OCR counts only when the page it is on was read with confidence", () => {
  const report = "Screening Mammogram Report\nProcedure: bilateral digital mammography.";
  const cover = "Fax cover sheet\nPages: 2";
  // Page 1 (the cover) and page 2 (the report) joined as extraction joins pages.
  const text = `${cover}\n\n${report}`;
  const coverSpan = { page: 1, start: 0, end: cover.length };
  const reportSpan = { page: 2, start: cover.length + 2, end: text.length };
  const low = defaultMinOcrConfidence - 0.01;

  function judge(document: Record<string, unknown>, settings: Record<string, unknown> = {}) {
    const facts = patientFactsSchema.parse({
      patient: { birthDate: "1965-03-01", sexForClinicalUse: "female" },
      documents: [{ id: "d1", category: "imaging", serviceDate: "2025-06-20", dateSource: "extracted_text", text, ...document }],
    });
    const result = evaluateScreening(facts, type("breast-mammography"), { asOf, clinicSettings: settings });
    const item = result.evidence.find((e) => e.source === "document");
    return { status: result.status, use: item?.use, note: item?.note ?? null, confidence: item?.confidence, reasons: result.reasons };
  }

  it.each([
    ["report page read poorly", { confidence: 0.9, ocrPages: [{ ...coverSpan, confidence: 0.97 }, { ...reportSpan, confidence: 0.48 }] }, {}, "review", "read by OCR at 48% confidence — check page 2", 0.48],
    ["report page just under the threshold", { confidence: 0.95, ocrPages: [{ ...reportSpan, confidence: low }] }, {}, "review", `read by OCR at ${Math.floor(low * 100 + 1e-9)}% confidence — check page 2`, low],
    ["report page at the threshold", { confidence: 0.95, ocrPages: [{ ...reportSpan, confidence: defaultMinOcrConfidence }] }, {}, "counted", null, defaultMinOcrConfidence],
    ["report page clean, cover page poor", { confidence: 0.6, ocrPages: [{ ...coverSpan, confidence: 0.3 }, { ...reportSpan, confidence: 0.95 }] }, {}, "counted", null, 0.95],
    ["report on a text-layer page, cover OCR'd poorly", { confidence: 0.9, ocrPages: [{ ...coverSpan, confidence: 0.3 }] }, {}, "counted", null, 1],
    ["no page spans: the document's confidence", { confidence: 0.48 }, {}, "review", "read by OCR at 48% confidence — check the document", 0.48],
    ["never OCR'd", {}, {}, "counted", null, 1],
    // A title names the whole document: every OCR'd page stands behind it.
    ["titled report, one page read poorly", { title: "Screening mammogram", confidence: 0.9, ocrPages: [{ ...coverSpan, confidence: 0.55 }, { ...reportSpan, confidence: 0.95 }] }, {}, "review", "read by OCR at 55% confidence — check page 1", 0.55],
    ["titled report, all pages read well", { title: "Screening mammogram", confidence: 0.93, ocrPages: [{ ...coverSpan, confidence: 0.91 }, { ...reportSpan, confidence: 0.95 }] }, {}, "counted", null, 0.91],
    // The poor reading is named first: it may be why the date was not found.
    ["undated, report page read poorly", { serviceDate: null, dateSource: null, ocrPages: [{ ...reportSpan, confidence: 0.64 }], confidence: 0.64 }, {}, "review", "read by OCR at 64% confidence — check page 2", 0.64],
    ["undated, report page read well", { serviceDate: null, dateSource: null, ocrPages: [{ ...reportSpan, confidence: 0.9 }], confidence: 0.9 }, {}, "review", "document has no service date; confirm when the test was done", 0.9],
    ["a clinic asking for more", { confidence: 0.95, ocrPages: [{ ...reportSpan, confidence: 0.93 }] }, { minDocumentConfidence: 0.95 }, "review", "read by OCR at 93% confidence — check page 2", 0.93],
  ] as const)("%s", (_name, document, settings, use, note, confidence) => {
    const found = judge(document, settings);
    expect(found).toMatchObject({ use, note, confidence });
    expect(found.status).toBe(use === "counted" ? "complete" : "needs_review");
    if (note) expect(found.reasons.join(" ")).toContain(note);
  });
});
