import type { OperationOutcome } from "@medplum/fhirtypes";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { describeIssues, summarizeOutcome, type OutcomeIssue } from "./operation-outcome";

/** What went wrong, so callers can branch without parsing messages. */
export type FhirErrorKind =
  | "http" // Epic answered with a non-2xx status
  | "timeout"
  | "network"
  | "too_large" // a body exceeded the caller's size cap
  | "invalid_response" // unparseable body, wrong resourceType, foreign next link
  | "invalid_request" // refused before sending (Epic search rules, bad URL)
  | "unknown_outcome"; // a create may or may not have been filed

export type FhirOperation = "read" | "search" | "create" | "binary";

export interface FhirErrorInit {
  kind: FhirErrorKind;
  operation: FhirOperation;
  resourceType?: string | undefined;
  status?: number | undefined;
  outcome?: OperationOutcome | undefined;
  retryAfterMs?: number | undefined;
  /** A fixed, PHI-free phrase; never a response body or a query value. */
  reason?: string | undefined;
  cause?: unknown;
}

function appCodeFor(init: FhirErrorInit): AppErrorCode {
  if (init.kind === "too_large") return "document_failed";
  if (init.kind === "invalid_request") return "invalid_input";
  if (init.kind !== "http" || init.status === undefined) return "ehr_unavailable";
  if (init.status === 404 || init.status === 410) return "not_found";
  if (init.status === 429) return "rate_limited";
  if (init.status >= 500) return "ehr_unavailable";
  return "ehr_rejected";
}

function safeMessage(init: FhirErrorInit, issues: readonly OutcomeIssue[]): string {
  const target = init.resourceType ? `${init.operation} ${init.resourceType}` : init.operation;
  const parts = [`FHIR ${target} failed: ${init.kind}`];
  if (init.status !== undefined) parts.push(`HTTP ${init.status}`);
  if (issues.length > 0) parts.push(`issues ${describeIssues(issues)}`);
  if (init.reason) parts.push(init.reason);
  return parts.join("; ");
}

/**
 * A failed FHIR call. `message` is built only from the operation, resource type, status and
 * OperationOutcome codes, so it is safe to log; the outcome itself is kept for callers that need it.
 */
export class FhirError extends AppError {
  readonly kind: FhirErrorKind;
  readonly operation: FhirOperation;
  readonly resourceType: string | undefined;
  readonly httpStatus: number | undefined;
  readonly outcome: OperationOutcome | undefined;
  readonly issues: OutcomeIssue[];
  readonly retryAfterMs: number | undefined;

  constructor(init: FhirErrorInit) {
    const issues = summarizeOutcome(init.outcome);
    const details =
      init.retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(init.retryAfterMs / 1000) } : undefined;
    super(appCodeFor(init), safeMessage(init, issues), { cause: init.cause, details });
    this.name = "FhirError";
    this.kind = init.kind;
    this.operation = init.operation;
    this.resourceType = init.resourceType;
    this.httpStatus = init.status;
    this.outcome = init.outcome;
    this.issues = issues;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** True when trying the same request later may succeed (rate limit, outage, network). */
  get transient(): boolean {
    if (this.kind === "timeout" || this.kind === "network") return true;
    return this.kind === "http" && (this.httpStatus === 429 || (this.httpStatus ?? 0) >= 500);
  }
}

/**
 * A create whose request may have reached Epic but whose answer was lost (dropped connection,
 * timeout, gateway error). Epic does not deduplicate creates, so callers must reconcile (search by
 * identifier) before trying again; it is never retried automatically.
 */
export class FhirCreateOutcomeUnknownError extends FhirError {
  constructor(init: Omit<FhirErrorInit, "kind" | "operation">) {
    super({ ...init, kind: "unknown_outcome", operation: "create" });
    this.name = "FhirCreateOutcomeUnknownError";
  }
}

/** Type guard for FhirError (including the unknown-outcome subclass). */
export function isFhirError(value: unknown): value is FhirError {
  return value instanceof FhirError;
}
