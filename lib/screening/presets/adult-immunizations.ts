import type { ScreeningTypeInput } from "../screening-type";
import { presetType } from "./preset-type";

/**
 * ACIP adult immunizations tracked like screenings (CVX for the administered vaccine, CPT for the
 * product). Simplifications, stated in the notes: influenza is a rolling 12 months, not season-
 * anchored; pneumococcal and zoster series completion is not modelled (any dose counts). Data only.
 */
const immunizationDocuments = ["consult", "hospital", "other"] as const;

export const adultImmunizations: ScreeningTypeInput[] = [
  presetType({
    key: "influenza-vaccine", name: "Influenza vaccine (yearly)",
    eligibility: { minAge: 18 }, every: 1,
    concepts: ["influenza-vaccine"],
    keyword: {
      term: "influenza vaccine",
      synonyms: ["flu shot", "flu vaccine", "influenza immunization", "fluzone", "flublok", "flucelvax", "fluad", "afluria", "fluarix", "flulaval", "flumist"],
    },
    documents: immunizationDocuments,
  }),
  presetType({
    key: "pneumococcal-vaccine", name: "Pneumococcal vaccine (65+)",
    eligibility: { minAge: 65, note: "Series rules (e.g. PCV15 then PPSV23) are not checked; confirm the series." }, every: "once",
    concepts: ["pneumococcal-vaccine"],
    keyword: {
      term: "pneumococcal vaccine",
      synonyms: ["prevnar", "pneumovax", "vaxneuvance", "capvaxive", "pcv20", "pcv21", "pcv15", "pcv13", "ppsv23"],
    },
    documents: immunizationDocuments,
  }),
  presetType({
    key: "zoster-vaccine", name: "Shingles vaccine (50+)",
    eligibility: { minAge: 50, note: "Recombinant zoster vaccine is two doses; the second dose is not checked." }, every: "once",
    concepts: ["zoster-vaccine"],
    keyword: { term: "shingrix", synonyms: ["zoster vaccine", "shingles vaccine", "recombinant zoster", "zostavax"] },
    documents: immunizationDocuments,
  }),
  presetType({
    key: "td-tdap-vaccine", name: "Tetanus booster (Td/Tdap every 10 years)",
    eligibility: { minAge: 18 }, every: 10,
    timing: { dueSoonDays: 60 },
    concepts: ["td-tdap-vaccine"],
    keyword: { term: "tdap", synonyms: ["td vaccine", "tetanus diphtheria", "tetanus booster", "boostrix", "adacel", "tenivac"] },
    documents: immunizationDocuments,
  }),
];
