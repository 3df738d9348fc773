import "server-only";
import type { Db } from "@/db/client";
import { purgeStaleDocuments } from "@/db/queries/documents";
import { listOrganizations } from "@/db/queries/organizations";
import { purgeStalePatientData } from "@/db/queries/patients";

/** How long cached clinical data outlives a patient's last synced appointment (README: PHI policy). */
export const clinicalDataRetentionDays = 30;

/**
 * Retention: for every clinic, drop cached facts, clinical records, documents (text included) and
 * extraction-cache rows of patients not on a synced schedule for `retentionDays`. Patient links
 * (ids only) stay so audit rows keep pointing somewhere. Counts only.
 */
export async function purgeExpiredClinicalData(db: Db, now: Date, retentionDays = clinicalDataRetentionDays) {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  let patients = 0;
  let documents = 0;
  const clinics = await listOrganizations(db);
  for (const clinic of clinics) {
    documents += await purgeStaleDocuments(db, clinic.id, before);
    patients += await purgeStalePatientData(db, clinic.id, before);
  }
  return { clinics: clinics.length, patients, documents };
}
