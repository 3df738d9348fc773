import { conceptCodeSet } from "../concepts/concept-code-set";
import type { ScreeningTypeInput } from "../screening-type";
import { presetType } from "./preset-type";
import { hospicePhrases } from "./shared-criteria";

/**
 * Care for adults with diabetes that a visit should check, beyond USPSTF (which screens people
 * without diabetes): the yearly retinal exam of the ADA Standards of Care, the population of CMS131
 * (18–75 with diabetes). Data only.
 */
export const diabetesCare: ScreeningTypeInput[] = [
  presetType({
    key: "diabetic-retinal-exam", name: "Diabetic retinal exam",
    eligibility: {
      minAge: 18, maxAge: 75,
      triggers: { codes: conceptCodeSet("diabetes"), synonyms: ["diabetes mellitus", "type 2 diabetes", "type 1 diabetes"] },
      note: "ADA allows every 1–2 years after a normal exam; yearly is shown.",
    },
    every: 1,
    concepts: ["retinal-eye-exam"],
    keyword: {
      term: "retinal eye exam",
      synonyms: ["diabetic retinal exam", "dilated eye exam", "dilated retinal exam", "fundoscopy", "funduscopy", "retinal photography", "fundus photography", "retinal imaging"],
    },
    documents: ["consult", "procedure", "imaging", "other"],
    exclusions: { phrases: hospicePhrases },
  }),
];
