import { conceptCodeSet } from "../concepts/concept-code-set";
import type { ScreeningTypeInput } from "../screening-type";
import { presetType } from "./preset-type";
import { everSmokedTrigger, hospicePhrases, overweightTrigger } from "./shared-criteria";

/**
 * USPSTF screenings outside cancer. Where USPSTF sets no interval (DXA, depression) the interval is
 * the common practice value and the note says so. Visit notes (category consult) are searched too: they
 * list what was done at that visit, and the document rules decide whether a mention is that. Data only.
 */
export const otherScreenings: ScreeningTypeInput[] = [
  presetType({
    key: "aaa-ultrasound", name: "Abdominal aortic aneurysm screening (once)",
    eligibility: { minAge: 65, maxAge: 75, sex: "male", triggers: everSmokedTrigger }, every: "once",
    concepts: ["aaa-ultrasound"],
    keyword: { term: "aaa screening", synonyms: ["abdominal aortic aneurysm screening", "abdominal aorta ultrasound", "aortic ultrasound"] },
    documents: ["imaging", "consult", "other"],
  }),
  presetType({
    key: "osteoporosis-dxa", name: "Osteoporosis screening: DXA",
    eligibility: { minAge: 65, sex: "female", note: "USPSTF sets no repeat interval; 2 years is common practice." }, every: 2,
    concepts: ["bone-density"],
    keyword: { term: "dxa", synonyms: ["dexa", "bone density", "bone mineral density", "densitometry", "dual-energy x-ray absorptiometry"] },
    documents: ["imaging", "consult", "other"],
    exclusions: { phrases: hospicePhrases },
  }),
  presetType({
    key: "diabetes-screening-a1c", name: "Prediabetes and type 2 diabetes screening",
    eligibility: {
      minAge: 35, maxAge: 70, triggers: overweightTrigger,
      note: "USPSTF uses BMI 23 or more for Asian American patients; confirm when it applies.",
    },
    every: 3,
    concepts: ["hba1c", "fasting-glucose"],
    keyword: { term: "hemoglobin a1c", synonyms: ["hba1c", "a1c", "glycated hemoglobin", "glycohemoglobin", "fasting glucose"] },
    documents: ["lab", "consult", "other"],
    // Known diabetes is monitored, not screened.
    exclusions: { codes: conceptCodeSet("diabetes") },
  }),
  presetType({
    key: "lipid-panel", name: "Lipid screening (statin assessment)",
    eligibility: { minAge: 40, maxAge: 75 }, every: 5,
    concepts: ["lipid-panel"],
    // Lab reports print the panel as its rows: "LDL-C 112 mg/dL", "Cholesterol, Total 198" (punctuation is ignored).
    keyword: { term: "lipid panel", synonyms: ["lipid profile", "cholesterol panel", "fasting lipids", "ldl cholesterol", "ldl-c", "total cholesterol", "cholesterol total"] },
    documents: ["lab", "consult", "other"],
  }),
  presetType({
    key: "hepatitis-c-screening", name: "Hepatitis C screening (once)",
    eligibility: { minAge: 18, maxAge: 79 }, every: "once",
    concepts: ["hepatitis-c-antibody"],
    keyword: { term: "hepatitis c antibody", synonyms: ["hcv antibody", "anti-hcv", "hcv ab", "hepatitis c screening"] },
    documents: ["lab", "consult", "other"],
    exclusions: { codes: { ICD10CM: ["B18.2", "B17.1"] } },
  }),
  presetType({
    key: "hiv-screening", name: "HIV screening (once)",
    eligibility: { minAge: 15, maxAge: 65, note: "Repeat screening for ongoing risk is a clinical decision." }, every: "once",
    concepts: ["hiv-test"],
    keyword: { term: "hiv screening", synonyms: ["hiv test", "hiv-1/2 antibody", "hiv antigen/antibody", "hiv ag/ab", "hiv antigen test", "human immunodeficiency virus antigen test"] },
    documents: ["lab", "consult", "other"],
    exclusions: { codes: conceptCodeSet("hiv-infection") },
  }),
  presetType({
    key: "depression-screening", name: "Depression screening (PHQ)",
    eligibility: { minAge: 18, note: "USPSTF sets no interval; yearly follows CMS2." }, every: 1,
    concepts: ["depression-screening"],
    keyword: { term: "phq-9", synonyms: ["phq-2", "patient health questionnaire", "depression screening"] },
    documents: ["consult", "other"],
  }),
  presetType({
    key: "blood-pressure", name: "Blood pressure screening",
    eligibility: { minAge: 18 }, every: 1,
    // Vitals are coded in Epic; free text "blood pressure" appears in too many unrelated sentences.
    concepts: ["blood-pressure"],
    documents: [],
  }),
];
