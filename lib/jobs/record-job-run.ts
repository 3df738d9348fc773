import "server-only";
import type { Db } from "@/db/client";
import { finishJobRunRow, insertJobRun, setJobRunAttempts } from "@/db/queries/job-runs";
import { findOrganizationById } from "@/db/queries/organizations";
import { isAppError } from "@/lib/errors";
import { createId, isId, type Id } from "@/lib/ids";
import { jobEventSchemas } from "./events";

export type JobRunStart = {
  functionId: string;
  event: { name: string; data?: unknown; id?: string };
  /** Inngest's run id; absent in the in-process runner. */
  externalRunId?: string;
  startedAt: Date;
  /** In-process runner only: its duplicate key and the lease that marks the run as owned by a live process. */
  dedupeKey?: string;
  leaseExpiresAt?: Date;
};

/** Event ids of console retries: `retry-<job run id>-<new request id>` (see retry-job-run.ts). */
export const retryEventIdPattern = /^retry-(job_[0-9A-Z]{26})-/;

const maxErrorLength = 300;

/**
 * What is stored of the event: the payload as its schema accepts it (ids, dates, flags), so a retry
 * can re-send it. An unknown event (a cron tick) keeps only the clinic id.
 */
export function idOnlyEventData(name: string, data: unknown): Record<string, unknown> {
  const parsed = jobEventSchemas[name]?.safeParse(data);
  if (parsed?.success) return parsed.data;
  const organizationId = (data as { organizationId?: unknown } | null)?.organizationId;
  return isId("organization", organizationId) ? { organizationId } : {};
}

/**
 * An error as it may be stored and shown: AppError messages are PHI-free by contract; any other
 * error (a driver can echo query values) keeps only its class name. Inngest hands errors back
 * deserialised, so an AppError arrives as a plain Error named "AppError".
 */
export function jobErrorMessage(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`.slice(0, maxErrorLength);
  if (error instanceof Error && error.name === "AppError") return error.message.slice(0, maxErrorLength);
  const name = error instanceof Error ? error.name : typeof error;
  return `${name} (details withheld: not an AppError)`;
}

/**
 * Records the start of a run. A run for a suspended clinic is recorded as skipped and must not
 * execute: suspension stops a clinic's jobs as well as its pages.
 */
export async function startJobRun(db: Db, start: JobRunStart): Promise<{ id: Id<"job">; skipReason: string | null }> {
  const data = idOnlyEventData(start.event.name, start.event.data);
  const organizationId = isId("organization", data.organizationId) ? data.organizationId : null;
  const organization = organizationId ? await findOrganizationById(db, organizationId) : null;
  const skipReason = organization?.status === "suspended" ? "forbidden: clinic suspended" : null;
  const retryOf = retryEventIdPattern.exec(start.event.id ?? "")?.[1] as Id<"job"> | undefined;
  const id = await insertJobRun(db, {
    id: createJobRunId(start.startedAt),
    externalRunId: start.externalRunId ?? null,
    functionId: start.functionId,
    organizationId: organization ? organization.id : null,
    eventName: start.event.name,
    eventData: data,
    status: skipReason ? "skipped" : "running",
    errorMessage: skipReason,
    retryOfId: retryOf ?? null,
    startedAt: start.startedAt,
    finishedAt: skipReason ? start.startedAt : null,
    dedupeKey: start.dedupeKey ?? null,
    leaseExpiresAt: start.leaseExpiresAt ?? null,
  });
  return { id, skipReason };
}

/** A failed attempt that will be retried: the run stays running with its attempt count. */
export async function recordJobRunAttempts(db: Db, id: Id<"job">, attempts: number): Promise<void> {
  await setJobRunAttempts(db, id, attempts);
}

export async function finishJobRun(db: Db, id: Id<"job">, outcome: { error?: unknown; attempts?: number; finishedAt: Date }): Promise<void> {
  await finishJobRunRow(db, id, {
    status: outcome.error === undefined ? "succeeded" : "failed",
    errorMessage: outcome.error === undefined ? null : jobErrorMessage(outcome.error),
    ...(outcome.attempts ? { attempts: outcome.attempts } : {}),
    finishedAt: outcome.finishedAt,
  });
}

function createJobRunId(at: Date): Id<"job"> {
  return createId("job", at.getTime());
}
