import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, organizations, patients, prepSheets, writeBacks } from "@/db/schema";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import { createFhirClient } from "@/lib/fhir/create-fhir-client";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { createId, type Id } from "@/lib/ids";
import type { PrepSheetWriteRequested } from "@/lib/jobs/events";
import { generatePrepSheet } from "@/lib/prep-sheet-data/generate-prep-sheet";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { syncSchedule } from "@/lib/sync/sync-schedule";
import { prepSheetIdentifierSystem } from "@/lib/writeback";
import { runPrepSheetWrite } from "@/lib/writeback/run-prep-sheet-write";
import { writePrepSheetToEhr, type WritePrepSheetResult } from "@/lib/writeback/write-prep-sheet-to-ehr";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, signInToSandbox, type SandboxSession } from "./sync-test-helpers";

/**
 * Write-back under faults, at volume: 200+ runs of the write-prep-sheet-to-ehr job step
 * (runPrepSheetWrite, the job's own retry and settle rules reproduced below) against the sandbox with
 * dropped create answers, 429 and 503 bursts, latency and workers that die mid-create. Several
 * versions per visit, concurrent sends of one sheet, stale replays. The job's durable sleep is a
 * clock moved forward between waves, never while a request is in flight (a real worker cannot sleep
 * through another worker's live create either: the settle time exceeds the request timeout).
 */

const timeZone = "America/New_York";
const today = localDate(timeZone, new Date());
const versionsPerVisit = 4;
const concurrentCopies = 3;
const jobRetries = 4; // inngest/functions/write-prep-sheet-to-ehr.ts: retries: 4
const settleRounds = 3; // ditto
const poolSize = 6;

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let session: SandboxSession;
let clinic: Id<"organization">;
let clockOffsetMs = 0;
const now = () => new Date(Date.now() + clockOffsetMs);

/** Faults as the client saw them; every one of them is something the sandbox injected (or a simulated dead worker). */
const seen = { requests: 0, creates: 0, status429: 0, status503: 0, droppedCreates: 0, workerDeaths: 0 };
const results: { kind: string; result: WritePrepSheetResult | { outcome: "job_failed" } }[] = [];
let jobRuns = 0;
let stepCalls = 0;
/** Dead workers' pending requests: released (answered late) once everything else has settled. */
const zombies: { release: () => void; done: Promise<unknown> }[] = [];

class WorkerDied extends Error {}

/** A client over a fetch that counts what the sandbox did, and can kill the worker mid-create. */
function jobClient(crash?: { forward: boolean; die: (error: WorkerDied) => void }): FhirClient {
  let crashed = false;
  const counting: typeof fetch = async (input, init) => {
    seen.requests += 1;
    const isCreate = init?.method === "POST";
    if (isCreate) seen.creates += 1;
    if (isCreate && crash && !crashed) {
      crashed = true;
      seen.workerDeaths += 1;
      // The worker dies while the create is on the wire: with `forward` Epic files the note, else it never arrives.
      const answer = crash.forward ? fetch(input, init).then((r) => ({ ok: true as const, r }), (e: unknown) => ({ ok: false as const, e })) : null;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const late = released.then(async () => {
        const got = answer ? await answer : null;
        if (got?.ok) return got.r;
        throw new TypeError("fetch failed", { cause: got ? got.e : new Error("worker died") });
      });
      if (answer) await answer; // the note is in Epic before the worker is declared dead
      crash.die(new WorkerDied("worker died mid-create"));
      zombies.push({ release, done: late.catch(() => undefined) });
      return late;
    }
    try {
      const response = await fetch(input, init);
      if (response.status === 429) seen.status429 += 1;
      if (response.status === 503) seen.status503 += 1;
      return response;
    } catch (error) {
      if (isCreate) seen.droppedCreates += 1;
      throw error;
    }
  };
  return createFhirClient({
    baseUrl: sandbox.fhirBase,
    getAccessToken: async (opts) => (opts?.forceRefresh ? session.refresh() : session.accessToken),
    fetch: counting,
    sleep: async () => undefined,
    maxRetries: 10,
  });
}

const ctxWith = (client: FhirClient): SyncJobContext => ({
  db: handle.db,
  getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }),
  getOcr: async () => createCountingOcr(),
  now,
});

type Job = { data: PrepSheetWriteRequested; kind: string; crash?: { forward: boolean }; last?: WritePrepSheetResult };

/**
 * The `write` step of the job: a retryable refusal or any throw is retried by Inngest (4 retries);
 * a dead worker's step is retried too. Returns the step's output, or job_failed after the last retry.
 */
async function runWriteStep(job: Job): Promise<WritePrepSheetResult | { outcome: "job_failed" }> {
  for (let attempt = 0; attempt <= jobRetries; attempt++) {
    stepCalls += 1;
    let die!: (error: WorkerDied) => void;
    const died = new Promise<never>((_, reject) => (die = reject));
    // Only the job's first step call dies; Inngest's retry of it runs on a healthy worker.
    const crash = job.crash ? { forward: job.crash.forward, die } : undefined;
    delete job.crash;
    const write = runPrepSheetWrite(ctxWith(jobClient(crash)), job.data);
    write.catch(() => undefined); // a dead worker's call may settle much later
    try {
      const result = await (crash ? Promise.race([write, died]) : write);
      if (result.outcome === "failed" && result.retryable) continue;
      return result;
    } catch {
      continue;
    }
  }
  return { outcome: "job_failed" };
}

async function inPool<T>(items: readonly T[], run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: poolSize }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

/** A wave of jobs under one fault SPEC, then the job's settle rounds: sleep (clock forward), look again. */
async function runWave(jobs: Job[], faults: string) {
  sandbox.setFaults(faults);
  try {
    await inPool(jobs, async (job) => {
      jobRuns += 1;
      const result = await runWriteStep(job);
      results.push({ kind: job.kind, result });
      if (result.outcome !== "job_failed") job.last = result;
    });
    for (let round = 1; round <= settleRounds; round++) {
      const waiting = jobs.filter((j) => j.last?.outcome === "unknown" && j.last.waitUntil);
      if (waiting.length === 0) break;
      const until = Math.max(...waiting.map((j) => Date.parse((j.last as { waitUntil: string }).waitUntil)));
      clockOffsetMs += Math.max(0, until - now().getTime()) + 1_000;
      await inPool(waiting, async (job) => {
        const result = await runWriteStep(job);
        results.push({ kind: `${job.kind}:settle-${round}`, result });
        if (result.outcome !== "job_failed") job.last = result;
      });
    }
  } finally {
    sandbox.setFaults("");
  }
}

const writeRequest = (prepSheetId: string): PrepSheetWriteRequested => ({ organizationId: clinic, prepSheetId, requestId: createId("job") });
const ours = () => sandbox.stats().documentReferencesCreated.filter((d) => d.identifier.some((i) => i.system === prepSheetIdentifierSystem));
const ledger = () => handle.db.select().from(writeBacks).where(eq(writeBacks.organizationId, clinic));

let visits: { id: Id<"appointment">; patientId: Id<"patient"> }[] = [];
/** versions[v][i]: the prep sheet id of version v+1 for visit i. */
const versions: string[][] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox();
  session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read", "user/DocumentReference.write"]);
  const setupClient = jobClient();
  clinic = await createSandboxClinic(handle.db, sandbox, "stress");
  // Today's visits get synced patients and a first prep sheet; the next week's visits add a second encounter per patient.
  await runClinicDay(ctxWith(setupClient), { orgSlug: "stress", date: today });
  await syncSchedule({ db: handle.db, organizationId: clinic, client: setupClient, fhirBaseUrl: sandbox.fhirBase, ...clinicDayRange(timeZone, today, 8), now });
  visits = await handle.db
    .select({ id: appointments.id, patientId: appointments.patientId })
    .from(appointments)
    .where(eq(appointments.organizationId, clinic))
    .orderBy(appointments.startAt);
  for (let v = 0; v < versionsPerVisit; v++) {
    // A different as-of date moves every data window, so each version says something different.
    const asOf = `${2030 + v}-01-15`;
    versions.push(await Promise.all(visits.map(async (visit) => {
      const sheet = await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: visit.id, asOf, generatedAt: now().toISOString() });
      expect(sheet.created).toBe(true);
      return sheet.prepSheetId;
    })));
  }
}, 120_000);

afterAll(async () => {
  for (const zombie of zombies) zombie.release();
  await Promise.all(zombies.map((z) => z.done));
  await sandbox?.close();
  await handle?.close();
});

describe("write-back stress against the sandbox with faults", () => {
  it("200+ job runs leave no duplicate note, every ledger row terminal, relatesTo chains intact", async () => {
    const started = performance.now();
    expect(visits.length).toBeGreaterThanOrEqual(20);
    const specs = [
      "drop-after-create=0.3,status-429=0.05,status-503=0.05,latency-ms=3",
      "status-429=0.5,drop-after-create=0.2,latency-ms=2", // a 429 burst
      "status-503=0.5,drop-after-create=0.2,latency-ms=2", // a 503 burst
      "drop-after-create=0.5,status-429=0.1,status-503=0.1,latency-ms=8",
    ];
    for (let v = 0; v < versionsPerVisit; v++) {
      const jobs: Job[] = [];
      versions[v]!.forEach((prepSheetId, i) => {
        // Every third visit's first send dies mid-create (half of them after Epic filed the note).
        const crash = i % 3 === v % 3 ? { forward: i % 2 === 0 } : undefined;
        jobs.push({ data: writeRequest(prepSheetId), kind: "send", ...(crash ? { crash } : {}) });
        // Half the sheets are sent several times at once (double click, two schedulers, an Inngest replay).
        if (i % 2 === 0) for (let c = 1; c < concurrentCopies; c++) jobs.push({ data: writeRequest(prepSheetId), kind: "concurrent" });
        // A replay of the previous version's job, after the newer version exists.
        if (v > 0 && i % 3 === 0) jobs.push({ data: writeRequest(versions[v - 1]![i]!), kind: "stale_replay" });
      });
      await runWave(jobs, specs[v]!);
    }
    // Replays of the newest version's job (Inngest replay after the run finished).
    await runWave(versions[versionsPerVisit - 1]!.map((id) => ({ data: writeRequest(id), kind: "replay" })), "drop-after-create=0.2,latency-ms=2");

    // The reconciling pass: anything not terminal is driven again by a job run, after the settle time.
    for (let pass = 0; pass < 3; pass++) {
      const open = (await ledger()).filter((w) => ["pending", "sent", "unknown"].includes(w.state));
      if (open.length === 0) break;
      clockOffsetMs += 31_000;
      await runWave(open.map((w) => ({ data: writeRequest(w.prepSheetId), kind: "reconcile" })), "");
    }
    for (const zombie of zombies.splice(0)) {
      zombie.release();
      await zombie.done;
    }
    const elapsedMs = Math.round(performance.now() - started);

    const rows = await ledger();
    const created = ours();
    const byIdentifier = new Map<string, string[]>();
    for (const doc of created) {
      const value = doc.identifier.find((i) => i.system === prepSheetIdentifierSystem)!.value!;
      byIdentifier.set(value, [...(byIdentifier.get(value) ?? []), doc.id]);
    }
    const duplicates = [...byIdentifier.values()].filter((ids) => ids.length > 1);
    const outcomes = results.reduce<Record<string, number>>((acc, { kind, result }) => {
      const key = `${kind.split(":")[0]}/${result.outcome === "skipped" ? `skipped:${result.reason}` : result.outcome}`;
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {});
    console.info("writeback-stress", JSON.stringify({ jobRuns, stepCalls, createsSent: seen.creates, createsInSandbox: created.length, duplicates: duplicates.length, faults: seen, outcomes, ledgerRows: rows.length, elapsedMs }));

    expect(jobRuns).toBeGreaterThanOrEqual(200);
    expect(seen.status429).toBeGreaterThan(0);
    expect(seen.status503).toBeGreaterThan(0);
    expect(seen.droppedCreates).toBeGreaterThan(0);
    expect(duplicates).toEqual([]);

    // Every ledger row is terminal; a failed one says why.
    for (const row of rows) {
      expect(["confirmed", "reconciled", "failed"], `${row.id} ${row.state}`).toContain(row.state);
      if (row.state === "failed") expect(row.lastErrorCode).toMatch(/^[a-z0-9_]+$/);
    }
    // Epic holds exactly the notes the ledger settled, and nothing the ledger thinks failed.
    const settled = rows.filter((r) => r.state !== "failed");
    expect(new Set(settled.map((r) => r.epicDocumentReferenceId))).toEqual(new Set(created.map((d) => d.id)));
    for (const row of settled) expect(byIdentifier.get(row.prepSheetId)).toEqual([row.epicDocumentReferenceId]);
    // The same from the sandbox's FHIR store (not only its create log): each patient's notes, grouped by our identifier.
    const check = jobClient();
    const stored = new Map<string, string[]>();
    for (const patientId of new Set(rows.map((r) => r.patientId))) {
      const found = await check.search("DocumentReference", { patient: await patientOf(patientId) });
      expect(found.truncated).toBe(false);
      for (const doc of found.resources) {
        const value = doc.identifier?.find((i) => i.system === prepSheetIdentifierSystem)?.value;
        if (value) stored.set(value, [...(stored.get(value) ?? []), doc.id!]);
      }
    }
    expect([...stored.values()].filter((ids) => ids.length > 1)).toEqual([]);
    expect(new Map([...stored].map(([value, ids]) => [value, ids[0]]))).toEqual(new Map(settled.map((r) => [r.prepSheetId, r.epicDocumentReferenceId])));

    // relatesTo: per patient and encounter, each note replaces the one settled before it.
    const chains = new Map<string, typeof settled>();
    for (const row of settled.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))) {
      const key = `${row.patientId}|${row.ehrEncounterId}`;
      chains.set(key, [...(chains.get(key) ?? []), row]);
    }
    expect(chains.size).toBeGreaterThanOrEqual(visits.length);
    const relatesById = new Map(created.map((d) => [d.id, d.relatesTo]));
    for (const chain of chains.values()) {
      chain.forEach((row, i) => {
        const previous = i === 0 ? null : chain[i - 1]!.epicDocumentReferenceId;
        expect(row.replacesEpicId).toBe(previous);
        expect(relatesById.get(row.epicDocumentReferenceId!)).toEqual(previous ? [{ code: "replaces", target: `DocumentReference/${previous}` }] : []);
      });
      // Versions reach Epic in order: a stale replay never files an older sheet over a newer one.
      const order = chain.map((row) => versions.findIndex((ids) => ids.includes(row.prepSheetId)));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // The cap was never reached by these writes (at most 2 × 4 notes a patient today).
    expect(results.filter(({ result }) => result.outcome === "skipped" && result.reason === "daily_cap")).toEqual([]);
  }, 180_000);

  it("the daily cap refuses the 11th note for a patient in a day, after counting only what may be in Epic", async () => {
    const visit = visits[0]!;
    const settledToday = async () =>
      (await ledger()).filter((w) => w.patientId === visit.patientId && w.state !== "failed" && w.createdAt >= clinicDayRange(timeZone, localDate(timeZone, now())).from).length;
    let asOfYear = 2040;
    const before = ours().length;
    let written = 0;
    while ((await settledToday()) < 10) {
      const sheet = await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: visit.id, asOf: `${asOfYear++}-01-15`, generatedAt: now().toISOString() });
      jobRuns += 1;
      expect(await runWriteStep({ data: writeRequest(sheet.prepSheetId), kind: "cap" })).toMatchObject({ outcome: "confirmed" });
      written += 1;
    }
    expect(ours().length).toBe(before + written);
    const eleventh = await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: visit.id, asOf: `${asOfYear}-01-15`, generatedAt: now().toISOString() });
    jobRuns += 1;
    expect(await runWriteStep({ data: writeRequest(eleventh.prepSheetId), kind: "cap" })).toMatchObject({ outcome: "skipped", reason: "daily_cap" });
    expect(ours().length).toBe(before + written);
    expect(await settledToday()).toBe(10);
  });

  it("dry run decides and audits but creates nothing", async () => {
    const visit = visits[1]!;
    const sheet = await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: visit.id, asOf: "2060-01-15", generatedAt: now().toISOString() });
    const before = ours().length;
    const rowsBefore = (await ledger()).length;
    await handle.db.update(organizations).set({ settings: { writeBack: { dryRun: true } } as never }).where(eq(organizations.id, clinic));
    try {
      sandbox.setFaults("drop-after-create=1");
      jobRuns += 1;
      expect(await runWriteStep({ data: writeRequest(sheet.prepSheetId), kind: "dry_run" })).toMatchObject({ outcome: "skipped", reason: "dry_run" });
    } finally {
      sandbox.setFaults("");
      await handle.db.update(organizations).set({ settings: {} }).where(eq(organizations.id, clinic));
    }
    expect(ours().length).toBe(before);
    expect(await ledger()).toHaveLength(rowsBefore);
    console.info("writeback-stress totals", JSON.stringify({ jobRuns, createsInSandbox: ours().length }));
  });
});

describe("ledger bugs the stress run found (one focused case each)", () => {
  const newSheet = async (visitIndex: number, year: number) =>
    (await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: visits[visitIndex]!.id, asOf: `${year}-01-15`, generatedAt: now().toISOString() })).prepSheetId;
  const setSettings = (settings: Record<string, unknown>) => handle.db.update(organizations).set({ settings: settings as never }).where(eq(organizations.id, clinic));

  it("a create Epic refused (429) does not count toward the daily cap", async () => {
    const visit = visits[2]!;
    const live = (await ledger()).filter((w) => w.patientId === visit.patientId && w.state !== "failed").length;
    const sheet = await newSheet(2, 2080);
    await setSettings({ writeBack: { dailyCap: live + 1 } });
    try {
      sandbox.setFaults("status-429=1");
      // retryBudgetMs 0: one try, so the refusal itself is what comes back.
      expect(await writePrepSheetToEhr(handle.db, jobClient(), { organizationId: clinic, prepSheetId: sheet, now, retryBudgetMs: 0 })).toMatchObject({ outcome: "failed", reason: "http_429", retryable: true });
      sandbox.setFaults("");
      expect(await writePrepSheetToEhr(handle.db, jobClient(), { organizationId: clinic, prepSheetId: sheet, now })).toMatchObject({ outcome: "confirmed" });
    } finally {
      sandbox.setFaults("");
      await setSettings({});
    }
  });

  it("a replayed write of a sheet Epic already holds, or of an older version, files nothing", async () => {
    const [a, b, c, d] = [await newSheet(3, 2081), await newSheet(3, 2082), await newSheet(3, 2083), await newSheet(3, 2084)];
    const write = (prepSheetId: string) => writePrepSheetToEhr(handle.db, jobClient(), { organizationId: clinic, prepSheetId, now });
    await setSettings({ writeBack: { dailyCap: 100 } });
    try {
      expect(await write(a)).toMatchObject({ outcome: "confirmed" });
      expect(await write(b)).toMatchObject({ outcome: "confirmed" });
      const count = ours().length;
      expect(await write(a)).toMatchObject({ outcome: "skipped", reason: "superseded" }); // a's identifier is in Epic already
      expect(await write(d)).toMatchObject({ outcome: "confirmed" });
      expect(await write(c)).toMatchObject({ outcome: "skipped", reason: "superseded" }); // older content than the note Epic holds
      expect(ours().length).toBe(count + 1);
    } finally {
      await setSettings({});
    }
  });

  it("a worker that loses the race to start a send re-reads the row instead of spinning on the stale one", async () => {
    const visit = (await handle.db.select().from(appointments).where(eq(appointments.id, visits[4]!.id)))[0]!;
    const sheet = await newSheet(4, 2085);
    const sheetRow = (await handle.db.select().from(prepSheets).where(eq(prepSheets.id, sheet)))[0]!;
    // A clean day for this patient and encounter: settle anything open first (none expected), then a pending row of ours.
    const [row] = await handle.db.insert(writeBacks).values({
      id: createId("writeBack"), organizationId: clinic, prepSheetId: sheet, patientId: visit.patientId, ehrEncounterId: visit.ehrEncounterId!,
      contentHash: sheetRow.contentHash, state: "pending",
    }).returning();
    let transactions = 0;
    // Another worker moves the row to `sent` just before this one's compare-and-set.
    const racingDb = new Proxy(handle.db, {
      get(target, prop, receiver) {
        if (prop === "transaction") {
          return async (fn: Parameters<typeof target.transaction>[0]) => {
            transactions += 1;
            if (transactions === 1) await target.update(writeBacks).set({ state: "sent", attempts: 1, sentAt: now() }).where(eq(writeBacks.id, row!.id));
            return target.transaction(fn);
          };
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const creates = seen.creates;
    const result = await writePrepSheetToEhr(racingDb, jobClient(), { organizationId: clinic, prepSheetId: sheet, now });
    // The other worker's send is in flight: unknown until the settle time, then searched again.
    expect(result).toMatchObject({ outcome: "unknown", writeBackId: row!.id, waitUntil: expect.any(String) });
    expect(transactions).toBe(2); // the lost start, then `sent` → unknown
    expect(seen.creates).toBe(creates);
    clockOffsetMs += 31_000;
    expect(await writePrepSheetToEhr(handle.db, jobClient(), { organizationId: clinic, prepSheetId: sheet, now })).toMatchObject({ outcome: "confirmed", writeBackId: row!.id });
  });
});

async function patientOf(patientId: Id<"patient">): Promise<string> {
  const [row] = await handle.db.select({ ehrPatientId: patients.ehrPatientId }).from(patients).where(and(eq(patients.organizationId, clinic), eq(patients.id, patientId)));
  return row!.ehrPatientId;
}
