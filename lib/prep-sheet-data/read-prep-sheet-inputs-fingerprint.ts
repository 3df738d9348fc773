import "server-only";
import type { Db } from "@/db/client";
import { listPatientDocuments } from "@/db/queries/documents";
import { listScreeningReviews, listScreeningTypes } from "@/db/queries/screenings";
import type { Id } from "@/lib/ids";
import { readClinicSettings } from "@/lib/organizations/clinic-settings-store";
import { fingerprintPrepSheetInputs, type PrepSheetInputsFingerprint } from "@/lib/prep-sheet/decide-prep-sheet-freshness";
import { loadPatientClinicalData, type PatientClinicalData } from "@/lib/sync/load-patient-clinical-data";
import { findClinic } from "@/lib/sync/sync-job-context";

/**
 * Hashes of what a prep sheet for this patient would be built from now: the same reads as
 * generatePrepSheet, without document text (its metadata and content hash say when it changed).
 * Pass `clinical` when it is already loaded; decrypting the records is the costly part.
 */
export async function readPrepSheetInputsFingerprint(
  db: Db,
  input: { organizationId: Id<"organization">; patientId: Id<"patient">; clinical?: PatientClinicalData },
): Promise<PrepSheetInputsFingerprint> {
  const { organizationId, patientId } = input;
  const [clinic, clinical, documents, reviews, types] = await Promise.all([
    findClinic(db, organizationId),
    input.clinical ?? loadPatientClinicalData(db, organizationId, patientId),
    listPatientDocuments(db, organizationId, patientId),
    listScreeningReviews(db, organizationId, patientId),
    listScreeningTypes(db, organizationId, { activeOnly: true }),
  ]);
  const settings = readClinicSettings(clinic.settings);
  return fingerprintPrepSheetInputs({
    data: { facts: clinical.facts, records: clinical.records },
    // Our own notes written back to Epic are not inputs (the screening reads Epic's documents only).
    documents: documents
      .filter((d) => d.origin === "ehr")
      .map((d) => [d.id, d.ehrVersion, d.state, d.contentHash, d.category, d.serviceDate, d.dateSource, d.confidence]),
    reviews: reviews.map((r) => [r.screeningTypeKey, r.evidenceId, r.decision, r.confirmedDate]),
    settings: {
      clinic: [clinic.name, clinic.timeZone],
      prepSheet: settings.prepSheet,
      screening: settings.screening,
      types: types.map((t) => [t.id, t.key, t.version, t.definition]),
    },
  });
}
