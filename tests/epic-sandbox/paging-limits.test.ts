import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Bundle, Observation } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxPageSize, pageSize } from "./fhir/search-with-paging";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { issueUserToken } from "./testing/issue-user-token";

const observations = 1100;
let dir: string;
let sandbox: EpicSandbox;
let token: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "epic-paging-"));
  const entry = Array.from({ length: observations }, (_, i): { resource: Observation } => ({
    resource: {
      resourceType: "Observation", id: `obs-${i}`, status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] }, subject: { reference: "Patient/many-obs" },
      valueQuantity: { value: 60 + (i % 40), unit: "/min" },
    },
  }));
  await writeFile(path.join(dir, "patient.json"), JSON.stringify({ resourceType: "Patient", id: "many-obs" }));
  await writeFile(path.join(dir, "observations.json"), JSON.stringify({ resourceType: "Bundle", type: "collection", entry }));
  sandbox = await startEpicSandbox({ defaultSeed: false, seedDirs: [dir], now: () => new Date("2026-11-28T15:00:00Z") });
  token = (await issueUserToken(sandbox)).access_token;
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, withToken = true) =>
  fetch(url, { headers: withToken ? { authorization: `Bearer ${token}` } : {} });

describe("_count limits", () => {
  it("clamps _count to 1000 and pages the rest through an absolute next link that needs the token", async () => {
    const first = (await (await get(`${sandbox.fhirBase}/Observation?patient=many-obs&category=vital-signs&_count=5000`)).json()) as Bundle;
    expect(first.total).toBe(observations);
    expect(first.entry).toHaveLength(maxPageSize);
    const next = first.link?.find((l) => l.relation === "next")?.url ?? "";
    expect(next.startsWith(`${sandbox.fhirBase}/Observation?_page=`)).toBe(true);
    expect((await get(next, false)).status).toBe(401);
    const second = (await (await get(next)).json()) as Bundle;
    expect(second.entry).toHaveLength(observations - maxPageSize);
    expect(second.link?.some((l) => l.relation === "next")).toBe(false);
    const ids = new Set([...(first.entry ?? []), ...(second.entry ?? [])].map((e) => e.resource?.id));
    expect(ids.size).toBe(observations);
  });

  it("pages with the default of 50 when _count is absent", async () => {
    const first = (await (await get(`${sandbox.fhirBase}/Observation?patient=many-obs&category=vital-signs`)).json()) as Bundle;
    expect(first.entry).toHaveLength(50);
    expect(first.link?.find((l) => l.relation === "next")?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/FHIR\/R4\/Observation\?_page=/);
  });
});

describe("pageSize", () => {
  it("keeps 1…1000, clamps above, and falls back to the default otherwise", () => {
    expect(pageSize("1", 50)).toBe(1);
    expect(pageSize("1000", 50)).toBe(1000);
    expect(pageSize("1001", 50)).toBe(1000);
    expect(pageSize(null, 50)).toBe(50);
    expect(pageSize("0", 50)).toBe(50);
    expect(pageSize("-1", 50)).toBe(50);
    expect(pageSize("x", 50)).toBe(50);
    expect(pageSize(null, 5000)).toBe(1000);
  });
});
