import type { ClinicalResourceType } from "@/db/schema";
import type { SearchParams } from "@/lib/fhir/fhir-url";

export type PatientSearch = {
  /** Stable and PHI-free: used in counts and failure lists. */
  key: string;
  resourceType: ClinicalResourceType | "DocumentReference";
  params: SearchParams;
};

// Epic splits Condition and Observation into per-category APIs and refuses searches without a
// category (epic-smart-facts §2.5). social-history carries smoking status (lung cancer screening).
const conditionCategories = ["problem-list-item", "encounter-diagnosis", "health-concern"] as const;
const observationCategories = ["laboratory", "vital-signs", "social-history"] as const;

/**
 * Every search one patient pull makes. With `since`, each asks only for what changed after it
 * (`_lastUpdated=gt…`); without, everything (a full resync). Pure.
 */
export function buildPatientSearches(ehrPatientId: string, since: Date | undefined): PatientSearch[] {
  const changed = since ? { _lastUpdated: `gt${since.toISOString()}` } : {};
  const base = { patient: ehrPatientId, _count: 100, ...changed };
  return [
    ...conditionCategories.map((category) => ({ key: `Condition:${category}`, resourceType: "Condition" as const, params: { ...base, category } })),
    ...observationCategories.map((category) => ({ key: `Observation:${category}`, resourceType: "Observation" as const, params: { ...base, category } })),
    { key: "Procedure", resourceType: "Procedure", params: base },
    { key: "DiagnosticReport", resourceType: "DiagnosticReport", params: base },
    { key: "Immunization", resourceType: "Immunization", params: base },
    { key: "Encounter", resourceType: "Encounter", params: base },
    { key: "DocumentReference", resourceType: "DocumentReference", params: base },
  ];
}
