import type { Db } from "@/db/client";
import { runClinicDay, type ClinicDaySummary } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import type { Id } from "@/lib/ids";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createSandboxClinic } from "../integration/prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "../integration/sync-test-helpers";

export type SyntheaClinicDay = { summary: ClinicDaySummary; organizationId: Id<"organization">; sandbox: EpicSandbox };

/**
 * Bundles from `seedDir` into a fresh Epic sandbox (over HTTP, as in a clinic), a clinic whose
 * providers are the sandbox's practitioners, and today's clinic day without write-back. The caller
 * closes the returned sandbox.
 */
export async function runSyntheaClinicDay(db: Db, seedDir: string, slug: string): Promise<SyntheaClinicDay> {
  const sandbox = await startEpicSandbox({ defaultSeed: false, seedDirs: [seedDir] });
  const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read"]);
  const client = sandboxClient(sandbox, session);
  const ocr = createCountingOcr();
  const ctx: SyncJobContext = { db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() };
  const organizationId = await createSandboxClinic(db, sandbox, slug);
  const summary = await runClinicDay(ctx, { orgSlug: slug, date: localDate("America/New_York", new Date()), writeBack: false });
  return { summary, organizationId, sandbox };
}
