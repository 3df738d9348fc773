import type { Binary, ExtractResource, Resource, ResourceType } from "@medplum/fhirtypes";
import { readSearchset, type NoData, type SearchsetPage } from "./bundle";
import { downloadBinary } from "./download-binary";
import { checkEpicSearch } from "./epic-search-rules";
import { FhirError } from "./fhir-error";
import type { BinaryBytes, BinaryOptions, CreateOptions, FhirClient, FhirClientOptions, RequestOptions, SearchOptions } from "./fhir-client-types";
import { isUnderBase, normalizeBaseUrl, parseLocation, resourceUrl, searchUrl, toQueryString } from "./fhir-url";
import type { SearchParams } from "./fhir-url";
import type { OutcomeIssue } from "./operation-outcome";
import { parseJsonBytes, readLimitedBytes } from "./read-body";
import { sendFhirRequest, type TransportConfig } from "./send-fhir-request";

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function resourceTypeOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (value as { resourceType?: unknown }).resourceType : undefined;
}

/**
 * Create a typed FHIR R4 client for one Epic (or other) server. Every request carries a bearer
 * token from `getAccessToken`, times out, and retries transient failures; searches check Epic's
 * required parameters, follow `next` links up to a page cap, and treat OperationOutcome-only
 * searchsets as "no data"; creates are never retried blindly.
 */
export function createFhirClient(options: FhirClientOptions): FhirClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const pageCap = options.pageCap ?? 20;
  const maxJsonBytes = options.maxJsonBytes ?? 20 * 1024 * 1024;
  const config: TransportConfig = {
    getAccessToken: options.getAccessToken,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 20_000,
    maxRetries: options.maxRetries ?? 10,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    epicClientId: options.epicClientId,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    requestBudgetMs: options.requestBudgetMs ?? 45_000,
    now: options.now ?? Date.now,
  };

  /**
   * A GET whose body must be JSON of resourceType `expected` (anything else is an invalid response
   * saying `reason`), turned into the answer by `parse` while the response is read.
   */
  const getResource = <T>(
    request: { url: string; operation: "read" | "search"; resourceType: string; opts: RequestOptions },
    expected: string,
    reason: string,
    parse: (body: unknown) => T,
  ): Promise<T> =>
    sendFhirRequest(config, {
      method: "GET",
      url: request.url,
      operation: request.operation,
      resourceType: request.resourceType,
      signal: request.opts.signal,
      budget: request.opts.budget,
      read: async (response) => {
        const { operation, resourceType } = request;
        const body = parseJsonBytes(await readLimitedBytes(response, maxJsonBytes));
        if (body === undefined) throw new FhirError({ kind: "invalid_response", operation, resourceType, reason: "body is not JSON" });
        if (resourceTypeOf(body) !== expected) throw new FhirError({ kind: "invalid_response", operation, resourceType, reason });
        return parse(body);
      },
    });

  async function searchPage<K extends ResourceType>(
    type: K,
    request: SearchParams | URL,
    opts: SearchOptions = {},
  ): Promise<SearchsetPage<ExtractResource<K>>> {
    let url: string;
    if (request instanceof URL) {
      if (!isUnderBase(baseUrl, request.href)) {
        // A next link to another host must not receive our bearer token.
        throw new FhirError({ kind: "invalid_response", operation: "search", resourceType: type, reason: "next link outside the FHIR base" });
      }
      url = request.href;
    } else {
      const check = opts.skipEpicRules ? { ok: true as const } : checkEpicSearch(type, request);
      if (!check.ok) throw new FhirError({ kind: "invalid_request", operation: "search", resourceType: type, reason: check.message });
      url = searchUrl(baseUrl, type, request);
    }
    return getResource({ url, operation: "search", resourceType: type, opts }, "Bundle", "not a Bundle", (bundle) =>
      readSearchset<ExtractResource<K>>(bundle, type as ExtractResource<K>["resourceType"]),
    );
  }

  return {
    baseUrl,

    read<K extends ResourceType>(type: K, id: string, opts: RequestOptions = {}) {
      const request = { url: resourceUrl(baseUrl, type, id), operation: "read" as const, resourceType: type, opts };
      return getResource(request, type, "unexpected resourceType", (body) => body as ExtractResource<K>);
    },

    searchPage,

    async search<K extends ResourceType>(type: K, params: SearchParams, opts: SearchOptions = {}) {
      const cap = Math.max(1, opts.pageCap ?? pageCap);
      const resources: ExtractResource<K>[] = [];
      const included: Resource[] = [];
      const warnings: OutcomeIssue[] = [];
      const visited = new Set<string>([new URL(searchUrl(baseUrl, type, params)).href]);
      let noData: NoData | undefined;
      let total: number | undefined;
      let pages = 0;
      let looped = false;
      let next: SearchParams | URL | undefined = params;
      while (next !== undefined) {
        if (pages >= cap) break;
        const page: SearchsetPage<ExtractResource<K>> = await searchPage(type, next, opts);
        pages += 1;
        resources.push(...page.resources);
        included.push(...page.included);
        warnings.push(...page.warnings);
        noData ??= page.noData;
        total ??= page.total;
        next = undefined;
        if (page.nextUrl !== undefined) {
          const url = URL.parse(page.nextUrl, `${baseUrl}/`);
          if (!url) throw new FhirError({ kind: "invalid_response", operation: "search", resourceType: type, reason: "unparseable next link" });
          // A server that hands back a link it already gave us would page forever.
          if (visited.has(url.href)) looped = true;
          else next = url;
          visited.add(url.href);
        }
      }
      const truncated = next !== undefined || looped;
      return { resources, included, warnings, noData: resources.length === 0 ? noData : undefined, truncated, pages, total };
    },

    create<T extends Resource>(resource: T, opts: CreateOptions = {}) {
      const headers: Record<string, string> = {
        "content-type": "application/fhir+json",
        prefer: "return=representation",
      };
      if (opts.ifNoneExist !== undefined) {
        headers["if-none-exist"] = typeof opts.ifNoneExist === "string" ? opts.ifNoneExist : toQueryString(opts.ifNoneExist);
      }
      return sendFhirRequest(config, {
        method: "POST",
        url: resourceUrl(baseUrl, resource.resourceType),
        operation: "create",
        resourceType: resource.resourceType,
        headers,
        body: JSON.stringify(resource),
        signal: opts.signal,
        read: async (response) => {
          const location = parseLocation(response.headers.get("location") ?? response.headers.get("content-location"));
          // Epic answers 201 with an empty body unless asked; the Location header is what matters.
          const body = parseJsonBytes(await readLimitedBytes(response, maxJsonBytes));
          const filed = resourceTypeOf(body) === resource.resourceType ? (body as T) : undefined;
          return {
            id: location?.id ?? filed?.id,
            versionId: location?.versionId ?? filed?.meta?.versionId,
            resource: filed,
            status: response.status,
          };
        },
      });
    },

    binary: ((idOrUrl: string, opts: BinaryOptions) => downloadBinary(config, baseUrl, idOrUrl, opts)) as {
      (idOrUrl: string, opts: BinaryOptions & { as: "bytes" }): Promise<BinaryBytes>;
      (idOrUrl: string, opts: BinaryOptions & { as: "json" }): Promise<Binary>;
    },
  };
}
