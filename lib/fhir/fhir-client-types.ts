import type { Binary, ExtractResource, Resource, ResourceType } from "@medplum/fhirtypes";
import type { NoData, SearchsetPage } from "./bundle";
import type { SearchParams } from "./fhir-url";
import type { OutcomeIssue } from "./operation-outcome";
import type { RetryBudget } from "./retry-policy";

export interface FhirClientOptions {
  /** FHIR base, e.g. `https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4`. */
  baseUrl: string;
  /**
   * Returns a valid access token; with `forceRefresh` it must refresh (called once after a 401).
   * `rejectedToken` is the token that got the 401: only that one is stale, since parallel requests
   * may already have a newer one and must not refresh it again.
   */
  getAccessToken: (opts?: { forceRefresh?: boolean; rejectedToken?: string | undefined }) => Promise<string>;
  fetch?: typeof fetch;
  /** Maximum pages a `search` follows before reporting `truncated` (default 20). */
  pageCap?: number;
  /** Per-attempt timeout, including reading the body (default 20 000 ms). */
  timeoutMs?: number;
  /** Most retries after the first attempt for 429/502/503/504/timeouts/network errors (default 10); the time budget usually ends them first. */
  maxRetries?: number;
  /** Longest one request may spend across its retries (default 45 000 ms). */
  requestBudgetMs?: number;
  /** Clock for the budgets (default Date.now). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Sent as `Epic-Client-ID` so Epic routes the call for this client registration. */
  epicClientId?: string;
  /** First backoff step (default 500 ms) and cap (default 8 000 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest Retry-After we wait in-process (default 60 000 ms); longer ones fail with retryAfterMs. */
  maxRetryAfterMs?: number;
  /** Size cap for JSON responses of read/search/create (default 20 MiB). */
  maxJsonBytes?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** A deadline shared with other requests (a patient's sync): retries stop when it would pass. */
  budget?: RetryBudget;
}

export interface SearchOptions extends RequestOptions {
  /** Overrides the client's page cap for this search. */
  pageCap?: number;
  /** Skip the Epic required-parameter check (only for non-Epic servers). */
  skipEpicRules?: boolean;
}

export interface SearchResult<T extends Resource> {
  resources: T[];
  included: Resource[];
  warnings: OutcomeIssue[];
  /** Set when nothing was found and the server said why (OperationOutcome-only searchset). */
  noData: NoData | undefined;
  /** True when more pages existed than the page cap allowed (or a next link looped). */
  truncated: boolean;
  pages: number;
  total: number | undefined;
}

export interface CreateOptions extends RequestOptions {
  /** Conditional create query. Epic ignores it (§2.7), so it is a courtesy, not idempotency. */
  ifNoneExist?: string | SearchParams;
}

export interface CreateResult<T extends Resource> {
  /** From Location (Epic: relative `DocumentReference/<id>`) or the returned resource. */
  id: string | undefined;
  versionId: string | undefined;
  /** The filed resource when the server returned one (`Prefer: return=representation`). */
  resource: T | undefined;
  status: number;
}

export interface BinaryOptions extends RequestOptions {
  /** Abort the download once more than this many bytes have arrived. */
  maxBytes: number;
  /** `bytes`: raw content (streamed). `json`: the FHIR Binary resource with base64 `data`. */
  as: "bytes" | "json";
  /** The attachment's contentType, sent as Accept for raw downloads (Epic honours it). */
  contentType?: string;
}

export interface BinaryBytes {
  bytes: Uint8Array;
  contentType: string | undefined;
}

export interface FhirClient {
  readonly baseUrl: string;
  read<K extends ResourceType>(type: K, id: string, opts?: RequestOptions): Promise<ExtractResource<K>>;
  search<K extends ResourceType>(
    type: K,
    params: SearchParams,
    opts?: SearchOptions,
  ): Promise<SearchResult<ExtractResource<K>>>;
  /** One page: a first page from params, or a `next` link given as a URL. */
  searchPage<K extends ResourceType>(
    type: K,
    request: SearchParams | URL,
    opts?: SearchOptions,
  ): Promise<SearchsetPage<ExtractResource<K>>>;
  create<T extends Resource>(resource: T, opts?: CreateOptions): Promise<CreateResult<T>>;
  binary(idOrUrl: string, opts: BinaryOptions & { as: "bytes" }): Promise<BinaryBytes>;
  binary(idOrUrl: string, opts: BinaryOptions & { as: "json" }): Promise<Binary>;
}
