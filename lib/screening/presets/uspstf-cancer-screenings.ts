import type { ScreeningTypeInput } from "../screening-type";
import { colorectalExclusion, everSmokedTrigger, hospicePhrases, noResidualCervixExclusion } from "./shared-criteria";

/**
 * USPSTF cancer screenings (colorectal 2021, breast 2024, cervical 2018, lung 2021). Data only.
 * Colorectal and cervical are families: the variant whose evidence covers the patient longest wins.
 */
const colorectalEligibility = { minAge: 45, maxAge: 75 } as const;
const colorectalDocuments = ["procedure", "pathology", "lab", "imaging", "consult", "hospital", "other"] as const;

export const colorectalScreenings: ScreeningTypeInput[] = [
  {
    key: "colorectal-colonoscopy", version: 1, name: "Colorectal cancer screening: colonoscopy",
    family: { id: "colorectal-cancer", rank: 40 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 10, unit: "years" },
    evidence: {
      codes: { CPT: ["45378", "45380", "45381", "45384", "45385", "45388"], HCPCS: ["G0105", "G0121"], SNOMED: ["73761001"] },
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
      codes: { CPT: ["74263"] },
      keywords: [{ term: "ct colonography", synonyms: ["virtual colonoscopy", "computed tomographic colonography"] }],
      documentCategories: ["imaging", "other"],
    },
    exclusions: colorectalExclusion,
  },
  {
    key: "colorectal-flexible-sigmoidoscopy", version: 1, name: "Colorectal cancer screening: flexible sigmoidoscopy",
    family: { id: "colorectal-cancer", rank: 25 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 5, unit: "years" },
    evidence: {
      codes: { CPT: ["45330", "45331", "45338"], HCPCS: ["G0104"] },
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
      codes: { CPT: ["81528"], LOINC: ["77353-1", "77354-9"] },
      keywords: [{ term: "cologuard", synonyms: ["multitarget stool dna", "stool dna", "mt-sdna", "fit-dna", "sdna-fit"] }],
      documentCategories: ["lab", "other"],
    },
    exclusions: colorectalExclusion,
  },
  {
    key: "colorectal-fit", version: 1, name: "Colorectal cancer screening: FIT or high-sensitivity gFOBT",
    family: { id: "colorectal-cancer", rank: 10 }, eligibility: colorectalEligibility,
    frequency: { kind: "interval", value: 1, unit: "years" },
    evidence: {
      // 29771-3, 57905-2, 58453-2 FIT (immunoassay); 2335-8 guaiac occult blood.
      codes: { LOINC: ["29771-3", "57905-2", "58453-2", "2335-8"], CPT: ["82274", "82270"], HCPCS: ["G0328"] },
      keywords: [{
        term: "fecal immunochemical test",
        synonyms: ["fit test", "ifobt", "fobt", "gfobt", "fecal occult blood", "stool occult blood", "hemoccult"],
      }],
      documentCategories: ["lab", "other"],
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
      codes: {
        CPT: ["77067", "77065", "77066", "77063"], HCPCS: ["G0202", "G0204", "G0206"],
        LOINC: ["24606-6", "24605-8", "24604-1"], SNOMED: ["71651007", "24623002"],
      },
      keywords: [{ term: "mammogram", synonyms: ["mammography", "mammo", "breast tomosynthesis", "3d mammogram"] }],
      documentCategories: ["imaging", "other"],
    },
    exclusions: { codes: { ICD10CM: ["Z90.13"] }, phrases: ["bilateral mastectomy", "double mastectomy", ...hospicePhrases] },
  },
  {
    key: "cervical-cytology", version: 1, name: "Cervical cancer screening: cytology (Pap)",
    family: { id: "cervical-cancer", rank: 10 }, eligibility: { ...cervicalEligibility, minAge: 21, maxAge: 65 },
    frequency: { kind: "interval", value: 3, unit: "years" },
    evidence: {
      codes: {
        LOINC: ["10524-7", "19762-4", "47527-7", "47528-5"],
        CPT: ["88141", "88142", "88143", "88147", "88148", "88150", "88152", "88153", "88164", "88165", "88166", "88167", "88174", "88175"],
        HCPCS: ["G0123", "G0124", "G0141", "G0143", "G0144", "G0145", "G0147", "G0148", "P3000", "P3001", "Q0091"],
      },
      keywords: [{ term: "pap smear", synonyms: ["pap test", "papanicolaou", "cervical cytology", "thinprep", "surepath"] }],
      documentCategories: ["lab", "pathology", "consult", "other"],
    },
    exclusions: noResidualCervixExclusion,
  },
  {
    key: "cervical-hpv", version: 1, name: "Cervical cancer screening: high-risk HPV test or co-test",
    family: { id: "cervical-cancer", rank: 20 }, eligibility: { ...cervicalEligibility, minAge: 30, maxAge: 65 },
    frequency: { kind: "interval", value: 5, unit: "years" },
    evidence: {
      codes: { LOINC: ["30167-1", "21440-3", "59420-0", "69002-4", "71431-1"], CPT: ["87624", "87625"], HCPCS: ["G0476"] },
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
      codes: { CPT: ["71271"], HCPCS: ["G0297"] },
      keywords: [{ term: "low-dose ct", synonyms: ["ldct", "lung cancer screening ct", "low dose computed tomography"] }],
      documentCategories: ["imaging", "other"],
    },
    exclusions: { phrases: hospicePhrases },
  },
];
