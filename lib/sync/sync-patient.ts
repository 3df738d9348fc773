import "server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import { listPatientDocuments, listUnfinishedDocumentIds, recordDocumentInLog } from "@/db/queries/documents";
import { deleteClinicalRecordsSyncedBefore, findPatient, updatePatientSyncState } from "@/db/queries/patients";
import { finishSyncRun } from "@/db/queries/sync-runs";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { mapPatientFacts } from "@/lib/fhir/to-domain/patient";
import type { Id } from "@/lib/ids";
import { beginSyncRun, type SyncRunInput } from "./begin-sync-run";
import { buildPatientSearches } from "./build-patient-searches";
import { describeDocumentReference } from "./describe-document-reference";
import { storeClinicalResources } from "./store-clinical-resources";
import { syncAad } from "./sync-aad";

export type SyncPatientInput = SyncRunInput & {
  patientId: Id<"patient">;
  /** Full resync: ignore the incremental cursor and drop records Epic no longer returns. */
  full?: boolean;
  /** Overrides the cursor (tests, replays). */
  since?: Date;
};

export type SyncPatientResult = {
  syncRunId: Id<"syncRun">;
  /** The patient's id in Epic (from the link this pull read), so callers need not read it again. */
  ehrPatientId: string;
  status: "succeeded" | "partial";
  mode: "incremental" | "full";
  counts: Record<string, number>;
  /** Document log rows waiting for text extraction (new, changed, or never finished). */
  documentIds: Id<"document">[];
};

// Epic and our clock may disagree a little; asking for slightly more is harmless (upserts).
const cursorOverlapMs = 5 * 60_000;

/**
 * Pulls what screening and the prep sheet need for one linked patient: clinical facts (encrypted),
 * clinical records, and the DocumentReference log. A search Epic refuses (403 for an API not on the
 * client, 400) is counted and the run ends `partial` without moving the cursor; transient failures
 * (429/503/network after retries) throw so the job retries.
 */
export async function syncPatient(input: SyncPatientInput): Promise<SyncPatientResult> {
  const { db, organizationId, client } = input;
  const now = input.now ?? (() => new Date());
  const patient = await findPatient(db, organizationId, input.patientId);
  if (!patient) throw new AppError("not_found", "patient link not found in this clinic");
  const full = input.full === true || (input.since === undefined && patient.lastSyncedAt === null);
  const since = full ? undefined : (input.since ?? new Date(patient.lastSyncedAt!.getTime() - cursorOverlapMs));
  const startedAt = now();
  const mode = full ? "full" : "incremental";
  const { syncRunId, release, fail } = await beginSyncRun(db, organizationId, { kind: "patient", mode, patientId: patient.id, triggeredBy: input.actorUserId ?? "system", startedAt }, { now, leaseMs: input.leaseMs });
  const counts: Record<string, number> = { records: 0, changed: 0, documents: 0, queued: 0, noData: 0, refused: 0, truncated: 0 };
  try {
    const resource = await client.read("Patient", patient.ehrPatientId);
    const facts = mapPatientFacts(resource).value;
    const factsEncrypted = facts ? getCipher().encrypt(JSON.stringify(facts), syncAad.patientFacts(patient.id)) : patient.factsEncrypted;

    for (const search of buildPatientSearches(patient.ehrPatientId, since)) {
      let result;
      try {
        result = await client.search(search.resourceType, search.params);
      } catch (error) {
        if (!isFhirError(error) || error.transient) throw error;
        counts.refused! += 1;
        continue;
      }
      counts.noData! += result.noData ? 1 : 0;
      counts.truncated! += result.truncated ? 1 : 0;
      if (search.resourceType !== "DocumentReference") {
        const stored = await storeClinicalResources(db, organizationId, patient.id, search.resourceType, result.resources, startedAt, { confirmUnchanged: full });
        counts.records! += stored.records;
        counts.changed! += stored.changed;
        continue;
      }
      // What the log already holds at the same version needs no write (a warm pull returns it all again).
      const logged = new Map((await listPatientDocuments(db, organizationId, patient.id)).map((d) => [d.ehrDocumentId, d]));
      for (const doc of result.resources as DocumentReference[]) {
        const described = describeDocumentReference(doc);
        if (!described) continue;
        const held = logged.get(described.ehrId);
        const row = held && held.fhirBaseUrl === patient.fhirBaseUrl && held.ehrVersion === described.ehrVersion ? held : await recordDocumentInLog(db, organizationId, {
          patientId: patient.id,
          fhirBaseUrl: patient.fhirBaseUrl,
          ehrDocumentId: described.ehrId,
          ehrVersion: described.ehrVersion,
          origin: described.origin,
        });
        counts.documents! += 1;
        if (row.state === "pending") counts.queued! += 1;
      }
    }

    const complete = counts.refused === 0 && counts.truncated === 0;
    if (full && complete) counts.removed = await deleteClinicalRecordsSyncedBefore(db, organizationId, patient.id, startedAt);
    // Only a complete pull moves the cursor; otherwise the next incremental run asks again.
    await updatePatientSyncState(db, organizationId, patient.id, {
      factsEncrypted,
      ...(complete ? { lastSyncedAt: startedAt, ...(full ? { lastFullSyncAt: startedAt } : {}) } : {}),
    });
    // Unchanged documents whose processing never finished are queued again, so a lost job heals.
    const documentIds = await listUnfinishedDocumentIds(db, organizationId, patient.id);
    const status = complete ? "succeeded" : "partial";
    await finishSyncRun(db, organizationId, syncRunId, { status, counts, finishedAt: now() });
    await recordAuditEvent(db, { actorUserId: input.actorUserId ?? null, organizationId }, {
      action: "patient.synced",
      targetType: "patient",
      targetIds: [patient.id],
      metadata: { syncRunId, mode, records: counts.records!, documents: counts.documents! },
    });
    return { syncRunId, ehrPatientId: patient.ehrPatientId, status, mode, counts, documentIds };
  } catch (error) {
    await fail(error, counts);
    throw error;
  } finally {
    release();
  }
}
