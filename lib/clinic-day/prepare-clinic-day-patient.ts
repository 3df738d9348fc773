import "server-only";
import { findDocument } from "@/db/queries/documents";
import type { PrepSheetStatus } from "@/db/schema";
import { createSemaphore } from "@/lib/documents/ocr/create-semaphore";
import { createRetryBudget } from "@/lib/fhir/retry-policy";
import { withRetryBudget } from "@/lib/fhir/with-retry-budget";
import type { Id } from "@/lib/ids";
import { generatePrepSheet } from "@/lib/prep-sheet-data/generate-prep-sheet";
import { processDocument } from "@/lib/sync/process-document";
import { findClinic, type SyncJobContext } from "@/lib/sync/sync-job-context";
import { syncPatient } from "@/lib/sync/sync-patient";
import { cacheDayBanners } from "./cache-day-banners";
import { cacheRunReads } from "./cache-run-reads";

const patientBudgetMs = 120_000;

export type PatientDayInput = {
  organizationId: Id<"organization">;
  patientId: Id<"patient">;
  appointmentIds: Id<"appointment">[];
  /** Clinic-local YYYY-MM-DD: the day of the visits. */
  asOf: string;
  actorUserId?: string | null;
  /** Documents read at once (OCR engines pool across cores). */
  documentConcurrency?: number;
  /** Keep a visit's sheet without screening again when nothing it is built from changed (the clinic day; not Regenerate). */
  reuseUnchangedSheets?: boolean;
};

export type PatientDayResult = {
  patientId: Id<"patient">;
  timings: { syncMs: number; documentsMs: number; screeningMs: number; renderMs: number };
  documents: { processed: number; failed: number; cached: number; ocrPages: number };
  prepSheets: { appointmentId: Id<"appointment">; prepSheetId: string | null; status: PrepSheetStatus | "failed"; created: boolean; errorCode: string | null }[];
};

/**
 * One patient's part of a clinic day, in one call: incremental pull, read the new documents, build
 * a prep sheet per visit. Every part is idempotent (unchanged documents are not read again,
 * unchanged sheets not stored again), so a retried step repeats nothing expensive. Ids and counts out.
 */
export async function prepareClinicDayPatient(ctx: SyncJobContext, input: PatientDayInput): Promise<PatientDayResult> {
  const { db, now } = ctx;
  const { organizationId, patientId } = input;
  // One Patient read serves the pull, the sheet's header and the schedule banner.
  const client = cacheRunReads((await ctx.getFhirClient(db, { organizationId, ...(input.actorUserId ? { userId: input.actorUserId } : {}) })).client);
  let started = performance.now();
  // A patient fails only once its whole pull has spent this budget on Epic's transient faults.
  const budget = createRetryBudget(patientBudgetMs, "patient", Date.now());
  const synced = await syncPatient({ db, organizationId, client: withRetryBudget(client, budget), patientId, actorUserId: input.actorUserId ?? null, now, leaseMs: ctx.syncLeaseMs });
  const syncMs = performance.now() - started;
  await cacheDayBanners(db, client, { organizationId, date: input.asOf, timeZone: (await findClinic(db, organizationId)).timeZone, patients: [{ patientId, ehrPatientId: synced.ehrPatientId }], now: now() });

  started = performance.now();
  const documents = { processed: 0, failed: 0, cached: 0, ocrPages: 0 };
  const ocr = synced.documentIds.length > 0 ? await ctx.getOcr() : null;
  const semaphore = createSemaphore(input.documentConcurrency ?? 4);
  await Promise.all(synced.documentIds.map((documentId) => semaphore.run(async () => {
    const result = await processDocument({ db, organizationId, client, documentId, ocr: ocr!, asOf: input.asOf });
    if (result.state === "processed") documents.processed += 1;
    if (result.state === "failed") documents.failed += 1;
    if (result.cached) documents.cached += 1;
    if (!result.cached && result.pages > 0) {
      const row = await findDocument(db, organizationId, documentId);
      documents.ocrPages += (row?.pageMethods ?? []).filter((m) => m === "ocr").length;
    }
  })));
  const documentsMs = performance.now() - started;

  const timings = { syncMs, documentsMs, screeningMs: 0, renderMs: 0 };
  const prepSheets: PatientDayResult["prepSheets"] = [];
  for (const appointmentId of input.appointmentIds) {
    try {
      const sheet = await generatePrepSheet(db, { organizationId, appointmentId, asOf: input.asOf, generatedAt: now().toISOString(), client, actorUserId: input.actorUserId ?? null, reuseWhenUnchanged: input.reuseUnchangedSheets === true });
      timings.screeningMs += sheet.timings.screeningMs;
      timings.renderMs += sheet.timings.renderMs;
      prepSheets.push({ appointmentId, prepSheetId: sheet.prepSheetId, status: sheet.status, created: sheet.created, errorCode: null });
    } catch (error) {
      const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "internal";
      prepSheets.push({ appointmentId, prepSheetId: null, status: "failed", created: false, errorCode: code });
    }
  }
  const round = (ms: number) => Math.round(ms);
  return {
    patientId,
    timings: { syncMs: round(timings.syncMs), documentsMs: round(timings.documentsMs), screeningMs: round(timings.screeningMs), renderMs: round(timings.renderMs) },
    documents,
    prepSheets,
  };
}
