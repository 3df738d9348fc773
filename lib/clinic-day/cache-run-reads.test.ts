import type { Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import type { FhirClient, SearchResult } from "@/lib/fhir/fhir-client-types";
import { cacheRunReads } from "./cache-run-reads";

function fakeClient(searchResources: Resource[] = []) {
  const calls: string[] = [];
  let failNext = false;
  const client = {
    baseUrl: "https://epic.test/api/FHIR/R4",
    read: async (type: string, id: string) => {
      calls.push(`read ${type}/${id}`);
      if (failNext) {
        failNext = false;
        throw new Error("transient");
      }
      return { resourceType: type, id };
    },
    search: async (type: string) => {
      calls.push(`search ${type}`);
      return { resources: searchResources, included: [], warnings: [], noData: undefined, truncated: false, pages: 1, total: searchResources.length } satisfies SearchResult<Resource>;
    },
  } as unknown as FhirClient;
  return { client, calls, failOnce: () => (failNext = true) };
}

describe("cacheRunReads", () => {
  it("reads a Patient or Practitioner once per run, even when asked at the same time", async () => {
    const { client, calls } = fakeClient();
    const cached = cacheRunReads(client);
    await Promise.all([cached.read("Patient", "p1"), cached.read("Patient", "p1"), cached.read("Practitioner", "d1")]);
    await cached.read("Practitioner", "d1");
    expect(calls).toEqual(["read Patient/p1", "read Practitioner/d1"]);
  });

  it("does not keep a failed read", async () => {
    const { client, calls, failOnce } = fakeClient();
    const cached = cacheRunReads(client);
    failOnce();
    await expect(cached.read("Patient", "p1")).rejects.toThrow("transient");
    await expect(cached.read("Patient", "p1")).resolves.toMatchObject({ id: "p1" });
    expect(calls).toEqual(["read Patient/p1", "read Patient/p1"]);
  });

  it("answers one later read of a DocumentReference the search returned, then asks Epic again", async () => {
    const doc = { resourceType: "DocumentReference", id: "doc1", status: "current", content: [] } as Resource;
    const { client, calls } = fakeClient([doc]);
    const cached = cacheRunReads(client);
    await cached.search("DocumentReference", { patient: "p1" });
    expect(await cached.read("DocumentReference", "doc1")).toBe(doc);
    await cached.read("DocumentReference", "doc1");
    await cached.read("Observation", "o1");
    await cached.read("Observation", "o1");
    expect(calls).toEqual(["search DocumentReference", "read DocumentReference/doc1", "read Observation/o1", "read Observation/o1"]);
  });
});
