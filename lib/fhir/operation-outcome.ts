import type { OperationOutcome } from "@medplum/fhirtypes";

/** Epic's own code system for OperationOutcome details (4101 "no results", 4111 "required parameter", …). */
export const epicOutcomeSystem = "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369";

/**
 * One OperationOutcome issue reduced to fields that are safe to log and store. `diagnostics` is
 * dropped on purpose: Epic echoes request values (names, ids) into it.
 */
export interface OutcomeIssue {
  severity: string;
  code: string;
  /** The details coding code, e.g. Epic's "4101". */
  detailCode: string | null;
  /** Epic's canned details text or coding display, e.g. "Resource request returns no results." */
  text: string | null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** True for anything shaped like an OperationOutcome (used on untrusted response bodies). */
export function isOperationOutcome(value: unknown): value is OperationOutcome {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === "OperationOutcome"
  );
}

/** Reduce an OperationOutcome to its PHI-free issue summaries. */
export function summarizeOutcome(outcome: unknown): OutcomeIssue[] {
  if (!isOperationOutcome(outcome) || !Array.isArray(outcome.issue)) return [];
  const issues: OutcomeIssue[] = [];
  for (const raw of outcome.issue as unknown[]) {
    if (typeof raw !== "object" || raw === null) continue;
    const issue = raw as Record<string, unknown>;
    const details = (typeof issue.details === "object" && issue.details !== null ? issue.details : {}) as Record<
      string,
      unknown
    >;
    const codings = Array.isArray(details.coding) ? (details.coding as unknown[]) : [];
    const epicCoding = codings.find(
      (c): c is Record<string, unknown> =>
        typeof c === "object" && c !== null && (c as Record<string, unknown>).system === epicOutcomeSystem,
    );
    const firstCoding = epicCoding ?? (codings[0] as Record<string, unknown> | undefined);
    issues.push({
      severity: str(issue.severity) ?? "unknown",
      code: str(issue.code) ?? "unknown",
      detailCode: str(firstCoding?.code),
      text: str(details.text) ?? str(firstCoding?.display),
    });
  }
  return issues;
}

/** A short log-safe label for issues, e.g. "required/4111, informational/4101". Codes only, no text. */
export function describeIssues(issues: readonly OutcomeIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.detailCode ? `${i.code}/${i.detailCode}` : i.code))
    .join(", ");
}
