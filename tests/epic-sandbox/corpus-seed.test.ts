import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Appointment, Bundle, Condition, DocumentReference, Observation, Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstStatedDate } from "./seed/clinocr-documents";
import { seedPatients } from "./seed/default-patients";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { issueUserToken } from "./testing/issue-user-token";
import { spawnSandboxCli } from "./testing/spawn-sandbox-cli";

const fixture = path.resolve(import.meta.dirname, "../fixtures/clinocr-mini");
const now = () => new Date("2026-11-28T15:00:00Z");
// Synthea names its files and ids with uuids and spells names with digits.
type SyntheaPerson = { id: string; given: string; family: string; gender: "female" | "male" };
const ada: SyntheaPerson = { id: "5f3a8c1e-7b2d-4e9f-a016-2c4d6e8f0a1b", given: "Ada512", family: "Quigley938", gender: "female" };
const ben: SyntheaPerson = { id: "0c9e7d5b-3a1f-4b8d-9e2c-6f4a8b0d2e1c", given: "Ben771", family: "Okuneva223", gender: "male" };
// What the selection takes from clinocr-mini: one per topic (colonoscopy, mammogram, pathology, lab,
// discharge), then the kinds not yet covered (mixed PDF, PNG scan).
const expectedPicks = ["colonoscopy-05", "dexa-11", "discharge-04", "lab-cmp-01", "mammogram-07", "pathology-06", "referral-09"];

/** A per-patient transaction bundle shaped like Synthea's QI-Core export: urn:uuid fullUrls and references. */
function syntheaBundle(p: SyntheaPerson, conditionUuid: string, observationUuid: string): Bundle {
  const subject = { reference: `urn:uuid:${p.id}` };
  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      {
        fullUrl: `urn:uuid:${p.id}`,
        resource: {
          resourceType: "Patient", id: p.id, meta: { profile: ["http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-patient"] },
          identifier: [{ system: "https://github.com/synthetichealth/synthea", value: p.id }],
          name: [{ use: "official", family: p.family, given: [p.given] }], gender: p.gender, birthDate: "1961-04-09",
        },
        request: { method: "POST", url: "Patient" },
      },
      {
        fullUrl: `urn:uuid:${conditionUuid}`,
        resource: {
          resourceType: "Condition", id: conditionUuid, subject,
          clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
          category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "encounter-diagnosis" }] }],
          code: { coding: [{ system: "http://snomed.info/sct", code: "44054006", display: "Diabetes mellitus type 2 (disorder)" }] },
          onsetDateTime: "2023-02-11T09:12:44-08:00",
        },
        request: { method: "POST", url: "Condition" },
      },
      {
        fullUrl: `urn:uuid:${observationUuid}`,
        resource: {
          resourceType: "Observation", id: observationUuid, status: "final", subject,
          category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
          code: { coding: [{ system: "http://loinc.org", code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" }] },
          effectiveDateTime: "2025-05-02T09:12:44-07:00", valueQuantity: { value: 7.1, unit: "%", system: "http://unitsofmeasure.org", code: "%" },
        },
        request: { method: "POST", url: "Observation" },
      },
    ],
  };
}

/** `<root>/synthea-qicore-exafluence` (with the export's non-FHIR siblings) and `<root>/clinocr-bench`. */
async function writeCorpus(root: string): Promise<void> {
  const synthea = path.join(root, "synthea-qicore-exafluence");
  await mkdir(path.join(synthea, "fhir"), { recursive: true });
  await mkdir(path.join(synthea, "metadata"), { recursive: true });
  await mkdir(path.join(synthea, "ccda"), { recursive: true });
  await writeFile(path.join(synthea, "fhir", `${ada.id}.json`), JSON.stringify(syntheaBundle(ada, "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a")));
  await writeFile(path.join(synthea, "fhir", `${ben.id}.json`), JSON.stringify(syntheaBundle(ben, "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")));
  await writeFile(path.join(synthea, "metadata", "2025_07_28_run.json"), JSON.stringify({ seed: 12345, population: 2 }));
  await writeFile(path.join(synthea, "ccda", `${ada.id}.xml`), "<ClinicalDocument/>");
  await cp(fixture, path.join(root, "clinocr-bench"), { recursive: true });
}

/** The clinocr-mini index: corpus id → file under the fixture. */
async function corpusFiles(): Promise<Map<string, string>> {
  const rows = (await readFile(path.join(fixture, "documents.csv"), "utf8")).trim().split("\n").slice(1);
  return new Map(rows.map((r) => r.split(",")).map(([id, file]) => [id!, path.join(fixture, file!)]));
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "epic-corpus-"));
  await writeCorpus(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("default seed with the shared corpus (in-process, corpusDir)", () => {
  let sandbox: EpicSandbox;
  let token: string;
  const get = async <T>(p: string) => {
    const res = await fetch(`${sandbox.fhirBase}/${p}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, p).toBe(200);
    return (await res.json()) as T;
  };
  beforeAll(async () => {
    sandbox = await startEpicSandbox({ corpusDir: root, now });
    token = (await issueUserToken(sandbox)).access_token;
  });
  afterAll(() => sandbox.close());

  it("loads the Synthea bundles as they are: own ids, urn:uuid references resolved, beside the 10 seed patients", async () => {
    expect(sandbox.corpus).toEqual({ dir: root, found: true, syntheaPatients: 2, clinocrDocuments: expectedPicks.length });
    expect(sandbox.stats().patients).toBe(seedPatients.length + 2);
    const found = await get<Bundle<Patient>>(`Patient?_id=${ada.id},${ben.id}`);
    expect(found.entry?.map((e) => e.resource?.id).sort()).toEqual([ada.id, ben.id].sort());
    expect((await get<Patient>(`Patient/${ada.id}`)).name?.[0]?.family).toBe(ada.family);
    const conditions = await get<Bundle<Condition>>(`Condition?patient=${ada.id}&category=encounter-diagnosis`);
    expect(conditions.entry?.map((e) => [e.resource?.id, e.resource?.subject?.reference])).toEqual([["9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", `Patient/${ada.id}`]]);
    const labs = await get<Bundle<Observation>>(`Observation?patient=${ben.id}&category=laboratory`);
    expect(labs.entry?.map((e) => [e.resource?.id, e.resource?.subject?.reference])).toEqual([["2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", `Patient/${ben.id}`]]);
  });

  it("puts the corpus patients on today's schedule like every loaded patient", async () => {
    for (const p of [ada, ben]) {
      const appts = await get<Bundle<Appointment>>(`Appointment?patient=${p.id}&date=2026-11-28`);
      expect(appts.entry, p.given).toHaveLength(1);
      expect(appts.entry?.[0]?.resource?.supportingInformation?.[0]?.reference).toMatch(/^Encounter\//);
    }
  });

  it("adds a handful of clinocr-bench files as DocumentReferences whose Binary bytes are the corpus files", async () => {
    const files = await corpusFiles();
    const docs: DocumentReference[] = [];
    for (const p of seedPatients) {
      const bundle = await get<Bundle<DocumentReference>>(`DocumentReference?patient=${p.id}&_count=100`);
      docs.push(...(bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === "DocumentReference" && e.resource.id?.startsWith("eSbxCorpus.") ? [e.resource] : [])));
    }
    expect(docs.map((d) => d.id!.slice("eSbxCorpus.".length)).sort()).toEqual(expectedPicks);
    for (const doc of docs) {
      const corpusId = doc.id!.slice("eSbxCorpus.".length);
      const attachment = doc.content[0]?.attachment;
      expect(attachment?.url).toMatch(/^Binary\//);
      expect(attachment?.contentType).toBe(files.get(corpusId)!.endsWith(".png") ? "image/png" : "application/pdf");
      const res = await fetch(`${sandbox.fhirBase}/${attachment!.url}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(await readFile(files.get(corpusId)!)), corpusId).toBe(true);
    }
    const mammogram = docs.find((d) => d.id === "eSbxCorpus.mammogram-07")!;
    expect(mammogram.type?.coding?.[0]?.code).toBe("24606-6");
    expect(mammogram.date).toBe("2024-01-22");
    expect((await get<Patient>(mammogram.subject!.reference!)).gender).toBe("female");
  });
});

describe("firstStatedDate", () => {
  it.each([
    ["Exam date: January 22, 2024\nComparison: 2022", "2024-01-22"],
    ["Procedure date: 02/27/2024", "2024-02-27"],
    ["Admitted: 2024-01-08   Discharged: 2024-01-11", "2024-01-08"],
    ["Seen in Clinic on Tuesday", undefined],
  ])("%j → %s", (text, date) => {
    expect(firstStatedDate(text)).toBe(date);
  });
});

describe("npm run sandbox: --corpus-dir and --no-corpus", () => {
  const stats = async (fhirBase: string) => (await (await fetch(`${new URL(fhirBase).origin}/_sandbox/stats`)).json()) as { patients: number };

  it("loads the corpus by default, after printing the URLs, and serves its patients", async () => {
    const cli = await spawnSandboxCli(["--port", "0", "--corpus-dir", root]);
    try {
      await cli.ready;
      const out = cli.output();
      expect(out).toContain(`Shared corpus: 2 Synthea patients, ${expectedPicks.length} clinocr-bench documents (from ${root})`);
      expect(out.indexOf("FHIR base:")).toBeLessThan(out.indexOf("Shared corpus:"));
      expect(out).toMatch(new RegExp(`ready after \\d+ ms \\(${seedPatients.length + 2} patients\\)`));
      const origin = new URL(cli.fhirBase).origin;
      const { access_token } = await issueUserToken({ authorizeEndpoint: `${origin}/oauth2/authorize`, tokenEndpoint: `${origin}/oauth2/token`, fhirBase: cli.fhirBase });
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
      const res = await fetch(`${cli.fhirBase}/Appointment?patient=${ada.id}&date=${today}`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(((await res.json()) as Bundle<Appointment>).entry).toHaveLength(1);
    } finally {
      await cli.stop();
    }
  });

  it("leaves the corpus out with --no-corpus", async () => {
    const cli = await spawnSandboxCli(["--port", "0", "--no-corpus", "--corpus-dir", root]);
    try {
      await cli.ready;
      expect((await stats(cli.fhirBase)).patients).toBe(seedPatients.length);
      expect(cli.output()).not.toContain("Shared corpus");
    } finally {
      await cli.stop();
    }
  });

  it("starts without it, saying so in one line, when the corpus folder is absent", async () => {
    const missing = path.join(root, "not-here");
    const cli = await spawnSandboxCli(["--port", "0", "--corpus-dir", missing]);
    try {
      await cli.ready;
      expect((await stats(cli.fhirBase)).patients).toBe(seedPatients.length);
      expect(cli.output().split("\n").filter((l) => l.includes("Shared corpus"))).toEqual([
        `Shared corpus: not found at ${missing}, starting without it (--corpus-dir DIR to point elsewhere, --no-corpus to skip)`,
      ]);
    } finally {
      await cli.stop();
    }
  });
});
