import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { selectOcrProvider } from "@/lib/documents/ocr/select-ocr-provider";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";

/** How job steps reach the world; tests pass their own (sandbox client, test database, stub OCR). */
export type JobDeps = { context: () => Promise<SyncJobContext> };

let ocr: Promise<OcrProvider> | undefined;

export const defaultJobDeps: JobDeps = {
  context: async () => ({
    db: await getDb(),
    getFhirClient: getFhirClientForOrganization,
    // One OCR engine per process: its worker pool is expensive to start.
    getOcr: () => (ocr ??= selectOcrProvider(env.OCR_PROVIDER)),
    now: () => new Date(),
  }),
};
