import type { Resource, ResourceType } from "@medplum/fhirtypes";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";

/** Read again and again in one run, and the same for the whole run: the patient header and the provider. */
const memoizedTypes = new Set<ResourceType>(["Patient", "Practitioner"]);
/** Found by the pull's search, then read once more to be processed: the search's copy serves that read. */
const primedTypes = new Set<ResourceType>(["DocumentReference"]);

/**
 * A FHIR client for one clinic-day run that asks Epic nothing twice: Patient and Practitioner reads
 * are shared for the run (a failed read is not kept), and each DocumentReference a search returned
 * answers its one later read without a request. Memory only, gone with the run: nothing is stored,
 * so no name or note text outlives it. Everything else goes straight to `client`.
 */
export function cacheRunReads(client: FhirClient): FhirClient {
  const reads = new Map<string, Promise<Resource>>();
  const primed = new Map<string, Resource>();
  const key = (type: string, id: string) => `${type}/${id}`;

  const read = ((type: ResourceType, id: string, opts?: Parameters<FhirClient["read"]>[2]) => {
    const k = key(type, id);
    const found = primed.get(k);
    if (found) {
      primed.delete(k);
      return Promise.resolve(found);
    }
    if (!memoizedTypes.has(type)) return client.read(type, id, opts);
    let pending = reads.get(k);
    if (!pending) {
      pending = client.read(type, id, opts) as Promise<Resource>;
      reads.set(k, pending);
      pending.catch(() => reads.delete(k));
    }
    return pending;
  }) as FhirClient["read"];

  const search = (async (type: ResourceType, params: Parameters<FhirClient["search"]>[1], opts?: Parameters<FhirClient["search"]>[2]) => {
    const result = await client.search(type, params, opts);
    for (const resource of result.resources as Resource[]) {
      if (!resource.id) continue;
      if (primedTypes.has(resource.resourceType)) primed.set(key(resource.resourceType, resource.id), resource);
      else if (memoizedTypes.has(resource.resourceType) && !reads.has(key(resource.resourceType, resource.id))) {
        reads.set(key(resource.resourceType, resource.id), Promise.resolve(resource));
      }
    }
    return result;
  }) as FhirClient["search"];

  return {
    baseUrl: client.baseUrl,
    read,
    search,
    searchPage: ((...args: Parameters<FhirClient["searchPage"]>) => client.searchPage(...args)) as FhirClient["searchPage"],
    create: ((...args: Parameters<FhirClient["create"]>) => client.create(...args)) as FhirClient["create"],
    binary: ((...args: Parameters<FhirClient["binary"]>) => (client.binary as (...a: unknown[]) => unknown)(...args)) as FhirClient["binary"],
  };
}
