import type { SearchParams } from "./fhir-url";

/**
 * A rule is a list of alternatives; each alternative is a set of parameters that must all be
 * present. `_id` always satisfies a rule (a search by id is a read in disguise).
 */
type Rule = { alternatives: readonly (readonly string[])[]; message: string };

const patientScoped = [["patient"], ["subject"]] as const;

/**
 * Epic's required search parameters (epic-smart-facts §2.5). Epic answers 400 OperationOutcome
 * (`required`, 4111) without them; checking first turns a round trip into a clear programming error.
 */
export const epicSearchRules: Readonly<Record<string, readonly Rule[]>> = {
  Observation: [
    { alternatives: patientScoped, message: "Observation search needs patient or subject" },
    { alternatives: [["category"], ["code"]], message: "Epic requires Observation searches to include category or code" },
  ],
  Condition: [
    { alternatives: patientScoped, message: "Condition search needs patient or subject" },
    {
      alternatives: [["category"]],
      message: "Epic requires Condition searches to include category (problem-list-item, encounter-diagnosis, health-concern)",
    },
  ],
  DocumentReference: [{ alternatives: patientScoped, message: "DocumentReference search needs patient or subject" }],
  DiagnosticReport: [{ alternatives: patientScoped, message: "DiagnosticReport search needs patient or subject" }],
  Procedure: [{ alternatives: patientScoped, message: "Procedure search needs patient or subject" }],
  Immunization: [{ alternatives: [["patient"]], message: "Immunization search needs patient" }],
  Encounter: [{ alternatives: patientScoped, message: "Encounter search needs patient or subject" }],
  Appointment: [
    {
      alternatives: [["patient"], ["actor"], ["practitioner"], ["location"], ["identifier"]],
      message: "Appointment search needs patient, actor, practitioner, location or identifier",
    },
  ],
  Patient: [
    {
      // Epic only returns strong demographic matches (§2.5); a bare name search is refused.
      alternatives: [["identifier"], ["family", "birthdate"], ["name", "birthdate"], ["given", "family", "birthdate"]],
      message: "Epic Patient search needs identifier, or a name with birthdate",
    },
  ],
};

function presentNames(params: SearchParams): Set<string> {
  const names = new Set<string>();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    names.add(key.split(":")[0] ?? key); // `code:text` counts as `code`
  }
  return names;
}

export type SearchRuleCheck = { ok: true } | { ok: false; message: string };

/** Check a search against Epic's required parameters. Messages name parameters, never values. */
export function checkEpicSearch(resourceType: string, params: SearchParams): SearchRuleCheck {
  const present = presentNames(params);
  if (present.has("_id")) return { ok: true };
  for (const rule of epicSearchRules[resourceType] ?? []) {
    const satisfied = rule.alternatives.some((group) => group.every((name) => present.has(name)));
    if (!satisfied) return { ok: false, message: rule.message };
  }
  return { ok: true };
}
