import "server-only";
import type { Db } from "@/db/client";
import { purgeStaleDocuments } from "@/db/queries/documents";
import { deleteExpiredPatientBanners } from "@/db/queries/patient-banners";
import { listOrganizations } from "@/db/queries/organizations";
import { purgeStalePatientData } from "@/db/queries/patients";
import { purgePrepSheetContentBefore } from "@/db/queries/prep-sheets";
import { purgeStaleScreeningResults } from "@/db/queries/screenings";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** How long cached clinical data outlives a patient's last synced appointment (README: PHI policy). */
export const clinicalDataRetentionDays = 30;

export type PurgeCounts = { patients: number; documents: number; prepSheets: number; screeningResults: number };

/**
 * Retention, clinic by clinic, each in one transaction with a counts-only audit event:
 * - cached facts, clinical records, documents (text included) and extraction-cache rows of patients
 *   not on a synced schedule for `retentionDays`, and their screening results evaluated before then;
 * - the encrypted content of prep sheets generated for visits that are both older than that.
 * Kept on purpose: patient links (ids only), the prep sheet rows' ids, versions, statuses and dates,
 * and the whole write-back ledger (ids, states, Epic ids, error codes: no PHI), so the ledger and
 * the audit log keep pointing at something and a later write still chains to the last Epic note.
 */
export async function purgeExpiredClinicalData(db: Db, now: Date, retentionDays = clinicalDataRetentionDays) {
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const totals: PurgeCounts = { patients: 0, documents: 0, prepSheets: 0, screeningResults: 0 };
  const clinics = await listOrganizations(db);
  for (const clinic of clinics) {
    const counts = await db.transaction(async (tx) => {
      const purged: PurgeCounts = {
        documents: await purgeStaleDocuments(tx, clinic.id, before),
        screeningResults: await purgeStaleScreeningResults(tx, clinic.id, before),
        prepSheets: await purgePrepSheetContentBefore(tx, clinic.id, before),
        patients: await purgeStalePatientData(tx, clinic.id, before),
      };
      if (Object.values(purged).some((n) => n > 0)) {
        await recordAuditEvent(tx, { actorUserId: null, organizationId: clinic.id }, {
          action: "clinical_data.purged",
          targetType: "organization",
          targetIds: [clinic.id],
          metadata: { retentionDays, before: before.toISOString(), ...purged },
        });
      }
      return purged;
    });
    for (const key of Object.keys(totals) as (keyof PurgeCounts)[]) totals[key] += counts[key];
  }
  // Schedule banners live only until their visit day ends; the schedule also drops them as it goes.
  await deleteExpiredPatientBanners(db, now);
  return { clinics: clinics.length, ...totals };
}
