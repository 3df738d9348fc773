import { conceptCodeSet } from "../concepts/concept-code-set";
import type { ScreeningTypeInput } from "../screening-type";
import { presetType, type PresetTypeSpec } from "./preset-type";
import { colorectalExclusion, everSmokedTrigger, hospicePhrases, noResidualCervixExclusion } from "./shared-criteria";

/**
 * USPSTF cancer screenings (colorectal 2021, breast 2024, cervical 2018, lung 2021). Data only.
 * Colorectal and cervical are families: the variant whose evidence covers the patient longest wins.
 * Visit notes (category consult) are searched for every type: they list what was done at that visit.
 */
const colorectalDocuments = ["procedure", "pathology", "lab", "imaging", "consult", "hospital", "other"] as const;

/** A colorectal variant: one family, ages 45–75 and the colorectal exclusions; `rank` orders the variants. */
const colorectalVariant = ({ rank, ...spec }: Omit<PresetTypeSpec, "family" | "eligibility" | "exclusions"> & { rank: number }) =>
  presetType({ ...spec, family: { id: "colorectal-cancer", rank }, eligibility: { minAge: 45, maxAge: 75 }, exclusions: colorectalExclusion });

export const colorectalScreenings: ScreeningTypeInput[] = [
  colorectalVariant({
    key: "colorectal-colonoscopy", name: "Colorectal cancer screening: colonoscopy", rank: 40, every: 10,
    concepts: ["colonoscopy"],
    keyword: { term: "colonoscopy", synonyms: ["colonoscopic"], blockers: ["virtual colonoscopy", "ct colonoscopy"] },
    documents: colorectalDocuments,
  }),
  colorectalVariant({
    key: "colorectal-ct-colonography", name: "Colorectal cancer screening: CT colonography", rank: 30, every: 5,
    concepts: ["ct-colonography"],
    keyword: { term: "ct colonography", synonyms: ["virtual colonoscopy", "computed tomographic colonography"] },
    documents: ["imaging", "consult", "other"],
  }),
  colorectalVariant({
    key: "colorectal-flexible-sigmoidoscopy", name: "Colorectal cancer screening: flexible sigmoidoscopy", rank: 25, every: 5,
    concepts: ["flexible-sigmoidoscopy"],
    keyword: { term: "flexible sigmoidoscopy", synonyms: ["flex sig", "sigmoidoscopy"] },
    documents: colorectalDocuments,
  }),
  colorectalVariant({
    key: "colorectal-sdna-fit", name: "Colorectal cancer screening: stool DNA-FIT (Cologuard)", rank: 20, every: 3,
    concepts: ["sdna-fit"],
    keyword: { term: "cologuard", synonyms: ["multitarget stool dna", "stool dna", "mt-sdna", "fit-dna", "sdna-fit"] },
    documents: ["lab", "consult", "other"],
  }),
  colorectalVariant({
    key: "colorectal-fit", name: "Colorectal cancer screening: FIT or high-sensitivity gFOBT", rank: 10, every: 1,
    concepts: ["fobt-fit"],
    keyword: {
      term: "fecal immunochemical test",
      synonyms: ["fit test", "ifobt", "fobt", "gfobt", "fecal occult blood", "stool occult blood", "occult blood in feces", "hemoccult"],
    },
    documents: ["lab", "consult", "other"],
  }),
];

const cervicalEligibility = { sex: "female" } as const;

export const otherCancerScreenings: ScreeningTypeInput[] = [
  presetType({
    key: "breast-mammography", name: "Breast cancer screening: mammography",
    eligibility: { minAge: 40, maxAge: 74, sex: "female" }, every: 2,
    concepts: ["mammography"],
    keyword: { term: "mammogram", synonyms: ["mammography", "mammo", "breast tomosynthesis", "3d mammogram"] },
    documents: ["imaging", "consult", "other"],
    exclusions: { codes: conceptCodeSet("bilateral-mastectomy"), phrases: ["bilateral mastectomy", "double mastectomy", ...hospicePhrases] },
  }),
  presetType({
    key: "cervical-cytology", name: "Cervical cancer screening: cytology (Pap)",
    family: { id: "cervical-cancer", rank: 10 }, eligibility: { ...cervicalEligibility, minAge: 21, maxAge: 65 }, every: 3,
    concepts: ["cervical-cytology"],
    keyword: { term: "pap smear", synonyms: ["pap test", "papanicolaou", "cervical cytology", "thinprep", "surepath", "cervical smear", "preparation of smear genital source"] },
    documents: ["lab", "pathology", "consult", "other"],
    exclusions: noResidualCervixExclusion,
  }),
  presetType({
    key: "cervical-hpv", name: "Cervical cancer screening: high-risk HPV test or co-test",
    family: { id: "cervical-cancer", rank: 20 }, eligibility: { ...cervicalEligibility, minAge: 30, maxAge: 65 }, every: 5,
    concepts: ["hpv-test"],
    keyword: {
      term: "hpv test",
      synonyms: ["high-risk hpv", "hrhpv", "human papillomavirus", "hpv dna", "hpv co-test", "cotesting"],
      blockers: ["human papillomavirus vaccine", "hpv vaccine", "hpv vaccination"],
    },
    documents: ["lab", "pathology", "consult", "other"],
    exclusions: noResidualCervixExclusion,
  }),
  presetType({
    key: "lung-ldct", name: "Lung cancer screening: low-dose CT",
    eligibility: {
      minAge: 50, maxAge: 80, triggers: everSmokedTrigger,
      note: "USPSTF also requires a 20 pack-year history and, for former smokers, quitting within 15 years; confirm.",
    },
    every: 1,
    concepts: ["lung-ldct"],
    keyword: { term: "low-dose ct", synonyms: ["ldct", "lung cancer screening ct", "low dose computed tomography"] },
    documents: ["imaging", "consult", "other"],
    exclusions: { phrases: hospicePhrases },
  }),
];
