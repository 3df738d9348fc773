import type { ClinicalResourceType } from "@/db/schema";
import type { SearchParams } from "@/lib/fhir/fhir-url";

export type PatientSearch = {
  /** Stable and PHI-free: used in counts and failure lists. */
  key: string;
  resourceType: ClinicalResourceType | "DocumentReference";
  params: SearchParams;
};

// Epic splits Condition and Observation into per-category APIs and refuses searches without a
// category (epic-smart-facts §2.5); a comma list is an OR search, so one request covers every
// category we use (Ronin's production Epic client does the same). social-history carries smoking
// status (lung cancer screening).
const conditionCategories = ["problem-list-item", "encounter-diagnosis", "health-concern"] as const;
const observationCategories = ["laboratory", "vital-signs", "social-history"] as const;

/**
 * Page size asked for. Epic publishes no maximum; a server that caps lower still answers with a
 * `next` link, which the client follows, so a larger page only saves round trips.
 */
export const patientSearchPageSize = 200;

/**
 * Every search one patient pull makes: one per resource type the prep sheet and screening read.
 * With `since`, each asks only for what changed after it (`_lastUpdated=gt…`); without, everything
 * (a full resync). Pure.
 */
export function buildPatientSearches(ehrPatientId: string, since: Date | undefined): PatientSearch[] {
  const changed = since ? { _lastUpdated: `gt${since.toISOString()}` } : {};
  const base = { patient: ehrPatientId, _count: patientSearchPageSize, ...changed };
  return [
    { key: "Condition", resourceType: "Condition", params: { ...base, category: conditionCategories.join(",") } },
    { key: "Observation", resourceType: "Observation", params: { ...base, category: observationCategories.join(",") } },
    { key: "Procedure", resourceType: "Procedure", params: base },
    { key: "DiagnosticReport", resourceType: "DiagnosticReport", params: base },
    { key: "Immunization", resourceType: "Immunization", params: base },
    { key: "Encounter", resourceType: "Encounter", params: base },
    { key: "DocumentReference", resourceType: "DocumentReference", params: base },
  ];
}
