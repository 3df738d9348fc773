import "server-only";
import type { PatientSyncRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import type { SyncJobContext } from "./sync-job-context";
import { syncPatient } from "./sync-patient";

/** The sync-patient job step. Returns ids and counts only: step outputs are stored by Inngest. */
export async function runPatientSync(ctx: SyncJobContext, data: PatientSyncRequested) {
  const organizationId = data.organizationId as Id<"organization">;
  const { client } = await ctx.getFhirClient(ctx.db, { organizationId, ...(data.requestedBy ? { userId: data.requestedBy } : {}) });
  const result = await syncPatient({
    db: ctx.db,
    organizationId,
    client,
    patientId: data.patientId as Id<"patient">,
    full: data.full === true,
    actorUserId: data.requestedBy ?? null,
    now: ctx.now,
    leaseMs: ctx.syncLeaseMs,
  });
  return { syncRunId: result.syncRunId, status: result.status, documentIds: result.documentIds, counts: result.counts };
}
