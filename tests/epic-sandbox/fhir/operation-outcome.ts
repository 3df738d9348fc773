import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";

/** Epic's own code system for its OperationOutcome details (values seen in sandbox answers). */
export const epicOutcomeSystem = "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369";

export function outcome(
  severity: OperationOutcomeIssue["severity"],
  code: OperationOutcomeIssue["code"],
  text: string,
  epicCode?: string,
): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity,
        code,
        details: {
          ...(epicCode ? { coding: [{ system: epicOutcomeSystem, code: epicCode, display: text }] } : {}),
          text,
        },
        diagnostics: text,
      },
    ],
  };
}

/** What Epic puts in an empty searchset: a warning, not an error. */
export const noResultsOutcome = (): OperationOutcome =>
  outcome("warning", "processing", "Resource request returns no results.", "4101");
