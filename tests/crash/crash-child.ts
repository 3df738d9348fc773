import { openDatabase, setDbForProcess } from "@/db/client";
import { createJobs } from "@/inngest/functions";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import { createJobRunHooks } from "@/inngest/job-run-hooks";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { createFhirClient } from "@/lib/fhir/create-fhir-client";
import { dispatchEvents, registerJobDispatcher } from "@/lib/jobs/dispatch-event";
import { clinicDayPrepareRequested } from "@/lib/jobs/events";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";

/**
 * The process the crash tests kill with SIGKILL (crash-resume.test.ts). Settings come from CRASH_*
 * variables. CRASH_MODE=runner: the in-process runner as the app builds it (durable run hooks on the
 * shared database); it first resumes what a killed process left, then with CRASH_START=1 asks for a
 * clinic day with write-back, and exits when no run is left. CRASH_MODE=clinic-day: one
 * `clinic-day --write-back` run through its lib entry point. OCR is a stand-in that takes
 * CRASH_OCR_MS per page, so there is an OCR window to kill inside.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  const handle = await openDatabase(env("CRASH_DB_URL"));
  setDbForProcess(handle);
  const fhirBase = env("CRASH_FHIR_BASE");
  const token = env("CRASH_TOKEN");
  const client = createFhirClient({ baseUrl: fhirBase, getAccessToken: async () => token, sleep: async (ms: number) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) });
  const ocrMs = Number(process.env.CRASH_OCR_MS ?? "0");
  const ocr: OcrProvider = {
    name: "tesseract-js",
    recognize: async () => {
      await new Promise((r) => setTimeout(r, ocrMs));
      return { text: "SCANNED REPORT Colonoscopy to the cecum. Date of procedure: 2024-03-02", confidence: 0.91 };
    },
    close: async () => {},
  };
  // Sync rows get the runner's short lease too, so a pull this process was killed in has lapsed by the restart.
  const syncLeaseMs = Number(env("CRASH_LEASE_MS"));
  const ctx: SyncJobContext = { db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl: fhirBase }), getOcr: async () => ocr, now: () => new Date(), syncLeaseMs };
  const date = env("CRASH_DATE");

  if (env("CRASH_MODE") === "clinic-day") {
    const summary = await runClinicDay(ctx, { orgSlug: env("CRASH_ORG_SLUG"), date, writeBack: true, maxReconcileWaitMs: 60_000 });
    process.stdout.write(`${JSON.stringify({ prepSheets: summary.prepSheets, writeBack: summary.writeBack })}\n`);
  } else {
    const leaseMs = Number(env("CRASH_LEASE_MS"));
    const runner = createInProcessRunner(createJobs({ context: async () => ctx }), { retryDelayMs: 50, leaseMs, runHooks: createJobRunHooks(async () => handle.db, { leaseMs }) });
    registerJobDispatcher(runner);
    const resumed = await runner.resume();
    if (process.env.CRASH_START === "1") {
      const requestId = env("CRASH_REQUEST_ID");
      await dispatchEvents({ ...clinicDayPrepareRequested.create({ organizationId: env("CRASH_ORG_ID"), date, writeBack: true, requestId }), id: `crash-day-${requestId}` });
    }
    await runner.idle();
    runner.close();
    process.stdout.write(`${JSON.stringify({ resumed })}\n`);
  }
  await handle.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`crash-child: ${error instanceof Error ? `${error.name}: ${error.message}` : "error"}\n`);
    process.exit(1);
  },
);
