import { FhirRouter, makeSimpleRequest, MemoryRepository } from "@medplum/fhir-router";
import type { HttpMethod } from "@medplum/fhir-router";
import type { OperationOutcome, Resource } from "@medplum/fhirtypes";
import { indexFhirDefinitions } from "./medplum-definitions";

export interface RouterResult {
  outcome: OperationOutcome;
  resource: Resource | undefined;
}

/**
 * Types whose `patient` search parameter is exactly their `subject` (or `patient`) reference to a
 * Patient, so a search by one patient may look only at that patient's resources.
 */
const patientIndexedTypes = new Set(["Observation", "Condition", "Procedure", "DiagnosticReport", "DocumentReference", "Encounter", "Immunization", "MedicationRequest", "AllergyIntolerance"]);

function patientOf(resource: Resource): string | undefined {
  if (!patientIndexedTypes.has(resource.resourceType)) return undefined;
  const ref = (resource as { subject?: { reference?: string }; patient?: { reference?: string } });
  const reference = ref.subject?.reference ?? ref.patient?.reference;
  return reference?.startsWith("Patient/") ? reference.slice("Patient/".length) : undefined;
}

/**
 * The one patient a type-level search is confined to (`patient=X`, `subject=Patient/X`), if it is,
 * and the search without that parameter: every resource of the patient's own repository is the
 * patient's, and fhir-router would otherwise evaluate the parameter's long FHIRPath union
 * (`AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | …`) on each of them,
 * which was most of the sandbox's CPU in a 40-patient clinic day.
 */
function searchedPatient(url: string): { type: string; patient: string; rest: string } | undefined {
  const [type = "", query = ""] = url.split("?", 2);
  if (!patientIndexedTypes.has(type) || type.includes("/")) return undefined;
  const params = new URLSearchParams(query);
  // Includes, reverse chains and chained parameters reach other resources: those search everything.
  if ([...params.keys()].some((k) => k.startsWith("_include") || k.startsWith("_revinclude") || k.startsWith("_has") || k.includes("."))) return undefined;
  const values = [...params.getAll("patient"), ...params.getAll("subject").map((v) => v.replace(/^Patient\//, ""))];
  if (values.length !== 1 || values[0]!.includes(",") || values[0]!.includes("/")) return undefined;
  params.delete("patient");
  params.delete("subject");
  return { type, patient: values[0]!, rest: `${type}?${params}` };
}

/**
 * The FHIR data: fhir-router over its in-memory repository. Ids are kept as loaded. Searches by
 * one patient run over a per-patient copy (Epic's searches are indexed by patient; the in-memory
 * repository scans every resource of the type, which at 40 Synthea patients cost seconds per
 * Observation search). The copy holds the same stored resources, meta included.
 */
export class FhirStore {
  readonly repo = new MemoryRepository();
  readonly router = new FhirRouter();
  private readonly byPatient = new Map<string, MemoryRepository>();

  constructor() {
    indexFhirDefinitions();
  }

  private async index(stored: Resource): Promise<void> {
    const patient = patientOf(stored);
    if (!patient) return;
    let repo = this.byPatient.get(patient);
    if (!repo) this.byPatient.set(patient, (repo = new MemoryRepository()));
    const target = repo;
    await target.withSeeding(() => target.updateResource(stored));
  }

  /** Stores resources as they are (same id twice: the later one wins); keeps meta.lastUpdated if given. */
  async put(resources: readonly Resource[]): Promise<void> {
    await this.repo.withSeeding(async () => {
      for (const r of resources) {
        await this.index(r.id ? await this.repo.updateResource(r) : await this.repo.createResource(r));
      }
    });
  }

  async create<T extends Resource>(resource: T): Promise<T & { id: string }> {
    const stored = (await this.repo.createResource(resource)) as T & { id: string };
    await this.index(stored);
    return stored;
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
    const confined = method === "GET" ? searchedPatient(url) : undefined;
    const repo = confined ? (this.byPatient.get(confined.patient) ?? new MemoryRepository()) : this.repo;
    const [outcome, resource] = await this.router.handleRequest(makeSimpleRequest(method, confined?.rest ?? url, body), repo);
    return { outcome, resource };
  }
}
