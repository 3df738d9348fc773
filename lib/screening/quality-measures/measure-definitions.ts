import type { QualityMeasureDefinition } from "./measure-definition";
import { diabetesDiagnosis, hospiceAndPalliativeExclusions, qualifyingVisit } from "./shared-value-sets";

/**
 * The 2025 eCQM versions (CMS125v13, CMS130v13, CMS124v13, CMS122v13, CMS131v13, CMS349v7) as data.
 * Windows are calendar-anchored on the measurement period, never on a fixed year. Not modelled:
 * the age-66+ frailty/advanced-illness and long-term-care exclusions, and the eye care
 * professional's credentials (CMS131); see README of this folder's tests for their effect.
 */
const labs = ["observation", "diagnostic_report"] as const;
const tests = ["observation", "diagnostic_report", "procedure"] as const;

export const cms130: QualityMeasureDefinition = {
  cmsId: "CMS130",
  title: "Colorectal Cancer Screening",
  ageRange: { min: 46, max: 75, at: "end" },
  sex: "any",
  qualifyingEncounter: qualifyingVisit,
  population: [],
  exclusions: [
    ...hospiceAndPalliativeExclusions,
    [{ label: "colorectal cancer", kinds: ["condition"], codes: { ICD10CM: ["C18", "C19", "C20", "C21.2", "C21.8", "C78.5"], SNOMED: ["363406005", "93761005", "109838007", "1701000119104"] }, window: { kind: "beforeEnd" }, match: "overlaps" }],
    [{ label: "total colectomy", kinds: ["procedure"], codes: { CPT: ["44150", "44151", "44155", "44156", "44157", "44158", "44210", "44211", "44212"], SNOMED: ["26390003", "303401008", "307666008", "31130001"] }, window: { kind: "beforeEnd" } }],
  ],
  numerator: {
    kind: "any",
    criteria: [
      { label: "fecal occult blood test", kinds: labs, requiresValue: true, window: { kind: "period" },
        codes: { LOINC: ["2335-8", "12503-9", "12504-7", "14563-1", "14564-9", "14565-6", "27396-1", "27401-9", "27925-7", "27926-5", "29771-3", "56490-6", "56491-4", "57905-2", "58453-2", "80372-6"] } },
      { label: "stool DNA with FIT", kinds: labs, requiresValue: true, window: { kind: "yearsBeforeStart", years: 2 }, codes: { LOINC: ["77353-1", "77354-9"] } },
      { label: "CT colonography", kinds: tests, window: { kind: "yearsBeforeStart", years: 4 }, codes: { LOINC: ["60515-4", "72531-7", "79069-1", "79071-7", "79101-2", "82688-3"], CPT: ["74261", "74262", "74263"] } },
      { label: "flexible sigmoidoscopy", kinds: ["procedure"], window: { kind: "yearsBeforeStart", years: 4 },
        codes: { CPT: ["45330", "45331", "45332", "45333", "45334", "45335", "45337", "45338", "45340", "45341", "45342", "45346", "45347", "45349", "45350"], HCPCS: ["G0104"], SNOMED: ["44441009", "396226005", "425634007"] } },
      { label: "colonoscopy", kinds: ["procedure"], window: { kind: "yearsBeforeStart", years: 9 },
        codes: {
          CPT: ["44388", "44389", "44390", "44391", "44392", "44394", "44401", "44402", "44403", "44404", "44405", "44406", "44407", "44408", "45355",
            "45378", "45379", "45380", "45381", "45382", "45384", "45385", "45386", "45388", "45389", "45390", "45391", "45392", "45393", "45398"],
          HCPCS: ["G0105", "G0121"],
          SNOMED: ["73761001", "310634005", "446521004", "446745002", "447021001", "12350003", "174158000", "444783004"],
        } },
    ],
  },
  gapAction: "Offer colorectal cancer screening (FIT yearly, stool DNA-FIT, CT colonography or colonoscopy).",
};

export const cms125: QualityMeasureDefinition = {
  cmsId: "CMS125",
  title: "Breast Cancer Screening",
  ageRange: { min: 52, max: 74, at: "end" },
  sex: "female",
  qualifyingEncounter: qualifyingVisit,
  population: [],
  exclusions: [
    ...hospiceAndPalliativeExclusions,
    [{ label: "history of bilateral mastectomy", kinds: ["condition"], codes: { ICD10CM: ["Z90.13"] }, window: { kind: "beforeEnd" }, match: "overlaps" }],
    [
      { label: "absence of right breast", kinds: ["condition"], codes: { ICD10CM: ["Z90.11"] }, window: { kind: "beforeEnd" }, match: "overlaps" },
      { label: "absence of left breast", kinds: ["condition"], codes: { ICD10CM: ["Z90.12"] }, window: { kind: "beforeEnd" }, match: "overlaps" },
    ],
  ],
  numerator: {
    kind: "any",
    criteria: [{
      label: "mammogram", kinds: tests, window: { kind: "calendarDayYearsBefore", years: 2, month: 10, day: 1 },
      codes: {
        LOINC: ["24604-1", "24605-8", "24606-6", "24610-8", "26175-0", "26176-8", "26177-6", "26346-7", "26347-5", "26348-3", "26349-1", "26350-9",
          "26351-7", "36319-2", "36625-2", "36626-0", "36627-8", "36642-7", "36962-9", "37005-6", "37006-4", "37028-8", "37029-6", "37030-4", "37539-4",
          "37542-8", "37543-6", "37551-9", "37552-7", "37553-5", "37554-3", "37768-9", "37769-7", "37770-5", "37771-3", "37772-1", "37773-9", "37774-7",
          "37775-4", "38070-9", "38071-7", "38072-5", "38090-7", "38091-5", "38807-4", "38820-7", "38854-6", "38855-3", "39150-8", "39152-4", "39153-2",
          "39154-0", "42168-5", "42169-3", "42174-3", "42415-0", "42416-8", "46335-6", "46336-4", "46337-2", "46338-0", "46339-8", "46342-2", "46350-5",
          "46351-3", "46354-7", "46355-4", "46356-2", "46380-2", "48475-8", "48492-3", "69150-1", "69251-7", "69259-0", "72137-3", "72138-1", "72139-9",
          "72140-7", "72141-5", "72142-3", "86462-9", "86463-7", "91517-3", "91518-1", "91519-9", "91520-7", "91521-5", "91522-3"],
        CPT: ["77061", "77062", "77063", "77065", "77066", "77067"],
        HCPCS: ["G0202", "G0204", "G0206"],
      },
    }],
  },
  gapAction: "Order a screening mammogram.",
};

export const cms124: QualityMeasureDefinition = {
  cmsId: "CMS124",
  title: "Cervical Cancer Screening",
  ageRange: { min: 24, max: 64, at: "end" },
  sex: "female",
  qualifyingEncounter: qualifyingVisit,
  population: [],
  exclusions: [
    ...hospiceAndPalliativeExclusions,
    [{ label: "hysterectomy with no residual cervix", kinds: ["procedure"], codes: { SNOMED: ["116140006", "41566006", "41576009", "27950001", "307771009"] }, window: { kind: "beforeEnd" } }],
    [{ label: "absence of cervix", kinds: ["condition"], codes: { ICD10CM: ["Q51.5", "Z90.710", "Z90.712"], SNOMED: ["37687000", "429763009", "429290001"] }, window: { kind: "beforeEnd" }, match: "overlaps" }],
  ],
  numerator: {
    kind: "any",
    criteria: [
      { label: "cervical cytology", kinds: labs, requiresValue: true, window: { kind: "yearsBeforeStart", years: 2 }, ageAtEvent: { min: 21 },
        codes: { LOINC: ["10524-7", "18500-9", "19762-4", "19764-0", "19765-7", "19766-5", "19774-9", "33717-0", "47527-7", "47528-5"] } },
      { label: "high-risk HPV test", kinds: labs, requiresValue: true, window: { kind: "yearsBeforeStart", years: 4 }, ageAtEvent: { min: 30 },
        codes: { LOINC: ["21440-3", "30167-1", "38372-9", "59263-4", "59264-2", "59420-0", "69002-4", "71431-1", "75406-8", "75694-9", "77379-6", "77399-4", "77400-0", "82354-2", "82456-5", "82675-0", "95539-3"] } },
    ],
  },
  gapAction: "Offer cervical cytology (or HPV testing from age 30).",
};

export const cms122: QualityMeasureDefinition = {
  cmsId: "CMS122",
  title: "Diabetes: Glycemic Status Assessment Greater Than 9% (inverse)",
  ageRange: { min: 18, max: 75, at: "end" },
  sex: "any",
  qualifyingEncounter: qualifyingVisit,
  population: [diabetesDiagnosis],
  exclusions: hospiceAndPalliativeExclusions,
  numerator: {
    kind: "latestValueAbove",
    threshold: 9,
    criterion: { label: "HbA1c or GMI", kinds: labs, window: { kind: "period" }, codes: { LOINC: ["4548-4", "4549-2", "17856-6", "96595-4", "97506-0"] } },
  },
  gapAction: "Check HbA1c this year; if above 9%, intensify treatment.",
};

export const cms131: QualityMeasureDefinition = {
  cmsId: "CMS131",
  title: "Diabetes: Eye Exam",
  ageRange: { min: 18, max: 75, at: "end" },
  sex: "any",
  qualifyingEncounter: qualifyingVisit,
  population: [diabetesDiagnosis],
  exclusions: hospiceAndPalliativeExclusions,
  numerator: {
    kind: "any",
    criteria: [{
      label: "retinal or dilated eye exam", kinds: [...tests, "encounter"], window: { kind: "period" },
      codes: { CPT: ["92002", "92004", "92012", "92014", "92134", "92227", "92228", "92229", "92250", "2022F", "2023F", "2024F", "2025F", "2026F", "2033F", "3072F"], HCPCS: ["S0620", "S0621", "S3000"] },
    }],
  },
  gapAction: "Refer for a retinal or dilated eye exam.",
};

export const cms349: QualityMeasureDefinition = {
  cmsId: "CMS349",
  title: "HIV Screening",
  ageRange: { min: 15, max: 65, at: "start" },
  sex: "any",
  qualifyingEncounter: qualifyingVisit,
  population: [],
  exclusions: [[{ label: "HIV diagnosis before the period", kinds: ["condition"], codes: { ICD10CM: ["B20", "Z21"], SNOMED: ["86406008", "165816005"] }, window: { kind: "beforeStart" }, match: "overlaps" }]],
  numerator: {
    kind: "any",
    criteria: [{
      label: "HIV test", kinds: labs, window: { kind: "beforeEnd" }, ageAtEvent: { min: 15, max: 65 },
      codes: { LOINC: ["75622-1", "56888-1", "7917-8", "7918-6", "5221-7", "31201-7", "68961-2", "80387-4"] },
    }],
  },
  gapAction: "Offer an HIV test.",
};

export const qualityMeasures: readonly QualityMeasureDefinition[] = [cms125, cms130, cms124, cms122, cms131, cms349];

export function findQualityMeasure(cmsId: string): QualityMeasureDefinition | null {
  return qualityMeasures.find((m) => m.cmsId === cmsId) ?? null;
}
