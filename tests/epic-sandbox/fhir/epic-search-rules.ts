import type { OperationOutcome } from "@medplum/fhirtypes";
import type { EpicRules } from "../sandbox-types";
import { outcome } from "./operation-outcome";

/**
 * Epic refuses unqualified searches on split APIs: Observation needs category or code, Condition needs
 * category (problem-list-item, encounter-diagnosis, health-concern). Returns the 400 outcome or undefined.
 */
export function checkEpicSearchRules(type: string, query: URLSearchParams, rules: EpicRules): OperationOutcome | undefined {
  const has = (name: string) => [...query.keys()].some((k) => k === name || k.startsWith(`${name}:`));
  if (type === "Observation" && rules.observationNeedsCategoryOrCode && !has("category") && !has("code")) {
    return outcome("fatal", "required", "Must have either code or category.", "59100");
  }
  if (type === "Condition" && rules.conditionNeedsCategory && !has("category")) {
    return outcome("fatal", "required", "A category parameter is required.", "59100");
  }
  return undefined;
}
