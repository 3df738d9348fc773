import "server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { Db } from "@/db/client";
import { listClinicalRecordCiphertexts, touchClinicalRecords, upsertClinicalRecords } from "@/db/queries/patients";
import type { ClinicalResourceType } from "@/db/schema";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import { mapClinicalResource } from "./map-clinical-resource";
import { syncAad } from "./sync-aad";

export type StoredClinicalResources = {
  /** Mapped records Epic returned (stored or already held unchanged). */
  records: number;
  /** Of those, new or different from what was stored: the only ones written. */
  changed: number;
};

/**
 * Maps, encrypts and upserts one search's resources. A record whose stored form decrypts to the same
 * mapped data is not written again: an incremental pull's overlap window and a full resync return
 * mostly unchanged records, and re-encrypting and upserting each one was most of a warm clinic day.
 * On a full resync (`confirmUnchanged`) their `syncedAt` still moves, since the resync then deletes
 * every record it did not see; nothing else reads `syncedAt`.
 */
export async function storeClinicalResources(
  db: Db,
  organizationId: Id<"organization">,
  patientId: Id<"patient">,
  resourceType: ClinicalResourceType,
  resources: readonly Resource[],
  syncedAt: Date,
  options: { confirmUnchanged: boolean } = { confirmUnchanged: true },
): Promise<StoredClinicalResources> {
  const cipher = getCipher();
  const key = { patientId, resourceType };
  // One entry per Epic id (a later page's copy wins), so one statement never upserts a row twice.
  const mapped = new Map<string, string>();
  for (const resource of resources) {
    const record = mapClinicalResource(resourceType, resource);
    if (record) mapped.set(record.ehrId, JSON.stringify(record.data));
  }
  if (mapped.size === 0) return { records: 0, changed: 0 };
  const stored = await listClinicalRecordCiphertexts(db, organizationId, key, [...mapped.keys()]);
  const aadOf = (ehrId: string) => syncAad.clinicalRecord({ organizationId, patientId, resourceType, ehrId });
  const changed: { ehrId: string; dataEncrypted: string }[] = [];
  const unchanged: string[] = [];
  for (const [ehrId, plaintext] of mapped) {
    const held = stored.get(ehrId);
    if (held !== undefined && decryptOrNull(cipher, held, aadOf(ehrId)) === plaintext) unchanged.push(ehrId);
    else changed.push({ ehrId, dataEncrypted: cipher.encrypt(plaintext, aadOf(ehrId)) });
  }
  await upsertClinicalRecords(db, organizationId, key, changed, syncedAt);
  if (options.confirmUnchanged) await touchClinicalRecords(db, organizationId, key, unchanged, syncedAt);
  return { records: mapped.size, changed: changed.length };
}

/** A stored value that no longer decrypts (a retired key) is simply written again. */
function decryptOrNull(cipher: ReturnType<typeof getCipher>, ciphertext: string, aad: string): string | null {
  try {
    return cipher.decrypt(ciphertext, aad);
  } catch {
    return null;
  }
}
