import "server-only";
import type { Db } from "@/db/client";
import { listJobRuns } from "@/db/queries/job-runs";
import { findOrganizationById, listMembers } from "@/db/queries/organizations";
import { listSyncRuns } from "@/db/queries/sync-runs";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { getEhrConnectionStatus } from "@/lib/smart/get-ehr-connection-status";
import { readSyncRunStatus } from "@/lib/sync/read-sync-run-status";
import { describeJobRun } from "./list-job-runs-page";

/**
 * Platform console clinic page: configuration, members, the Epic connection's state (never its
 * secret) and recent job and sync runs. Listing the members is audited.
 */
export async function getClinicDetail(db: Db, input: { organizationId: Id<"organization"> }, audit: AuditContext) {
  const organization = await findOrganizationById(db, input.organizationId);
  if (!organization) throw new AppError("not_found", "organization not found");
  const [members, ehr, jobRuns, syncRuns] = await Promise.all([
    listMembers(db, organization.id),
    getEhrConnectionStatus(db, organization.id),
    listJobRuns(db, { organizationId: organization.id, limit: 10 }),
    listSyncRuns(db, organization.id, { limit: 5 }),
  ]);
  await recordAuditEvent(db, { ...audit, organizationId: organization.id }, {
    action: "members.listed",
    metadata: { scope: "platform_clinic", count: members.length },
  });
  const epic = ehr.connection
    ? {
        fhirBaseUrl: ehr.connection.fhirBaseUrl,
        clientId: ehr.connection.clientId,
        environment: ehr.connection.environment,
        hasClientSecret: ehr.connection.hasClientSecret,
        tokens: ehr.tokens.map((t) => ({ id: t.id, kind: t.kind, status: t.status, expiresAt: t.expiresAt })),
      }
    : null;
  const now = new Date();
  return { organization, members, epic, jobRuns: jobRuns.map(describeJobRun), syncRuns: syncRuns.map((run) => readSyncRunStatus(run, now)) };
}
