import type { Db } from "@/db/client";
import { runClinicDay, type ClinicDaySummary } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import { createFhirClient } from "@/lib/fhir/create-fhir-client";
import type { Id } from "@/lib/ids";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createSandboxClinic } from "../integration/prep-sheet-test-helpers";
import { createCountingOcr, readTypes, signInToSandbox } from "../integration/sync-test-helpers";

export type SyntheaClinicDay = { summary: ClinicDaySummary; organizationId: Id<"organization">; sandbox: EpicSandbox; log: string[] };

/**
 * Bundles from `seedDir` into a fresh Epic sandbox (over HTTP, as in a clinic), a clinic whose
 * providers are the sandbox's practitioners, and today's clinic day without write-back. The caller
 * closes the returned sandbox (it is closed here when the day throws).
 */
export async function runSyntheaClinicDay(db: Db, seedDir: string, slug: string): Promise<SyntheaClinicDay> {
  const sandbox = await startEpicSandbox({ defaultSeed: false, seedDirs: [seedDir] });
  try {
    const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read"]);
    // The sandbox's in-memory searches take seconds each on a loaded machine; Epic's per-request
    // timeouts are not what this measures, so a slow answer must not drop a patient from the day.
    const client = createFhirClient({
      baseUrl: sandbox.fhirBase,
      getAccessToken: async (opts) => (opts?.forceRefresh ? session.refresh() : session.accessToken),
      timeoutMs: 300_000,
      requestBudgetMs: 600_000,
    });
    const ocr = createCountingOcr();
    const ctx: SyncJobContext = { db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() };
    const organizationId = await createSandboxClinic(db, sandbox, slug);
    const log: string[] = [];
    const summary = await runClinicDay(ctx, { orgSlug: slug, date: localDate("America/New_York", new Date()), writeBack: false, log: (line) => log.push(line) });
    return { summary, organizationId, sandbox, log };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
