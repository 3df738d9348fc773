import { describe, expect, it } from "vitest";
import { screeningPresetSchema, uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { classifyDocumentKinds } from "./classify-document-kinds";

const types = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
const asOf = "2025-12-31";
const kinds = (text: string, serviceDate: string | null = "2025-06-20") =>
  classifyDocumentKinds({ text, serviceDate, asOf }, types).map((k) => [k.typeKey, k.basis, k.serviceDate]);

describe("classifyDocumentKinds", () => {
  const cases: [string, string, string | null, (string | null)[][]][] = [
    ["a mammography report", "Date of Visit: 06/20/2025\nScreening Mammogram Report\nProcedure: Bilateral digital mammography.", "2025-06-20",
      [["breast-mammography", "subject", "2025-06-20"]]],
    ["a pathology report citing a mammogram is not one", "PATHOLOGY REPORT\nClinical History: calcifications on screening mammogram.\nDiagnosis: DCIS.", "2025-06-23", []],
    ["an HbA1c result row", "Hemoglobin A1c\nTest Result Units\nHemoglobin A1c 5.8 %", "2026-04-22", [["diabetes-screening-a1c", "title", "2026-04-22"]]],
    ["a lab report recommending an HbA1c has none", "Comment: mild hyperglycemia.\nRecommendation to check Hemoglobin A1c in 1-3 months.", "2025-06-20", []],
    ["an ordered lipid panel is not a result", "Notes: Lipid panel ordered.", "2026-03-10", []],
    ["a pending lipid panel is not a result", "PROCEDURES:\nLipid Panel: Results pending.", "2025-06-22", []],
    ["a fax quoting an undated HbA1c: the fax date is not the test date", "FAX\nDate: June 25, 2025\nDear Dr. Rossi,\nHis most recent HbA1c was 9.8%, despite treatment.", "2025-06-25",
      [["diabetes-screening-a1c", "quoted", null]]],
    ["a quoted result dated in its own sentence", "Dear Dr. Rossi,\nHis HbA1c was 9.8% on 03/02/2025 despite treatment.", "2025-06-25",
      [["diabetes-screening-a1c", "quoted", "2025-03-02"]]],
    ["an undated colonoscopy report keeps no date", "Impressions:\nNormal Colonoscopy: the entire colon was normal.", null, [["colorectal-colonoscopy", "subject", null]]],
    ["a planned EGD is not a colonoscopy", "Plan to proceed with screening EGD.", "2025-06-23", []],
  ];
  it.each(cases)("%s", (_name, text, serviceDate, expected) => {
    expect(kinds(text, serviceDate)).toEqual(expected);
  });
});
