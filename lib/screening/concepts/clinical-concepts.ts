import type { CodeSystem } from "../code-set";

/**
 * One code list per clinical concept, shared by the prep-sheet presets, clinics' custom screening
 * types and quality-measure mode. A concept is the union of
 *   - the VSAC value sets the eCQMs use for it (by OID; codes come from value-sets.generated.ts, so
 *     next year's expansions drop in by regenerating), and
 *   - supplements: how EHRs also record the thing that the measure value sets leave out (billing
 *     codes, SNOMED procedures such as Synthea's, the measures' direct reference codes), each with
 *     the reason it belongs.
 * Data only; composeConceptCodeSet turns a concept into a CodeSet.
 */
export type ConceptSupplement = { system: CodeSystem; codes: readonly string[]; why: string };

export type ClinicalConcept = {
  name: string;
  /** VSAC value set OIDs (keys of generatedValueSets). */
  valueSets: readonly string[];
  supplements: readonly ConceptSupplement[];
};

const vs = {
  colonoscopy: "2.16.840.1.113883.3.464.1003.108.12.1020",
  flexibleSigmoidoscopy: "2.16.840.1.113883.3.464.1003.198.12.1010",
  ctColonography: "2.16.840.1.113883.3.464.1003.108.12.1038",
  fobt: "2.16.840.1.113883.3.464.1003.198.12.1011",
  sdnaFit: "2.16.840.1.113883.3.464.1003.108.12.1039",
  mammography: "2.16.840.1.113883.3.464.1003.108.12.1018",
  papTest: "2.16.840.1.113883.3.464.1003.108.12.1017",
  hpvTest: "2.16.840.1.113883.3.464.1003.110.12.1059",
  hba1c: "2.16.840.1.113883.3.464.1003.198.12.1013",
  hivLabTests: "2.16.840.1.113762.1.4.1056.50",
  hiv: "2.16.840.1.113883.3.464.1003.120.12.1003",
  chlamydiaScreening: "2.16.840.1.113883.3.464.1003.110.12.1052",
  retinalOrDilatedEyeExam: "2.16.840.1.113883.3.464.1003.115.12.1088",
  fallsScreening: "2.16.840.1.113883.3.464.1003.118.12.1028",
  diabetes: "2.16.840.1.113883.3.464.1003.103.12.1001",
  hysterectomyNoResidualCervix: "2.16.840.1.113883.3.464.1003.198.12.1014",
  absenceOfCervix: "2.16.840.1.113883.3.464.1003.111.12.1016",
  malignantNeoplasmOfColon: "2.16.840.1.113883.3.464.1003.108.12.1001",
  totalColectomy: "2.16.840.1.113883.3.464.1003.198.12.1019",
  bilateralMastectomy: "2.16.840.1.113883.3.464.1003.198.12.1005",
  historyOfBilateralMastectomy: "2.16.840.1.113883.3.464.1003.198.12.1068",
} as const;

const catalogue = {
  // ---- colorectal cancer screening (CMS130) ----
  colonoscopy: {
    name: "Colonoscopy",
    valueSets: [vs.colonoscopy],
    supplements: [],
  },
  "flexible-sigmoidoscopy": {
    name: "Flexible sigmoidoscopy",
    valueSets: [vs.flexibleSigmoidoscopy],
    supplements: [],
  },
  "ct-colonography": {
    name: "CT colonography",
    valueSets: [vs.ctColonography],
    supplements: [{ system: "CPT", codes: ["74261", "74262", "74263"], why: "the billed CT colonography procedure; the value set lists only the LOINC study codes" }],
  },
  "fobt-fit": {
    name: "Fecal occult blood test (FIT or gFOBT)",
    valueSets: [vs.fobt],
    supplements: [
      { system: "CPT", codes: ["82270", "82274"], why: "the billed guaiac and immunochemical stool tests" },
      { system: "HCPCS", codes: ["G0328"], why: "Medicare's code for a screening FIT" },
      { system: "SNOMED", codes: ["104435004"], why: "screening for occult blood in feces recorded as a procedure (Synthea, problem-oriented EHRs)" },
    ],
  },
  "sdna-fit": {
    name: "Stool DNA with FIT (Cologuard)",
    valueSets: [vs.sdnaFit],
    supplements: [{ system: "CPT", codes: ["81528"], why: "the billed multitarget stool DNA test" }],
  },
  // ---- breast and cervical cancer screening (CMS125, CMS124) ----
  mammography: {
    name: "Mammography",
    valueSets: [vs.mammography],
    supplements: [
      { system: "CPT", codes: ["77063", "77065", "77066", "77067"], why: "the billed screening and diagnostic mammograms and tomosynthesis" },
      { system: "HCPCS", codes: ["G0202", "G0204", "G0206"], why: "Medicare mammography codes older claims still carry" },
      { system: "SNOMED", codes: ["71651007", "24623002"], why: "mammography and screening mammography recorded as procedures (Synthea codes 71651007)" },
    ],
  },
  "cervical-cytology": {
    name: "Cervical cytology (Pap test)",
    valueSets: [vs.papTest],
    supplements: [
      {
        system: "CPT",
        codes: ["88141", "88142", "88143", "88147", "88148", "88150", "88152", "88153", "88164", "88165", "88166", "88167", "88174", "88175"],
        why: "the billed cervical or vaginal cytopathology",
      },
      { system: "HCPCS", codes: ["G0123", "G0124", "G0141", "G0143", "G0144", "G0145", "G0147", "G0148", "P3000", "P3001", "Q0091"], why: "Medicare screening Pap and specimen-collection codes" },
      { system: "SNOMED", codes: ["90226004"], why: "cytopathology, preparation of smear, genital source, recorded as a procedure (Synthea)" },
    ],
  },
  "hpv-test": {
    name: "High-risk HPV test",
    valueSets: [vs.hpvTest],
    supplements: [
      { system: "CPT", codes: ["87624", "87625"], why: "the billed high-risk HPV nucleic acid tests" },
      { system: "HCPCS", codes: ["G0476"], why: "Medicare's code for HPV co-testing with cytology" },
    ],
  },
  // ---- other cancer and one-time screenings ----
  "lung-ldct": {
    name: "Low-dose CT for lung cancer screening",
    valueSets: [],
    supplements: [
      { system: "CPT", codes: ["71271"], why: "the billed lung cancer screening low-dose CT" },
      { system: "HCPCS", codes: ["G0297"], why: "the Medicare code used before CPT 71271 (to 2020)" },
    ],
  },
  "aaa-ultrasound": {
    name: "Abdominal aortic aneurysm ultrasound",
    valueSets: [],
    supplements: [
      { system: "CPT", codes: ["76706"], why: "the billed AAA screening ultrasound" },
      { system: "HCPCS", codes: ["G0389"], why: "the Medicare code used before CPT 76706" },
    ],
  },
  "bone-density": {
    name: "Bone density (DXA)",
    valueSets: [],
    supplements: [
      { system: "CPT", codes: ["77078", "77080", "77081", "77085"], why: "the billed DXA and CT bone density studies" },
      { system: "SNOMED", codes: ["312681000"], why: "bone density scan recorded as a procedure (Synthea)" },
      { system: "LOINC", codes: ["38265-5"], why: "a DXA T-score result is a DXA done (Synthea records it with the scan)" },
    ],
  },
  // ---- laboratory screenings ----
  hba1c: {
    name: "Hemoglobin A1c",
    valueSets: [vs.hba1c],
    supplements: [
      { system: "CPT", codes: ["83036", "83037"], why: "the billed HbA1c test (lab and point-of-care)" },
      { system: "CPT", codes: ["3044F", "3046F", "3051F", "3052F"], why: "CPT II codes that report the most recent HbA1c level on a claim" },
    ],
  },
  "fasting-glucose": {
    name: "Fasting plasma glucose",
    valueSets: [],
    supplements: [{ system: "LOINC", codes: ["1558-6", "14771-0"], why: "fasting glucose in serum or plasma (mass and molar), a USPSTF diabetes screening test" }],
  },
  "lipid-panel": {
    name: "Lipid panel",
    valueSets: [],
    supplements: [
      { system: "LOINC", codes: ["57698-3", "24331-1"], why: "lipid panel orders and reports" },
      { system: "LOINC", codes: ["2093-3", "2085-9", "2089-1", "13457-7", "18262-6"], why: "total, HDL and LDL (measured, calculated, direct) cholesterol results, which EHRs file without a panel" },
      { system: "CPT", codes: ["80061"], why: "the billed lipid panel" },
    ],
  },
  "hiv-test": {
    name: "HIV test",
    valueSets: [vs.hivLabTests],
    supplements: [
      { system: "CPT", codes: ["86701", "86702", "86703", "87389", "87390", "87391"], why: "the billed HIV antibody and antigen/antibody tests" },
      { system: "HCPCS", codes: ["G0432", "G0433", "G0435", "G0475"], why: "Medicare's HIV screening codes" },
      { system: "SNOMED", codes: ["31676001"], why: "HIV antigen test recorded as a procedure (Synthea prenatal care)" },
    ],
  },
  "hepatitis-c-antibody": {
    name: "Hepatitis C antibody",
    valueSets: [],
    supplements: [
      { system: "LOINC", codes: ["13955-0", "16128-1"], why: "HCV antibody results (presence in serum, and in serum or plasma by immunoassay)" },
      { system: "CPT", codes: ["86803", "86804"], why: "the billed HCV antibody and confirmatory tests" },
      { system: "HCPCS", codes: ["G0472"], why: "Medicare's hepatitis C screening code" },
      { system: "SNOMED", codes: ["104375008"], why: "hepatitis C antibody test recorded as a procedure (Synthea)" },
    ],
  },
  "chlamydia-test": {
    name: "Chlamydia test",
    valueSets: [vs.chlamydiaScreening],
    supplements: [{ system: "CPT", codes: ["87110", "87270", "87320", "87490", "87491", "87810"], why: "the billed chlamydia culture, antigen and nucleic acid tests" }],
  },
  // ---- visits and assessments ----
  "retinal-eye-exam": {
    name: "Retinal or dilated eye exam",
    valueSets: [vs.retinalOrDilatedEyeExam],
    supplements: [
      { system: "CPT", codes: ["92250", "92227", "92228", "92229"], why: "the billed fundus photography and remote retinal imaging" },
      { system: "CPT", codes: ["2022F", "2023F", "2024F", "2025F", "2026F", "2033F", "3072F"], why: "CPT II codes that report a dilated or retinal exam (and no retinopathy the year before) on a claim" },
      { system: "LOINC", codes: ["71490-7", "71491-5"], why: "retinopathy severity by ophthalmoscopy, recorded at the exam (Synthea)" },
    ],
  },
  "depression-screening": {
    name: "Depression screening (PHQ)",
    valueSets: [],
    supplements: [
      { system: "LOINC", codes: ["73831-0", "73832-8"], why: "CMS2's direct reference codes for adolescent and adult depression screening" },
      { system: "LOINC", codes: ["44249-1", "44261-6", "55757-9", "55758-7", "89204-2", "89206-7"], why: "PHQ-9, PHQ-2 and teen PHQ-9 panels and total scores" },
      { system: "HCPCS", codes: ["G0444", "G8431", "G8510"], why: "the billed annual depression screening and its quality-reporting results" },
      { system: "SNOMED", codes: ["171207006", "715252007"], why: "depression screening (and by PHQ-9) recorded as a procedure (Synthea)" },
    ],
  },
  "falls-screening": {
    name: "Falls risk screening",
    valueSets: [vs.fallsScreening],
    supplements: [{ system: "CPT", codes: ["1100F", "1101F", "3288F"], why: "CPT II codes that report a falls history or falls risk assessment" }],
  },
  "tobacco-use-screening": {
    name: "Tobacco use screening",
    valueSets: [],
    supplements: [{ system: "LOINC", codes: ["72166-2"], why: "tobacco smoking status (US Core), the observation that records the question was asked" }],
  },
  bmi: {
    name: "Body mass index",
    valueSets: [],
    supplements: [{ system: "LOINC", codes: ["39156-5"], why: "CMS69's direct reference code; the BMI vital sign" }],
  },
  "blood-pressure": {
    name: "Blood pressure",
    valueSets: [],
    supplements: [{ system: "LOINC", codes: ["85354-9", "55284-4", "8480-6", "8462-4"], why: "CMS165's blood pressure panel with its systolic and diastolic components" }],
  },
  // ---- immunizations (ACIP) ----
  "influenza-vaccine": {
    name: "Influenza vaccine",
    valueSets: [],
    supplements: [
      { system: "CVX", codes: ["88", "135", "140", "141", "149", "150", "155", "158", "161", "168", "171", "185", "186", "197", "205"], why: "influenza vaccines given to adults" },
      { system: "CPT", codes: ["90653", "90656", "90662", "90673", "90674", "90682", "90686", "90688", "90694", "90756"], why: "the billed adult influenza vaccine products" },
    ],
  },
  "pneumococcal-vaccine": {
    name: "Pneumococcal vaccine",
    valueSets: [],
    supplements: [
      { system: "CVX", codes: ["33", "109", "133", "152", "215", "216"], why: "PPSV23, PCV13, PCV15, PCV20, PCV21" },
      { system: "CPT", codes: ["90670", "90671", "90677", "90732"], why: "the billed pneumococcal vaccine products" },
    ],
  },
  "zoster-vaccine": {
    name: "Zoster vaccine",
    valueSets: [],
    supplements: [
      { system: "CVX", codes: ["187", "121", "188"], why: "recombinant, live and unspecified zoster vaccine" },
      { system: "CPT", codes: ["90750", "90736"], why: "the billed zoster vaccine products" },
    ],
  },
  "td-tdap-vaccine": {
    name: "Td or Tdap vaccine",
    valueSets: [],
    supplements: [
      { system: "CVX", codes: ["115", "113", "09", "139", "196"], why: "Tdap, Td (adult) and unspecified tetanus-diphtheria vaccines" },
      { system: "CPT", codes: ["90715", "90714"], why: "the billed Tdap and Td products" },
    ],
  },
  // ---- exclusions and eligibility ----
  "no-residual-cervix": {
    name: "Hysterectomy with no residual cervix, or absence of cervix",
    valueSets: [vs.hysterectomyNoResidualCervix, vs.absenceOfCervix],
    supplements: [{ system: "CPT", codes: ["58293"], why: "vaginal hysterectomy with colpo-urethrocystopexy removes the cervix too; the value set omits it" }],
  },
  "colorectal-cancer-or-colectomy": {
    name: "Colorectal cancer or total colectomy",
    valueSets: [vs.malignantNeoplasmOfColon, vs.totalColectomy],
    supplements: [{ system: "ICD10CM", codes: ["C18", "C19", "C20"], why: "every malignant neoplasm of colon, rectosigmoid and rectum, as ICD-10-CM prefixes" }],
  },
  "bilateral-mastectomy": {
    name: "Bilateral mastectomy",
    valueSets: [vs.bilateralMastectomy, vs.historyOfBilateralMastectomy],
    supplements: [],
  },
  diabetes: {
    name: "Diabetes",
    valueSets: [vs.diabetes],
    supplements: [{ system: "ICD10CM", codes: ["E10", "E11", "E13"], why: "every type 1, type 2 and other specified diabetes code, as ICD-10-CM prefixes" }],
  },
  "hiv-infection": {
    name: "HIV infection",
    valueSets: [vs.hiv],
    supplements: [],
  },
} as const satisfies Record<string, ClinicalConcept>;

export type ConceptId = keyof typeof catalogue;
export const clinicalConcepts: Readonly<Record<ConceptId, ClinicalConcept>> = catalogue;
export const conceptIds = Object.keys(catalogue) as [ConceptId, ...ConceptId[]];
