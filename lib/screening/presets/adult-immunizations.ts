import type { ScreeningTypeInput } from "../screening-type";

/**
 * ACIP adult immunizations tracked like screenings (CVX for the administered vaccine, CPT for the
 * product). Simplifications, stated in the notes: influenza is a rolling 12 months, not season-
 * anchored; pneumococcal and zoster series completion is not modelled (any dose counts). Data only.
 */
const immunizationDocuments = ["consult", "hospital", "other"] as const;

export const adultImmunizations: ScreeningTypeInput[] = [
  {
    key: "influenza-vaccine", version: 1, name: "Influenza vaccine (yearly)",
    eligibility: { minAge: 18 },
    frequency: { kind: "interval", value: 1, unit: "years" },
    evidence: {
      concepts: ["influenza-vaccine"],
      keywords: [{
        term: "influenza vaccine",
        synonyms: ["flu shot", "flu vaccine", "influenza immunization", "fluzone", "flublok", "flucelvax", "fluad", "afluria", "fluarix", "flulaval", "flumist"],
      }],
      documentCategories: [...immunizationDocuments],
    },
  },
  {
    key: "pneumococcal-vaccine", version: 1, name: "Pneumococcal vaccine (65+)",
    eligibility: { minAge: 65, note: "Series rules (e.g. PCV15 then PPSV23) are not checked; confirm the series." },
    frequency: { kind: "once" },
    evidence: {
      concepts: ["pneumococcal-vaccine"],
      keywords: [{
        term: "pneumococcal vaccine",
        synonyms: ["prevnar", "pneumovax", "vaxneuvance", "capvaxive", "pcv20", "pcv21", "pcv15", "pcv13", "ppsv23"],
      }],
      documentCategories: [...immunizationDocuments],
    },
  },
  {
    key: "zoster-vaccine", version: 1, name: "Shingles vaccine (50+)",
    eligibility: { minAge: 50, note: "Recombinant zoster vaccine is two doses; the second dose is not checked." },
    frequency: { kind: "once" },
    evidence: {
      concepts: ["zoster-vaccine"],
      keywords: [{ term: "shingrix", synonyms: ["zoster vaccine", "shingles vaccine", "recombinant zoster", "zostavax"] }],
      documentCategories: [...immunizationDocuments],
    },
  },
  {
    key: "td-tdap-vaccine", version: 1, name: "Tetanus booster (Td/Tdap every 10 years)",
    eligibility: { minAge: 18 },
    frequency: { kind: "interval", value: 10, unit: "years" },
    timing: { dueSoonDays: 60 },
    evidence: {
      concepts: ["td-tdap-vaccine"],
      keywords: [{ term: "tdap", synonyms: ["td vaccine", "tetanus diphtheria", "tetanus booster", "boostrix", "adacel", "tenivac"] }],
      documentCategories: [...immunizationDocuments],
    },
  },
];
