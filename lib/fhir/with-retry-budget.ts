import type { Binary } from "@medplum/fhirtypes";
import type { BinaryBytes, BinaryOptions, FhirClient } from "./fhir-client-types";
import type { RetryBudget } from "./retry-policy";

/**
 * The same client with every request sharing `budget`: code that takes a FhirClient (a patient's
 * sync) gets a per-patient time budget without threading options through each call. An explicit
 * budget in a call's options still wins.
 */
export function withRetryBudget(client: FhirClient, budget: RetryBudget): FhirClient {
  return {
    baseUrl: client.baseUrl,
    read: (type, id, opts) => client.read(type, id, { budget, ...opts }),
    search: (type, params, opts) => client.search(type, params, { budget, ...opts }),
    searchPage: (type, request, opts) => client.searchPage(type, request, { budget, ...opts }),
    create: (resource, opts) => client.create(resource, { budget, ...opts }),
    binary: ((idOrUrl: string, opts: BinaryOptions) => client.binary(idOrUrl, { budget, ...opts } as BinaryOptions & { as: "bytes" })) as {
      (idOrUrl: string, opts: BinaryOptions & { as: "bytes" }): Promise<BinaryBytes>;
      (idOrUrl: string, opts: BinaryOptions & { as: "json" }): Promise<Binary>;
    },
  };
}
