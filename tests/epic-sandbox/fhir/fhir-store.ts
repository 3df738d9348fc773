import { FhirRouter, makeSimpleRequest, MemoryRepository } from "@medplum/fhir-router";
import type { HttpMethod } from "@medplum/fhir-router";
import type { OperationOutcome, Resource } from "@medplum/fhirtypes";
import { indexFhirDefinitions } from "./medplum-definitions";

export interface RouterResult {
  outcome: OperationOutcome;
  resource: Resource | undefined;
}

/** The FHIR data: fhir-router over its in-memory repository. Ids are kept as loaded. */
export class FhirStore {
  readonly repo = new MemoryRepository();
  readonly router = new FhirRouter();

  constructor() {
    indexFhirDefinitions();
  }

  /** Stores resources as they are (same id twice: the later one wins); keeps meta.lastUpdated if given. */
  async put(resources: readonly Resource[]): Promise<void> {
    await this.repo.withSeeding(async () => {
      for (const r of resources) {
        if (r.id) await this.repo.updateResource(r);
        else await this.repo.createResource(r);
      }
    });
  }

  async create<T extends Resource>(resource: T): Promise<T & { id: string }> {
    return (await this.repo.createResource(resource)) as T & { id: string };
  }

  async read<T extends Resource>(type: T["resourceType"], id: string): Promise<T | undefined> {
    try {
      return await this.repo.readResource<T>(type, id);
    } catch {
      return undefined;
    }
  }

  /** Read by a type name from the URL (already checked against the served types). */
  async readByName(type: string, id: string): Promise<Resource | undefined> {
    return this.read(type as Resource["resourceType"], id);
  }

  async all<T extends Resource>(type: T["resourceType"]): Promise<T[]> {
    const bundle = await this.repo.search<T>({ resourceType: type });
    return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource as T] : []));
  }

  async count(type: string): Promise<number> {
    const bundle = await this.repo.search({ resourceType: type as Resource["resourceType"], count: 0 });
    return bundle.total ?? 0;
  }

  /** `url` is relative to the FHIR base, e.g. "Observation?patient=x&category=laboratory". */
  async route(method: HttpMethod, url: string, body?: unknown): Promise<RouterResult> {
    const [outcome, resource] = await this.router.handleRequest(makeSimpleRequest(method, url, body), this.repo);
    return { outcome, resource };
  }
}
