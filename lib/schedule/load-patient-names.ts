import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Id } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { readPatientBanner, type PatientBanner } from "@/lib/patients/read-patient-banner";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";

/**
 * Names and birth dates for the patients on screen, read live from Epic (we do not store them),
 * a few at a time; audited as one schedule view. A patient Epic does not answer for shows no name.
 */
export async function loadPatientNames(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; patients: Array<{ patientId: string; ehrPatientId: string }> },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<Map<string, PatientBanner>> {
  const names = new Map<string, PatientBanner>();
  if (input.patients.length === 0) return names;
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  let client;
  try {
    ({ client } = await getFhirClientForOrganization(db, {
      organizationId: input.organizationId,
      ...(token?.status === "active" ? { userId: input.userId } : {}),
    }));
  } catch (error) {
    logger.warn("schedule.names_unavailable", { organizationId: input.organizationId, err: error });
    return names;
  }
  const queue = [...input.patients];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const p = next;
      try {
        names.set(p.patientId, readPatientBanner(await client.read("Patient", p.ehrPatientId)));
      } catch (error) {
        logger.warn("schedule.name_read_failed", { organizationId: input.organizationId, patientId: p.patientId, err: error });
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId: input.organizationId }, {
    action: "schedule.viewed",
    targetType: "patient",
    targetIds: input.patients.map((p) => p.patientId),
    metadata: { count: input.patients.length },
  });
  return names;
}
