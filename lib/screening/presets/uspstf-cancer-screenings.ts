import { conceptCodeSet } from "../concepts/concept-code-set";
import type { ScreeningTypeInput } from "../screening-type";
import { colorectalExclusion, everSmokedTrigger, hospicePhrases, noResidualCervixExclusion } from "./shared-criteria";

/**
 * USPSTF cancer screenings (colorectal 2021, breast 2024, cervical 2018, lung 2021). Data only.
 * Colorectal and cervical are families: the variant whose evidence covers the patient longest wins.
 * Visit notes (category consult) are searched for every type: they list what was done at that visit.
 */
const colorectalEligibility = { minAge: 45, maxAge: 75 } as const;
const colorectalDocuments = ["procedure", "pathology", "lab", "imaging", "consult", "hospital", "other"] as const;

export const colorectalScreenings: ScreeningTypeInput[] = [
  {
    key: "colorectal-colonoscopy", version: 1, name: "Colorectal cancer screening: colonoscopy",
    family: { id: "colorectal-cancer", rank: 40 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 10, unit: "years" },
    evidence: {
      concepts: ["colonoscopy"],
      keywords: [{ term: "colonoscopy", synonyms: ["colonoscopic"], blockers: ["virtual colonoscopy", "ct colonoscopy"] }],
      documentCategories: [...colorectalDocuments],
    },
    exclusions: colorectalExclusion,
  },
  {
    key: "colorectal-ct-colonography", version: 1, name: "Colorectal cancer screening: CT colonography",
    family: { id: "colorectal-cancer", rank: 30 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 5, unit: "years" },
    evidence: {
      concepts: ["ct-colonography"],
      keywords: [{ term: "ct colonography", synonyms: ["virtual colonoscopy", "computed tomographic colonography"] }],
      documentCategories: ["imaging", "consult", "other"],
    },
    exclusions: colorectalExclusion,
  },
  {
    key: "colorectal-flexible-sigmoidoscopy", version: 1, name: "Colorectal cancer screening: flexible sigmoidoscopy",
    family: { id: "colorectal-cancer", rank: 25 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 5, unit: "years" },
    evidence: {
      concepts: ["flexible-sigmoidoscopy"],
      keywords: [{ term: "flexible sigmoidoscopy", synonyms: ["flex sig", "sigmoidoscopy"] }],
      documentCategories: [...colorectalDocuments],
    },
    exclusions: colorectalExclusion,
  },
  {
    key: "colorectal-sdna-fit", version: 1, name: "Colorectal cancer screening: stool DNA-FIT (Cologuard)",
    family: { id: "colorectal-cancer", rank: 20 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 3, unit: "years" },
    evidence: {
      concepts: ["sdna-fit"],
      keywords: [{ term: "cologuard", synonyms: ["multitarget stool dna", "stool dna", "mt-sdna", "fit-dna", "sdna-fit"] }],
      documentCategories: ["lab", "consult", "other"],
    },
    exclusions: colorectalExclusion,
  },
  {
    key: "colorectal-fit", version: 1, name: "Colorectal cancer screening: FIT or high-sensitivity gFOBT",
    family: { id: "colorectal-cancer", rank: 10 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 1, unit: "years" },
    evidence: {
      concepts: ["fobt-fit"],
      keywords: [{
        term: "fecal immunochemical test",
        synonyms: ["fit test", "ifobt", "fobt", "gfobt", "fecal occult blood", "stool occult blood", "occult blood in feces", "hemoccult"],
      }],
      documentCategories: ["lab", "consult", "other"],
    },
    exclusions: colorectalExclusion,
  },
];

const cervicalEligibility = { sex: "female" } as const;

export const otherCancerScreenings: ScreeningTypeInput[] = [
  {
    key: "breast-mammography", version: 1, name: "Breast cancer screening: mammography",
    eligibility: { minAge: 40, maxAge: 74, sex: "female" },
    frequency: { kind: "interval", value: 2, unit: "years" },
    evidence: {
      concepts: ["mammography"],
      keywords: [{ term: "mammogram", synonyms: ["mammography", "mammo", "breast tomosynthesis", "3d mammogram"] }],
      documentCategories: ["imaging", "consult", "other"],
    },
    exclusions: { codes: conceptCodeSet("bilateral-mastectomy"), phrases: ["bilateral mastectomy", "double mastectomy", ...hospicePhrases] },
  },
  {
    key: "cervical-cytology", version: 1, name: "Cervical cancer screening: cytology (Pap)",
    family: { id: "cervical-cancer", rank: 10 }, eligibility: { ...cervicalEligibility, minAge: 21, maxAge: 65 },
    frequency: { kind: "interval", value: 3, unit: "years" },
    evidence: {
      concepts: ["cervical-cytology"],
      keywords: [{ term: "pap smear", synonyms: ["pap test", "papanicolaou", "cervical cytology", "thinprep", "surepath", "cervical smear", "preparation of smear genital source"] }],
      documentCategories: ["lab", "pathology", "consult", "other"],
    },
    exclusions: noResidualCervixExclusion,
  },
  {
    key: "cervical-hpv", version: 1, name: "Cervical cancer screening: high-risk HPV test or co-test",
    family: { id: "cervical-cancer", rank: 20 }, eligibility: { ...cervicalEligibility, minAge: 30, maxAge: 65 },
    frequency: { kind: "interval", value: 5, unit: "years" },
    evidence: {
      concepts: ["hpv-test"],
      keywords: [{
        term: "hpv test",
        synonyms: ["high-risk hpv", "hrhpv", "human papillomavirus", "hpv dna", "hpv co-test", "cotesting"],
        blockers: ["human papillomavirus vaccine", "hpv vaccine", "hpv vaccination"],
      }],
      documentCategories: ["lab", "pathology", "consult", "other"],
    },
    exclusions: noResidualCervixExclusion,
  },
  {
    key: "lung-ldct", version: 1, name: "Lung cancer screening: low-dose CT",
    eligibility: {
      minAge: 50, maxAge: 80, triggers: everSmokedTrigger,
      note: "USPSTF also requires a 20 pack-year history and, for former smokers, quitting within 15 years; confirm.",
    },
    frequency: { kind: "interval", value: 1, unit: "years" },
    evidence: {
      concepts: ["lung-ldct"],
      keywords: [{ term: "low-dose ct", synonyms: ["ldct", "lung cancer screening ct", "low dose computed tomography"] }],
      documentCategories: ["imaging", "consult", "other"],
    },
    exclusions: { phrases: hospicePhrases },
  },
];
