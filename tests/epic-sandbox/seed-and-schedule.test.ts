import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Appointment, Bundle, Encounter, Observation } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { issueUserToken } from "./testing/issue-user-token";
import { openLoginPage, spawnSandboxCli } from "./testing/spawn-sandbox-cli";

const uuidA = "6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b";
const now = () => new Date("2026-11-28T15:00:00Z");
let dir: string;
let sandbox: EpicSandbox;
let token: string;

async function writeSeed(root: string): Promise<void> {
  const transaction: Bundle = {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      { fullUrl: `urn:uuid:${uuidA}`, resource: { resourceType: "Patient", name: [{ family: "Uuid", given: ["Ada"] }] }, request: { method: "POST", url: "Patient" } },
      {
        fullUrl: "urn:uuid:0b7c5a8e-1111-4222-8333-944455556666",
        resource: {
          resourceType: "Observation", status: "final", code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
          category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
          subject: { reference: `urn:uuid:${uuidA}` }, valueQuantity: { value: 6.2, unit: "%" },
        },
        request: { method: "POST", url: "Observation" },
      },
    ],
  };
  const collection: Bundle = {
    resourceType: "Bundle",
    type: "collection",
    entry: [
      { fullUrl: "http://example.org/fhir/Patient/abs-1", resource: { resourceType: "Patient", name: [{ family: "Absolute" }] } },
      { resource: { resourceType: "Condition", id: "cond-abs-1", subject: { reference: "http://example.org/fhir/Patient/abs-1" }, code: { text: "x" } } },
    ],
  };
  await mkdir(path.join(root, "nested"), { recursive: true });
  await writeFile(path.join(root, "transaction.json"), JSON.stringify(transaction));
  await writeFile(path.join(root, "nested", "collection.json"), JSON.stringify(collection));
  await writeFile(path.join(root, "nested", "single.json"), JSON.stringify({ resourceType: "Patient", id: "seed-single-1", name: [{ family: "Single" }] }));
  await writeFile(path.join(root, "nested", "package.json"), JSON.stringify({ name: "not-fhir" }));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "epic-seed-"));
  await writeSeed(dir);
  sandbox = await startEpicSandbox({ defaultSeed: false, seedDirs: [dir], now });
  token = (await issueUserToken(sandbox)).access_token;
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const get = async <T>(p: string) =>
  (await (await fetch(`${sandbox.fhirBase}/${p}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;

describe("--seed DIR", () => {
  it("loads bundles and single resources, keeps ids, and resolves urn:uuid and absolute references", async () => {
    expect(sandbox.stats().patients).toBe(3);
    expect((await get<{ id: string }>(`Patient/${uuidA}`)).id).toBe(uuidA);
    const obs = await get<Bundle<Observation>>(`Observation?patient=${uuidA}&category=laboratory`);
    expect(obs.entry?.[0]?.resource?.subject?.reference).toBe(`Patient/${uuidA}`);
    expect(obs.entry?.[0]?.resource?.id).toBe("0b7c5a8e-1111-4222-8333-944455556666");
    expect((await get<{ subject: { reference: string } }>("Condition/cond-abs-1")).subject.reference).toBe("Patient/abs-1");
    expect((await get<{ id: string }>("Patient/seed-single-1")).id).toBe("seed-single-1");
  });
});

describe("schedule", () => {
  it("puts every loaded patient on today's schedule (America/New_York) and once more within 7 days", async () => {
    const fhir = await get<Bundle<Appointment>>(`Appointment?actor=Practitioner/${sandbox.practitioners.FHIR}&date=2026-11-28`);
    const two = await get<Bundle<Appointment>>(`Appointment?actor=Practitioner/${sandbox.practitioners.FHIRTWO}&date=2026-11-28`);
    const today = [...(fhir.entry ?? []), ...(two.entry ?? [])].map((e) => e.resource!);
    const patientsToday = today.map((a) => a.participant.find((p) => p.actor?.reference?.startsWith("Patient/"))?.actor?.reference).sort();
    expect(patientsToday).toEqual([`Patient/${uuidA}`, "Patient/abs-1", "Patient/seed-single-1"].sort());
    // 08:00, 08:20, 08:40 Eastern Standard Time, in sorted-id order.
    expect(today.map((a) => a.start).sort()).toEqual(["2026-11-28T13:00:00.000Z", "2026-11-28T13:20:00.000Z", "2026-11-28T13:40:00.000Z"]);

    const all = await get<Bundle<Appointment>>("Appointment?date=ge2026-11-28&_count=100");
    expect(all.total).toBe(6);
    for (const patient of patientsToday) {
      const starts = (all.entry ?? []).map((e) => e.resource!).filter((a) => a.participant.some((p) => p.actor?.reference === patient)).map((a) => a.start!);
      expect(starts).toHaveLength(2);
      const later = starts.find((s) => !s.startsWith("2026-11-28"))!;
      expect(later > "2026-11-29" && later < "2026-12-06").toBe(true);
    }
  });

  it("gives each appointment an Encounter of the same patient", async () => {
    const appts = await get<Bundle<Appointment>>("Appointment?date=ge2026-11-28&_count=100");
    for (const a of (appts.entry ?? []).map((e) => e.resource!)) {
      const encRef = a.supportingInformation?.[0]?.reference ?? "";
      const enc = await get<Encounter>(encRef);
      expect(enc.subject?.reference).toBe(a.participant[0]?.actor?.reference);
      expect(enc.appointment?.[0]?.reference).toBe(`Appointment/${a.id}`);
    }
  });

  it("is deterministic and follows the time zone option", async () => {
    const other = await startEpicSandbox({ defaultSeed: false, seedDirs: [dir], now, timeZone: "America/Los_Angeles" });
    try {
      const t = (await issueUserToken(other)).access_token;
      const res = await fetch(`${other.fhirBase}/Appointment?date=2026-11-28&_count=10`, { headers: { authorization: `Bearer ${t}` } });
      const starts = ((await res.json()) as Bundle<Appointment>).entry?.map((e) => e.resource!.start).sort();
      expect(starts?.[0]).toBe("2026-11-28T16:00:00.000Z");
    } finally {
      await other.close();
    }
  });
});

describe("npm run sandbox (cli.ts)", () => {
  it("puts the --seed folder's patients on today's schedule with --no-default-seed, and passes --token-ttl and --faults on", async () => {
    const cli = await spawnSandboxCli(["--port", "0", "--no-default-seed", "--seed", dir, "--token-ttl", "120", "--faults", "latency-ms=250"]);
    const origin = new URL(cli.fhirBase).origin;
    try {
      expect((await openLoginPage(cli.fhirBase)).status).toBe(200);
      const stats = (await (await fetch(`${origin}/_sandbox/stats`)).json()) as { patients: number };
      expect(stats.patients).toBe(3);
      const issued = await issueUserToken({ authorizeEndpoint: `${origin}/oauth2/authorize`, tokenEndpoint: `${origin}/oauth2/token`, fhirBase: cli.fhirBase });
      expect(issued.expires_in).toBe(120);
      // The CLI runs on the real clock; the schedule's "today" is the practitioners' (America/New_York).
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
      const asked = performance.now();
      const res = await fetch(`${cli.fhirBase}/Appointment?date=${today}&_count=20`, { headers: { authorization: `Bearer ${issued.access_token}` } });
      expect(performance.now() - asked).toBeGreaterThanOrEqual(240);
      const patients = ((await res.json()) as Bundle<Appointment>).entry
        ?.map((e) => e.resource!.participant.find((p) => p.actor?.reference?.startsWith("Patient/"))?.actor?.reference)
        .sort();
      expect(patients).toEqual([`Patient/${uuidA}`, "Patient/abs-1", "Patient/seed-single-1"].sort());
    } finally {
      await cli.stop();
    }
    expect(cli.output()).toContain("stopping");
  });
});
