import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Id } from "@/lib/ids";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { readPatientBanner } from "./read-patient-banner";

export type LaunchPatient = {
  ehrPatientId: string;
  displayName: string;
  birthDate: string | null;
  sexForClinicalUse: string | null;
};

/**
 * The patient Epic opened HealthPrep on (EHR launch context). Demographics are read live from Epic
 * with the user's own token and not stored; the read is audited.
 */
export async function getLaunchPatient(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<LaunchPatient | null> {
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  if (!token?.launchPatient) return null;
  const { client } = await getFhirClientForOrganization(db, input);
  const banner = readPatientBanner(await client.read("Patient", token.launchPatient));
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId: input.organizationId }, {
    action: "patient.viewed",
    targetType: "ehr_patient",
    targetIds: [token.launchPatient],
    metadata: { via: "ehr_launch" },
  });
  return { ehrPatientId: token.launchPatient, displayName: banner.name, birthDate: banner.birthDate, sexForClinicalUse: banner.sex };
}
