import type { OperationOutcome } from "@medplum/fhirtypes";
import type { FhirClientOptions } from "./fhir-client-types";
import { FhirCreateOutcomeUnknownError, FhirError, type FhirErrorKind, type FhirOperation } from "./fhir-error";
import { isOperationOutcome } from "./operation-outcome";
import { BodyTooLargeError, parseJsonBytes, readLimitedBytes } from "./read-body";
import { isRetriableStatus, parseRetryAfter, planRetry, type RetryBudget } from "./retry-policy";

/** Resolved client settings the transport needs. */
export interface TransportConfig {
  getAccessToken: FhirClientOptions["getAccessToken"];
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  epicClientId: string | undefined;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  /** Longest one request may spend across its retries before it fails. */
  requestBudgetMs: number;
  now: () => number;
}

export interface FhirRequest<T> {
  method: "GET" | "POST";
  url: string;
  operation: FhirOperation;
  resourceType?: string | undefined;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal | undefined;
  /** A deadline shared with the other requests of the same unit of work (a patient's sync). */
  budget?: RetryBudget | undefined;
  /** Reads and checks a 2xx response; runs under the same per-attempt timeout as the request. */
  read: (response: Response) => Promise<T>;
}

const errorBodyLimit = 64 * 1024;
// A refused connection or failed DNS lookup means the request never left, so even a create is safe to report as failed.
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

function neverSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && notSentCodes.has(code);
}

async function readOutcome(response: Response): Promise<OperationOutcome | undefined> {
  try {
    const parsed = parseJsonBytes(await readLimitedBytes(response, errorBodyLimit));
    return isOperationOutcome(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Send one FHIR request with the bearer token, a per-attempt timeout, one forced token refresh on
 * 401, and capped, jittered backoff (honouring Retry-After) on 429/502/503/504, timeouts and network
 * errors, for as long as the request's time budget and the shared budget (if any) allow. The error
 * after the last try says why it stopped. Creates are never retried once they may have reached the
 * server: a lost answer becomes FhirCreateOutcomeUnknownError so the caller reconciles instead of
 * filing a duplicate note.
 */
export async function sendFhirRequest<T>(config: TransportConfig, request: FhirRequest<T>): Promise<T> {
  const isCreate = request.operation === "create";
  const base = { operation: request.operation, resourceType: request.resourceType };
  const startedAt = config.now();
  const requestDeadline = startedAt + config.requestBudgetMs;
  let refreshed = false;
  let rejectedToken: string | undefined;
  let retries = 0;

  /** Waits before the next try, or returns why there is none. */
  const waitForRetry = async (retryAfterMs: number | undefined): Promise<string | undefined> => {
    const plan = planRetry({ retries, maxRetries: config.maxRetries, retryAfterMs, now: config.now(), startedAt, requestDeadline, budget: request.budget, options: config });
    if ("giveUp" in plan) return plan.giveUp;
    retries += 1;
    await config.sleep(plan.wait);
    return undefined;
  };

  const retryOrThrow = async (kind: FhirErrorKind, cause: unknown): Promise<void> => {
    if (isCreate) {
      if (kind === "network" && neverSent(cause)) throw new FhirError({ ...base, kind, cause });
      throw new FhirCreateOutcomeUnknownError({ resourceType: request.resourceType, reason: kind, cause });
    }
    const gaveUp = await waitForRetry(undefined);
    if (gaveUp) throw new FhirError({ ...base, kind, cause, reason: gaveUp });
  };

  for (;;) {
    const token = await config.getAccessToken(refreshed ? { forceRefresh: true, rejectedToken } : undefined);
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: "application/fhir+json",
      ...request.headers,
      authorization: `Bearer ${token}`,
    };
    if (config.epicClientId) headers["epic-client-id"] = config.epicClientId;

    let response: Response;
    try {
      response = await config.fetch(request.url, { method: request.method, headers, body: request.body, signal });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      await retryOrThrow(timeout.aborted ? "timeout" : "network", error);
      continue;
    }

    if (response.status === 401 && !refreshed) {
      // The token may have expired between issue and use (or been revoked): refresh once, then give up.
      await response.body?.cancel().catch(() => undefined);
      refreshed = true;
      rejectedToken = token;
      continue;
    }

    if (!response.ok) {
      const status = response.status;
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      const outcome = await readOutcome(response);
      // A gateway error on a create says nothing about whether Epic filed it.
      if (isCreate && (status === 502 || status === 504)) {
        throw new FhirCreateOutcomeUnknownError({ resourceType: request.resourceType, status, outcome });
      }
      const gaveUp = !isCreate && isRetriableStatus(status) ? await waitForRetry(retryAfterMs) : undefined;
      if (!isCreate && isRetriableStatus(status) && gaveUp === undefined) continue;
      throw new FhirError({ ...base, kind: "http", status, outcome, retryAfterMs, reason: gaveUp });
    }

    try {
      return await request.read(response);
    } catch (error) {
      if (error instanceof FhirError) throw error;
      if (error instanceof BodyTooLargeError) {
        throw new FhirError({ ...base, kind: "too_large", reason: `limit ${error.limit} bytes` });
      }
      if (request.signal?.aborted) throw error;
      await retryOrThrow(timeout.aborted ? "timeout" : "network", error);
    }
  }
}
