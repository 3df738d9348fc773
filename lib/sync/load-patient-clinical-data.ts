import "server-only";
import type { Db } from "@/db/client";
import { findPatient, listClinicalRecords } from "@/db/queries/patients";
import type { ClinicalResourceType } from "@/db/schema";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { PatientFacts } from "@/lib/fhir/to-domain/types";
import type { Id } from "@/lib/ids";
import { syncAad } from "./sync-aad";

export type PatientClinicalData = {
  patientId: Id<"patient">;
  ehrPatientId: string;
  facts: PatientFacts | null;
  /** Domain records from lib/fhir/to-domain, by resource type. */
  records: Record<ClinicalResourceType, unknown[]>;
  lastSyncedAt: Date | null;
};

/** Decrypts what the last syncs stored for one patient, for screening and the prep sheet. */
export async function loadPatientClinicalData(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<PatientClinicalData> {
  const patient = await findPatient(db, organizationId, patientId);
  if (!patient) throw new AppError("not_found", "patient link not found in this clinic");
  const cipher = getCipher();
  const records: PatientClinicalData["records"] = { Condition: [], Observation: [], Procedure: [], DiagnosticReport: [], Immunization: [], Encounter: [] };
  for (const row of await listClinicalRecords(db, organizationId, patientId)) {
    const aad = syncAad.clinicalRecord({ organizationId, patientId, resourceType: row.resourceType, ehrId: row.ehrId });
    records[row.resourceType].push(JSON.parse(cipher.decrypt(row.dataEncrypted, aad)));
  }
  const facts = patient.factsEncrypted ? (JSON.parse(cipher.decrypt(patient.factsEncrypted, syncAad.patientFacts(patient.id))) as PatientFacts) : null;
  return { patientId: patient.id, ehrPatientId: patient.ehrPatientId, facts, records, lastSyncedAt: patient.lastSyncedAt };
}
