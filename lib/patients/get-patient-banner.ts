import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { findPatient } from "@/db/queries/patients";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { readPatientBanner, type PatientBanner } from "./read-patient-banner";

export type PatientBannerView = { patientId: Id<"patient">; banner: PatientBanner | null };

/**
 * Name, birth date and sex of one of the clinic's patients, read live from Epic (never stored) with
 * the user's own Epic connection when active, else Backend Services. The read is audited as
 * `patient.viewed`; when Epic does not answer the page still opens, without a name.
 */
export async function getPatientBanner(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; patientId: string },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<PatientBannerView> {
  const patient = await findPatient(db, input.organizationId, input.patientId);
  if (!patient) throw new AppError("not_found", "patient not found in this clinic");
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  let banner: PatientBanner | null = null;
  try {
    const { client } = await getFhirClientForOrganization(db, {
      organizationId: input.organizationId,
      ...(token?.status === "active" ? { userId: input.userId } : {}),
    });
    banner = readPatientBanner(await client.read("Patient", patient.ehrPatientId));
  } catch (error) {
    logger.warn("patient.banner_unavailable", { organizationId: input.organizationId, patientId: patient.id, err: error });
  }
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId: input.organizationId }, {
    action: "patient.viewed",
    targetType: "patient",
    targetIds: [patient.id],
    metadata: { via: "patient_page", nameShown: banner !== null },
  });
  return { patientId: patient.id, banner };
}
