import "server-only";
import { availableParallelism } from "node:os";
import { findDocument, listPatientDocuments } from "@/db/queries/documents";
import { findOrganizationBySlug } from "@/db/queries/organizations";
import { findPatient } from "@/db/queries/patients";
import { AppError } from "@/lib/errors";
import { createRetryBudget } from "@/lib/fhir/retry-policy";
import { withRetryBudget } from "@/lib/fhir/with-retry-budget";
import type { Id } from "@/lib/ids";
import { readClinicSettings } from "@/lib/organizations/clinic-settings-store";
import { generatePrepSheet } from "@/lib/prep-sheet-data/generate-prep-sheet";
import { keepLastPrepSheet } from "@/lib/prep-sheet-data/keep-last-prep-sheet";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import { createSemaphore } from "@/lib/documents/ocr/create-semaphore";
import { processDocument } from "@/lib/sync/process-document";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { syncPatient } from "@/lib/sync/sync-patient";
import type { WriteBackPolicy } from "@/lib/writeback/write-back-ledger";
import { writePrepSheetToEhr, type WritePrepSheetResult } from "@/lib/writeback/write-prep-sheet-to-ehr";
import { cacheDayBanners } from "./cache-day-banners";
import { cacheRunReads } from "./cache-run-reads";
import { syncClinicDaySchedule } from "./sync-clinic-day-schedule";

export type ClinicDayOptions = {
  orgSlug: string;
  /** Clinic-local YYYY-MM-DD. */
  date: string;
  practitionerId?: string;
  writeBack?: boolean;
  /** Progress for people (stderr in the CLI). Ids and counts only. */
  log?: (line: string) => void;
  documentConcurrency?: number;
  writeBackPolicy?: WriteBackPolicy;
  /** Longest the run waits for an unknown write-back to become searchable (default 35 s). */
  maxReconcileWaitMs?: number;
  /** Time one patient's pull may spend retrying Epic's transient faults before it fails (default 120 s). */
  patientBudgetMs?: number;
};

const defaultPatientBudgetMs = 120_000;

type ScreeningLine = { name: string; status: string; lastCompleted: string | null; nextDue: string | null };
type ResultLine = { ehrPatientId: string; status: "ready" | "needs_review" | "failed"; screenings: ScreeningLine[] };

/** The `clinic-day --json` line (INTERFACES.md): counts, timings, Epic patient ids and screening statuses; never names, birth dates or text. */
export type ClinicDaySummary = {
  org: string;
  date: string;
  patients: number;
  documents: { total: number; processed: number; failed: number; ocrPages: number; cached: number };
  timingsMs: { sync: number; documents: number; screening: number; render: number; writeBack: number; total: number };
  prepSheets: number;
  /** Of those, sheets kept as they were because nothing they are built from changed (no screening, no rendering). */
  prepSheetsReused: number;
  writeBack: { confirmed: number; unknown: number; failed: number; skipped: number };
  results: ResultLine[];
};

const errorCode = (error: unknown) => (error instanceof AppError ? error.code : "internal");
// AppError messages are PHI-free and end with why the retries stopped.
const errorText = (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : "internal");

/**
 * The clinic day headless, phase by phase so each phase is timed: schedule → patients → documents →
 * screening and prep sheets → optional write-back. A patient or document that fails is counted and
 * the day goes on. Everything is idempotent: a warm rerun fetches only what changed, reads no
 * document twice, stores no unchanged sheet and writes no unchanged note.
 */
export async function runClinicDay(ctx: SyncJobContext, options: ClinicDayOptions): Promise<ClinicDaySummary> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const { db } = ctx;
  const clinic = await findOrganizationBySlug(db, options.orgSlug);
  if (!clinic) throw new AppError("not_found", `no clinic with slug ${options.orgSlug}`);
  const organizationId = clinic.id;
  const since = (t: number) => Math.round(performance.now() - t);

  // 1. Schedule and patients.
  let phase = performance.now();
  const schedule = await syncClinicDaySchedule(ctx, { organizationId, date: options.date, ...(options.practitionerId ? { practitionerId: options.practitionerId } : {}) });
  log(`schedule: ${schedule.appointments} visits, ${schedule.patients.length} patients`);
  // One client for the run: what one patient's pull already read is not asked of Epic again.
  const client = cacheRunReads((await ctx.getFhirClient(db, { organizationId })).client);
  const failedPatients = new Set<Id<"patient">>();
  const pulled: { patientId: Id<"patient">; ehrPatientId: string }[] = [];
  const documentIds: Id<"document">[] = [];
  const patientLimit = createSemaphore(readClinicSettings(clinic.settings).sync.patientConcurrency);
  await Promise.all(schedule.patients.map(({ patientId }) => patientLimit.run(async () => {
    try {
      const budget = createRetryBudget(options.patientBudgetMs ?? defaultPatientBudgetMs, "patient", Date.now());
      const synced = await syncPatient({ db, organizationId, client: withRetryBudget(client, budget), patientId, now: ctx.now, leaseMs: ctx.syncLeaseMs });
      documentIds.push(...synced.documentIds);
      pulled.push({ patientId, ehrPatientId: synced.ehrPatientId });
    } catch (error) {
      failedPatients.add(patientId);
      log(`patient ${patientId}: sync failed (${errorText(error)})`);
    }
  })));
  const banners = await cacheDayBanners(db, client, { organizationId, date: options.date, timeZone: clinic.timeZone, patients: pulled, now: ctx.now() });
  const syncMs = since(phase);
  log(`sync: ${schedule.patients.length - failedPatients.size} patients pulled, ${documentIds.length} documents to read, ${banners} schedule banners kept for the day (${syncMs} ms)`);

  // 2. Documents (OCR engines pool across cores, so keep them busy).
  phase = performance.now();
  const run = { ocrPages: 0, cached: 0 };
  if (documentIds.length > 0) {
    const ocr = await ctx.getOcr();
    const documentLimit = createSemaphore(options.documentConcurrency ?? Math.max(4, availableParallelism() * 2));
    await Promise.all(documentIds.map((documentId) => documentLimit.run(async () => {
      try {
        const result = await processDocument({ db, organizationId, client, documentId, ocr, asOf: options.date });
        if (result.cached) run.cached += 1;
        else if (result.pages > 0) run.ocrPages += ((await findDocument(db, organizationId, documentId))?.pageMethods ?? []).filter((m) => m === "ocr").length;
      } catch (error) {
        log(`document ${documentId}: not read (${errorCode(error)})`);
      }
    })));
  }
  const documentsMs = since(phase);
  const documentRows = (await Promise.all(schedule.patients.map((p) => listPatientDocuments(db, organizationId, p.patientId)))).flat().filter((d) => d.origin === "ehr");
  const documents = {
    total: documentRows.length,
    processed: documentRows.filter((d) => d.state === "processed").length,
    failed: documentRows.filter((d) => d.state === "failed").length,
    ...run,
  };
  log(`documents: ${documents.processed}/${documents.total} read, ${documents.failed} failed, ${documents.ocrPages} OCR pages, ${documents.cached} from cache (${documentsMs} ms)`);

  // 3. Screening and prep sheets, one per visit.
  let screeningMs = 0;
  let renderMs = 0;
  let reusedSheets = 0;
  const results: ResultLine[] = [];
  const prepSheetIds: string[] = [];
  for (const { patientId, appointmentIds } of schedule.patients) {
    const ehrPatientId = (await findPatient(db, organizationId, patientId))?.ehrPatientId ?? "";
    for (const appointmentId of appointmentIds) {
      // A patient Epic could not refresh keeps its last good sheet: still listed, still sent.
      const keepLast = async () => {
        const kept = await keepLastPrepSheet(db, { organizationId, appointmentId });
        if (!kept) return results.push({ ehrPatientId, status: "failed", screenings: [] });
        prepSheetIds.push(kept.prepSheetId);
        const { sheet: model } = await loadPrepSheet(db, { organizationId, prepSheetId: kept.prepSheetId });
        return results.push({ ehrPatientId, status: kept.status, screenings: model.screenings.map((s) => ({ name: s.name, status: s.status, lastCompleted: s.lastCompleted, nextDue: s.nextDue })) });
      };
      if (failedPatients.has(patientId)) {
        await keepLast();
        continue;
      }
      try {
        const sheet = await generatePrepSheet(db, { organizationId, appointmentId, asOf: options.date, generatedAt: ctx.now().toISOString(), client, reuseWhenUnchanged: true });
        if (sheet.reused) reusedSheets += 1;
        screeningMs += sheet.timings.screeningMs;
        renderMs += sheet.timings.renderMs;
        prepSheetIds.push(sheet.prepSheetId);
        const { sheet: model } = await loadPrepSheet(db, { organizationId, prepSheetId: sheet.prepSheetId });
        results.push({
          ehrPatientId,
          status: sheet.status,
          screenings: model.screenings.map((s) => ({ name: s.name, status: s.status, lastCompleted: s.lastCompleted, nextDue: s.nextDue })),
        });
      } catch (error) {
        log(`appointment ${appointmentId}: no new prep sheet (${errorText(error)})`);
        await keepLast();
      }
    }
  }
  log(`prep sheets: ${prepSheetIds.length}, ${reusedSheets} kept unchanged (screening ${screeningMs} ms, render ${renderMs} ms)`);

  // 4. Optional write-back to Epic.
  phase = performance.now();
  const writeBack = { confirmed: 0, unknown: 0, failed: 0, skipped: 0 };
  if (options.writeBack) {
    const writeLimit = createSemaphore(4);
    await Promise.all(prepSheetIds.map((prepSheetId) => writeLimit.run(async () => {
      const outcome = await writeWithReconcile(ctx, client, organizationId, prepSheetId, options).catch((error: unknown) => {
        log(`prep sheet ${prepSheetId}: write-back error (${errorCode(error)})`);
        return null;
      });
      if (!outcome) writeBack.failed += 1;
      else if (outcome.outcome === "confirmed" || outcome.outcome === "reconciled") writeBack.confirmed += 1;
      else writeBack[outcome.outcome] += 1;
    })));
    log(`write-back: ${JSON.stringify(writeBack)}`);
  }
  const writeBackMs = options.writeBack ? since(phase) : 0;

  return {
    org: clinic.slug,
    date: options.date,
    patients: schedule.patients.length,
    documents,
    timingsMs: { sync: syncMs, documents: documentsMs, screening: screeningMs, render: renderMs, writeBack: writeBackMs, total: since(started) },
    prepSheets: prepSheetIds.length,
    prepSheetsReused: reusedSheets,
    writeBack,
    results,
  };
}

/** A lost create is searched for at once; if Epic does not show it yet, wait the settle time once and look again. */
async function writeWithReconcile(
  ctx: SyncJobContext,
  client: Awaited<ReturnType<SyncJobContext["getFhirClient"]>>["client"],
  organizationId: Id<"organization">,
  prepSheetId: string,
  options: ClinicDayOptions,
): Promise<WritePrepSheetResult> {
  const write = () => writePrepSheetToEhr(ctx.db, client, { organizationId, prepSheetId, now: ctx.now, ...(options.writeBackPolicy ? { policy: options.writeBackPolicy } : {}) });
  let result = await write();
  for (let round = 0; round < 3 && result.outcome === "unknown" && result.waitUntil; round++) {
    const waitMs = Date.parse(result.waitUntil) - ctx.now().getTime();
    if (waitMs > (options.maxReconcileWaitMs ?? 35_000)) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs) + 50));
    result = await write();
  }
  return result;
}
