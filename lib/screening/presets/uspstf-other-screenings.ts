import { conceptCodeSet } from "../concepts/concept-code-set";
import type { ScreeningTypeInput } from "../screening-type";
import { everSmokedTrigger, hospicePhrases, overweightTrigger } from "./shared-criteria";

/**
 * USPSTF screenings outside cancer. Where USPSTF sets no interval (DXA, depression) the interval is
 * the common practice value and the note says so. Visit notes (category consult) are searched too: they
 * list what was done at that visit, and the document rules decide whether a mention is that. Data only.
 */
export const otherScreenings: ScreeningTypeInput[] = [
  {
    key: "aaa-ultrasound", version: 1, name: "Abdominal aortic aneurysm screening (once)",
    eligibility: { minAge: 65, maxAge: 75, sex: "male", triggers: everSmokedTrigger },
    frequency: { kind: "once" },
    evidence: {
      concepts: ["aaa-ultrasound"],
      keywords: [{ term: "aaa screening", synonyms: ["abdominal aortic aneurysm screening", "abdominal aorta ultrasound", "aortic ultrasound"] }],
      documentCategories: ["imaging", "consult", "other"],
    },
  },
  {
    key: "osteoporosis-dxa", version: 1, name: "Osteoporosis screening: DXA",
    eligibility: { minAge: 65, sex: "female", note: "USPSTF sets no repeat interval; 2 years is common practice." },
    frequency: { kind: "interval", value: 2, unit: "years" },
    evidence: {
      concepts: ["bone-density"],
      keywords: [{ term: "dxa", synonyms: ["dexa", "bone density", "bone mineral density", "densitometry", "dual-energy x-ray absorptiometry"] }],
      documentCategories: ["imaging", "consult", "other"],
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
      concepts: ["hba1c", "fasting-glucose"],
      keywords: [{ term: "hemoglobin a1c", synonyms: ["hba1c", "a1c", "glycated hemoglobin", "glycohemoglobin", "fasting glucose"] }],
      documentCategories: ["lab", "consult", "other"],
    },
    // Known diabetes is monitored, not screened.
    exclusions: { codes: conceptCodeSet("diabetes") },
  },
  {
    key: "lipid-panel", version: 1, name: "Lipid screening (statin assessment)",
    eligibility: { minAge: 40, maxAge: 75 },
    frequency: { kind: "interval", value: 5, unit: "years" },
    evidence: {
      concepts: ["lipid-panel"],
      // Lab reports print the panel as its rows: "LDL-C 112 mg/dL", "Cholesterol, Total 198" (punctuation is ignored).
      keywords: [{ term: "lipid panel", synonyms: ["lipid profile", "cholesterol panel", "fasting lipids", "ldl cholesterol", "ldl-c", "total cholesterol", "cholesterol total"] }],
      documentCategories: ["lab", "consult", "other"],
    },
  },
  {
    key: "hepatitis-c-screening", version: 1, name: "Hepatitis C screening (once)",
    eligibility: { minAge: 18, maxAge: 79 },
    frequency: { kind: "once" },
    evidence: {
      concepts: ["hepatitis-c-antibody"],
      keywords: [{ term: "hepatitis c antibody", synonyms: ["hcv antibody", "anti-hcv", "hcv ab", "hepatitis c screening"] }],
      documentCategories: ["lab", "consult", "other"],
    },
    exclusions: { codes: { ICD10CM: ["B18.2", "B17.1"] } },
  },
  {
    key: "hiv-screening", version: 1, name: "HIV screening (once)",
    eligibility: { minAge: 15, maxAge: 65, note: "Repeat screening for ongoing risk is a clinical decision." },
    frequency: { kind: "once" },
    evidence: {
      concepts: ["hiv-test"],
      keywords: [{ term: "hiv screening", synonyms: ["hiv test", "hiv-1/2 antibody", "hiv antigen/antibody", "hiv ag/ab", "hiv antigen test", "human immunodeficiency virus antigen test"] }],
      documentCategories: ["lab", "consult", "other"],
    },
    exclusions: { codes: conceptCodeSet("hiv-infection") },
  },
  {
    key: "depression-screening", version: 1, name: "Depression screening (PHQ)",
    eligibility: { minAge: 18, note: "USPSTF sets no interval; yearly follows CMS2." },
    frequency: { kind: "interval", value: 1, unit: "years" },
    evidence: {
      concepts: ["depression-screening"],
      keywords: [{ term: "phq-9", synonyms: ["phq-2", "patient health questionnaire", "depression screening"] }],
      documentCategories: ["consult", "other"],
    },
  },
  {
    key: "blood-pressure", version: 1, name: "Blood pressure screening",
    eligibility: { minAge: 18 },
    frequency: { kind: "interval", value: 1, unit: "years" },
    // Vitals are coded in Epic; free text "blood pressure" appears in too many unrelated sentences.
    evidence: { concepts: ["blood-pressure"], keywords: [], documentCategories: [] },
  },
];
