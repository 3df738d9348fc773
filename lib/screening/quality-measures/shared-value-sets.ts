import type { CodeSystem } from "../code-set";
import type { Criterion, CriteriaGroup } from "./measure-definition";

/**
 * Codes shared by several measures, the product's own definitions (data, not the corpus value
 * sets). ICD-10-CM entries are prefixes, as everywhere in the engine. Sources: CMS eCQM value set
 * titles of the same name (VSAC), trimmed to codes we are sure of.
 */
export type CodeSetInputLike = Partial<Record<CodeSystem, readonly string[]>>;

const range = (from: number, to: number, prefix = "") => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/** Office, preventive, annual wellness, home, telephone, online and virtual visits. */
export const outpatientVisits: CodeSetInputLike = {
  CPT: [
    ...range(99202, 99205), ...range(99211, 99215), ...range(99381, 99387), ...range(99391, 99397), "99401", "99402", "99403", "99404",
    "99411", "99412", "99429", ...range(99341, 99345), ...range(99347, 99350), "98966", "98967", "98968", "99441", "99442", "99443",
    "98970", "98971", "98972", "99421", "99422", "99423", "99457", "98980", "98981",
  ],
  HCPCS: ["G0402", "G0438", "G0439", "G0463", "G2010", "G2012", "G2061", "G2062", "G2063", "G2250", "G2251", "G2252", "T1015"],
  SNOMED: ["185349003", "185463005", "185465003", "30346009", "37894004", "439740005", "86013001", "90526000", "410620009", "162673000", "3391000175108"],
};

export const hospiceServices: CodeSetInputLike = {
  SNOMED: ["385763009", "305336008", "183919006", "183920000", "183921001", "305911006"],
  HCPCS: ["G9473", "G9474", "G9475", "G9476", "G9477", "G9478", "G9479", "Q5003", "Q5004", "Q5005", "Q5006", "Q5007", "Q5008", "Q5010", "S9126", "T2042", "T2043", "T2044", "T2045", "T2046"],
  CPT: ["99377", "99378"],
};
/** Discharge to home or to a facility for hospice care. */
export const hospiceDischarge: CodeSetInputLike = { SNOMED: ["428361000124107", "428371000124100"] };

export const palliativeCare: CodeSetInputLike = {
  ICD10CM: ["Z51.5"],
  SNOMED: ["103735009", "305686008", "305824005", "713281006", "4901000124101"],
};

const inPeriod = { kind: "period" } as const;

/** Hospice or palliative care during the measurement period: excluded from every measure here. */
export const hospiceAndPalliativeExclusions: readonly CriteriaGroup[] = [
  [{ label: "hospice care", kinds: ["encounter", "intervention", "procedure"], codes: hospiceServices, window: inPeriod, match: "overlaps" }],
  [{ label: "discharged to hospice", kinds: ["encounter"], valueCodes: hospiceDischarge, window: inPeriod, match: "overlaps" }],
  [{ label: "hospice assessment answered yes", kinds: ["observation"], codes: { LOINC: ["45755-6"] }, valueCodes: { LOINC: ["LA33-6"] }, window: inPeriod }],
  [{ label: "palliative care", kinds: ["encounter", "intervention", "procedure", "condition"], codes: palliativeCare, window: inPeriod, match: "overlaps" }],
  [{ label: "palliative care assessment", kinds: ["observation"], codes: { LOINC: ["71007-9"] }, window: inPeriod }],
];

export const qualifyingVisit: Criterion = { label: "qualifying outpatient visit", kinds: ["encounter"], codes: outpatientVisits, window: inPeriod, match: "overlaps" };

export const diabetesDiagnosis: Criterion = {
  label: "diabetes diagnosis",
  kinds: ["condition"],
  codes: { ICD10CM: ["E10", "E11", "E13", "O24.0", "O24.1", "O24.3", "O24.8"], SNOMED: ["73211009", "44054006", "46635009", "8801005"] },
  window: inPeriod,
  match: "overlaps",
};
