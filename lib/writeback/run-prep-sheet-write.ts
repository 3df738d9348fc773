import "server-only";
import type { PrepSheetWriteRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import type { WriteBackPolicy } from "./write-back-ledger";
import { writePrepSheetToEhr, type WritePrepSheetResult } from "./write-prep-sheet-to-ehr";

/** The write-prep-sheet-to-ehr job step (Backend Services unless a user asked). Ids, states and codes out. */
export async function runPrepSheetWrite(ctx: SyncJobContext, data: PrepSheetWriteRequested, policy?: WriteBackPolicy): Promise<WritePrepSheetResult> {
  const organizationId = data.organizationId as Id<"organization">;
  const { client } = await ctx.getFhirClient(ctx.db, { organizationId, ...(data.requestedBy ? { userId: data.requestedBy } : {}) });
  return writePrepSheetToEhr(ctx.db, client, {
    organizationId,
    prepSheetId: data.prepSheetId,
    actorUserId: data.requestedBy ?? null,
    now: ctx.now,
    ...(policy ? { policy } : {}),
  });
}
