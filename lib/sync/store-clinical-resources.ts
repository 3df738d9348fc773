import "server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { Db } from "@/db/client";
import { upsertClinicalRecord } from "@/db/queries/patients";
import type { ClinicalResourceType } from "@/db/schema";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import { mapClinicalResource } from "./map-clinical-resource";
import { syncAad } from "./sync-aad";

/** Maps, encrypts and upserts one search's resources; returns how many were stored. */
export async function storeClinicalResources(
  db: Db,
  organizationId: Id<"organization">,
  patientId: Id<"patient">,
  resourceType: ClinicalResourceType,
  resources: readonly Resource[],
  syncedAt: Date,
): Promise<number> {
  const cipher = getCipher();
  let stored = 0;
  for (const resource of resources) {
    const mapped = mapClinicalResource(resourceType, resource);
    if (!mapped) continue;
    const aad = syncAad.clinicalRecord({ organizationId, patientId, resourceType, ehrId: mapped.ehrId });
    await upsertClinicalRecord(db, organizationId, {
      patientId,
      resourceType,
      ehrId: mapped.ehrId,
      dataEncrypted: cipher.encrypt(JSON.stringify(mapped.data), aad),
      syncedAt,
    });
    stored += 1;
  }
  return stored;
}
