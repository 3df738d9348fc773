import "server-only";
import type { Db } from "@/db/client";
import { findJobRun } from "@/db/queries/job-runs";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import { dispatchEvents } from "@/lib/jobs/dispatch-event";
import { jobEventSchemas } from "@/lib/jobs/events";

/**
 * Re-sends a failed run's stored event (ids only). A fresh requestId makes it a new request, so the
 * functions' idempotency keys do not drop it as a duplicate; the event id names the retried run,
 * which the run recorder stores as retry_of_id.
 */
export async function retryJobRun(db: Db, input: { jobRunId: string }, audit: AuditContext) {
  const run = await findJobRun(db, input.jobRunId);
  if (!run) throw new AppError("not_found", "job run not found");
  if (run.status !== "failed") throw new AppError("conflict", "only failed runs can be retried", { publicMessage: "Only failed runs can be retried." });
  if (!jobEventSchemas[run.eventName]) {
    throw new AppError("invalid_input", "run was not started by an app event", { publicMessage: "Scheduled runs cannot be retried; they run again on their schedule." });
  }
  const data = { ...run.eventData, ...("requestId" in run.eventData ? { requestId: createId("job") } : {}) };
  const eventId = `retry-${run.id}-${createId("job")}`;
  await recordAuditEvent(db, { ...audit, organizationId: run.organizationId }, {
    action: "job.retried",
    targetType: "job_run",
    targetIds: [run.id],
    metadata: { functionId: run.functionId, eventName: run.eventName, eventId },
  });
  // After the audit row is written: the event is the consequence, as with every dispatch.
  await dispatchEvents({ name: run.eventName, data, id: eventId });
  return { eventId };
}
