import type { ScreeningTypeInput } from "../screening-type";
import { everSmokedTrigger, hospicePhrases, overweightTrigger } from "./shared-criteria";

/**
 * USPSTF screenings outside cancer. Where USPSTF sets no interval (DXA, depression) the interval is
 * the common practice value and the note says so. Data only.
 */
export const otherScreenings: ScreeningTypeInput[] = [
  {
    key: "aaa-ultrasound", version: 1, name: "Abdominal aortic aneurysm screening (once)",
    eligibility: { minAge: 65, maxAge: 75, sex: "male", triggers: everSmokedTrigger },
    frequency: { kind: "once" },
    evidence: {
      codes: { CPT: ["76706"], HCPCS: ["G0389"] },
      keywords: [{ term: "aaa screening", synonyms: ["abdominal aortic aneurysm screening", "abdominal aorta ultrasound", "aortic ultrasound"] }],
      documentCategories: ["imaging", "other"],
    },
  },
  {
    key: "osteoporosis-dxa", version: 1, name: "Osteoporosis screening: DXA",
    eligibility: { minAge: 65, sex: "female", note: "USPSTF sets no repeat interval; 2 years is common practice." },
    frequency: { kind: "interval", value: 2, unit: "years" },
    evidence: {
      codes: { CPT: ["77080", "77081", "77085"] },
      keywords: [{ term: "dxa", synonyms: ["dexa", "bone density", "bone mineral density", "densitometry", "dual-energy x-ray absorptiometry"] }],
      documentCategories: ["imaging", "other"],
    },
    exclusions: { phrases: hospicePhrases },
  },
  {
    key: "diabetes-screening-a1c", version: 1, name: "Prediabetes and type 2 diabetes screening",
    eligibility: {
      minAge: 35, maxAge: 70, triggers: overweightTrigger,
      note: "USPSTF uses BMI 23 or more for Asian American patients; confirm when it applies.",
    },
    frequency: { kind: "interval", value: 3, unit: "years" },
    evidence: {
      // 4548-4, 17856-6, 4549-2 hemoglobin A1c; 1558-6 fasting glucose.
      codes: { LOINC: ["4548-4", "17856-6", "4549-2", "1558-6"], CPT: ["83036"] },
      keywords: [{ term: "hemoglobin a1c", synonyms: ["hba1c", "a1c", "glycated hemoglobin", "glycohemoglobin", "fasting glucose"] }],
      documentCategories: ["lab", "other"],
    },
    // Known diabetes is monitored, not screened.
    exclusions: { codes: { ICD10CM: ["E10", "E11", "E13"] } },
  },
  {
    key: "lipid-panel", version: 1, name: "Lipid screening (statin assessment)",
    eligibility: { minAge: 40, maxAge: 75 },
    frequency: { kind: "interval", value: 5, unit: "years" },
    evidence: {
      codes: { LOINC: ["57698-3", "24331-1", "2093-3", "13457-7", "18262-6", "2085-9"], CPT: ["80061"] },
      // Lab reports print the panel as its rows: "LDL-C 112 mg/dL", "Cholesterol, Total 198" (punctuation is ignored).
      keywords: [{ term: "lipid panel", synonyms: ["lipid profile", "cholesterol panel", "fasting lipids", "ldl cholesterol", "ldl-c", "total cholesterol", "cholesterol total"] }],
      documentCategories: ["lab", "other"],
    },
  },
  {
    key: "hepatitis-c-screening", version: 1, name: "Hepatitis C screening (once)",
    eligibility: { minAge: 18, maxAge: 79 },
    frequency: { kind: "once" },
    evidence: {
      codes: { LOINC: ["13955-0", "16128-1"], CPT: ["86803"], HCPCS: ["G0472"] },
      keywords: [{ term: "hepatitis c antibody", synonyms: ["hcv antibody", "anti-hcv", "hcv ab", "hepatitis c screening"] }],
      documentCategories: ["lab", "other"],
    },
    exclusions: { codes: { ICD10CM: ["B18.2", "B17.1"] } },
  },
  {
    key: "hiv-screening", version: 1, name: "HIV screening (once)",
    eligibility: { minAge: 15, maxAge: 65, note: "Repeat screening for ongoing risk is a clinical decision." },
    frequency: { kind: "once" },
    evidence: {
      codes: { LOINC: ["75622-1", "56888-1", "7917-8"], CPT: ["87389", "86703"], HCPCS: ["G0432", "G0433", "G0435"] },
      keywords: [{ term: "hiv screening", synonyms: ["hiv test", "hiv-1/2 antibody", "hiv antigen/antibody", "hiv ag/ab"] }],
      documentCategories: ["lab", "other"],
    },
    exclusions: { codes: { ICD10CM: ["B20", "Z21"] } },
  },
  {
    key: "depression-screening", version: 1, name: "Depression screening (PHQ)",
    eligibility: { minAge: 18, note: "USPSTF sets no interval; yearly follows CMS2." },
    frequency: { kind: "interval", value: 1, unit: "years" },
    evidence: {
      codes: { LOINC: ["44249-1", "44261-6", "55757-9", "55758-7", "73831-0", "73832-8"], HCPCS: ["G0444"] },
      keywords: [{ term: "phq-9", synonyms: ["phq-2", "patient health questionnaire"] }],
      documentCategories: ["consult", "other"],
    },
  },
  {
    key: "blood-pressure", version: 1, name: "Blood pressure screening",
    eligibility: { minAge: 18 },
    frequency: { kind: "interval", value: 1, unit: "years" },
    // Vitals are coded in Epic; free text "blood pressure" appears in too many unrelated sentences.
    evidence: { codes: { LOINC: ["85354-9", "55284-4", "8480-6", "8462-4"] }, keywords: [], documentCategories: [] },
  },
];
