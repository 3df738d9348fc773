import type { PatientSyncRequested } from "@/lib/jobs/events";
import { runPatientSync } from "@/lib/sync/run-patient-sync";
import { documentProcessRequested, patientScreenRequested, patientSyncRequested } from "../events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/**
 * One patient's pull (about a dozen Epic searches), then one process-document per new or
 * unfinished document. Per-clinic concurrency and a throttle keep a clinic's fan-out within
 * Epic's limits; one run per (patient, request).
 */
export function syncPatientJob(deps: JobDeps) {
  return defineJob<PatientSyncRequested>({
    id: "sync-patient",
    event: patientSyncRequested,
    retries: 4,
    concurrencyPerClinic: 3,
    throttlePerClinic: { limit: 30, period: "1m" },
    idempotency: { cel: "event.data.patientId + '-' + event.data.requestId", key: (data) => `${data.patientId}-${data.requestId}` },
    handler: async ({ event, step }) => {
      const data = event.data;
      const result = await step.run("sync-patient", async () => runPatientSync(await deps.context(), data));
      if (result.documentIds.length > 0) {
        await step.sendEvent(
          "fan-out-documents",
          result.documentIds.map((documentId) => ({
            ...documentProcessRequested.create({ organizationId: data.organizationId, documentId, requestId: result.syncRunId }),
            id: `process-document-${documentId}-${result.syncRunId}`,
          })),
        );
      }
      // Coded data is screened now; each processed document asks again for its own evidence.
      await step.sendEvent("request-screening", [
        {
          ...patientScreenRequested.create({ organizationId: data.organizationId, patientId: data.patientId, requestId: result.syncRunId, causeId: result.syncRunId }),
          id: `screen-patient-${data.patientId}-${result.syncRunId}`,
        },
      ]);
      return { syncRunId: result.syncRunId, status: result.status, documents: result.documentIds.length };
    },
  });
}
