import "server-only";
import type { Db } from "@/db/client";
import { findPatient } from "@/db/queries/patients";
import {
  countLiveWriteBacksSince, findAppointment, findLastSettledWriteBack, findOpenWriteBack, findWriteBack, hasSettledWriteBackFromVersion,
  insertWriteBack, transitionWriteBack, type WriteBackRow,
} from "@/db/queries/prep-sheets";
import type { AuditAction, AuditMetadata } from "@/lib/audit/audit-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { localDate } from "@/lib/dates/local-date";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { backoffDelay } from "@/lib/fhir/retry-policy";
import type { Id } from "@/lib/ids";
import { renderPrepSheetText } from "@/lib/prep-sheet";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { findClinic } from "@/lib/sync/sync-job-context";
import { buildDocumentReference } from "./build-document-reference";
import { decideWriteBackStart } from "./decide-write-back-start";
import { sendPrepSheetNote, searchPrepSheetNotes } from "./send-prep-sheet-note";
import { readWriteBackSettings } from "./write-back-settings";
import { applyWriteBackEvent, decideNextWriteBackStep, defaultWriteBackPolicy, type WriteBackEntry, type WriteBackEvent, type WriteBackPolicy, type WriteBackSearchResult } from "./write-back-ledger";

export type WritePrepSheetInput = {
  organizationId: Id<"organization">;
  prepSheetId: string;
  /** Overrides the clinic's dry-run setting (true: decide and audit, never create). */
  dryRun?: boolean;
  actorUserId?: string | null;
  now?: () => Date;
  policy?: WriteBackPolicy;
  /**
   * How long to keep trying a write Epic refused for now (429, 503, a connection that never
   * opened) before returning the failure for the next run or job retry (default 30 s).
   */
  retryBudgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

export type WritePrepSheetResult =
  | { outcome: "confirmed" | "reconciled"; writeBackId: Id<"writeBack">; epicId: string; replacesEpicId: string | null }
  | { outcome: "unknown"; writeBackId: Id<"writeBack">; waitUntil: string | null }
  | { outcome: "failed"; writeBackId: Id<"writeBack">; reason: string; retryable: boolean }
  | { outcome: "skipped"; reason: "unchanged" | "superseded" | "daily_cap" | "unsettled_write" | "no_encounter" | "no_author" | "dry_run"; writeBackId: Id<"writeBack"> | null; replacesEpicId: string | null };

const toEntry = (row: WriteBackRow): WriteBackEntry => ({
  prepSheetId: row.prepSheetId,
  state: row.state,
  attempts: row.attempts,
  epicId: row.epicDocumentReferenceId,
  sentAt: row.sentAt?.toISOString() ?? null,
  lastError: row.lastErrorCode,
  updatedAt: row.updatedAt.toISOString(),
});

const auditByState: Partial<Record<WriteBackRow["state"], AuditAction>> = {
  sent: "ehr_writeback.sent",
  confirmed: "ehr_writeback.confirmed",
  unknown: "ehr_writeback.outcome_unknown",
  reconciled: "ehr_writeback.reconciled",
  failed: "ehr_writeback.failed",
};

/**
 * Writes a stored prep sheet to Epic as a Clinical Note through the write-back ledger: the row is
 * `sent` before the create leaves, a lost answer makes it `unknown`, and an unknown row is only ever
 * resolved by searching Epic for `urn:healthprep:prep-sheet|<id>` — found → reconciled, proven absent
 * after the settle time → sent again. Never a blind re-send. An earlier unsettled write for the same
 * patient and encounter is resolved first; unchanged content, the daily cap and dry run write nothing.
 * A create Epic refused for now (it filed nothing) is tried again with backoff within a time budget;
 * what is still failed after that is picked up by the next run or the job's own retries.
 */
export async function writePrepSheetToEhr(db: Db, client: FhirClient, input: WritePrepSheetInput): Promise<WritePrepSheetResult> {
  const sleep = input.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (input.retryBudgetMs ?? 30_000);
  for (let retries = 0; ; retries++) {
    const result = await writeOnce(db, client, input);
    if (result.outcome !== "failed" || !result.retryable) return result;
    // Epic filed nothing (the ledger row is `failed`), so a new ledger row and a new create are safe;
    // the daily cap is checked again on every try.
    const wait = backoffDelay(retries, { baseDelayMs: 500, maxDelayMs: 4_000, random: input.random ?? Math.random });
    if (retries >= 8 || Date.now() + wait > deadline) return result;
    await sleep(wait);
  }
}

async function writeOnce(db: Db, client: FhirClient, input: WritePrepSheetInput): Promise<WritePrepSheetResult> {
  const { organizationId } = input;
  const now = input.now ?? (() => new Date());
  const policy = input.policy ?? defaultWriteBackPolicy;
  const clinic = await findClinic(db, organizationId);
  const settings = readWriteBackSettings(clinic.settings);
  const { row: sheetRow, sheet } = await loadPrepSheet(db, { organizationId, prepSheetId: input.prepSheetId });
  const appointment = await findAppointment(db, organizationId, sheetRow.appointmentId);
  const patient = await findPatient(db, organizationId, sheetRow.patientId);
  if (!appointment || !patient) throw new AppError("not_found", "prep sheet's appointment or patient is gone");
  const audit = async (tx: Db, action: AuditAction, targetIds: string[], metadata: AuditMetadata) =>
    recordAuditEvent(tx, { actorUserId: input.actorUserId ?? null, organizationId }, { action, targetType: "write_back", targetIds, metadata: { prepSheetId: sheetRow.id, ...metadata } });
  const skip = async (reason: Extract<WritePrepSheetResult, { outcome: "skipped" }>["reason"], replacesEpicId: string | null = null, writeBackId: Id<"writeBack"> | null = null): Promise<WritePrepSheetResult> => {
    await audit(db, "ehr_writeback.skipped", writeBackId ? [writeBackId] : [], { reason });
    return { outcome: "skipped", reason, writeBackId, replacesEpicId };
  };

  // Epic files a note only against an existing encounter of the patient, with an author.
  const ehrEncounterId = appointment.ehrEncounterId;
  if (!ehrEncounterId) return skip("no_encounter");
  if (!appointment.ehrPractitionerId) return skip("no_author");
  const target = { patientId: patient.id, ehrPatientId: patient.ehrPatientId, ehrEncounterId };

  /** Applies a ledger event with compare-and-set and its audit row in one transaction; null if someone moved the row first. */
  async function apply(row: WriteBackRow, event: WriteBackEvent, metadata: AuditMetadata = {}): Promise<WriteBackRow | null> {
    const next = applyWriteBackEvent(toEntry(row), event);
    if (!next.ok) throw new AppError("internal", `write-back ledger: ${next.reason}`);
    return db.transaction(async (tx) => {
      const moved = await transitionWriteBack(tx, organizationId, row.id, row.state, {
        state: next.entry.state,
        attempts: next.entry.attempts,
        epicDocumentReferenceId: next.entry.epicId,
        lastErrorCode: next.entry.lastError,
        sentAt: next.entry.sentAt ? new Date(next.entry.sentAt) : null,
      });
      const action = auditByState[next.entry.state];
      if (moved && action) await audit(tx, action, [row.id], { state: next.entry.state, attempts: next.entry.attempts, ...(next.entry.epicId ? { epicId: next.entry.epicId } : {}), ...(next.entry.lastError ? { error: next.entry.lastError } : {}), ...metadata });
      return moved;
    });
  }

  /** Drives one ledger row until it is terminal or must wait. */
  async function drive(start: WriteBackRow): Promise<WritePrepSheetResult> {
    let row = start;
    let search: WriteBackSearchResult | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const step = decideNextWriteBackStep(toEntry(row), search, policy);
      const at = now().toISOString();
      let moved: WriteBackRow | null = row;
      switch (step.action) {
        case "none":
          if (row.state === "failed") return { outcome: "failed", writeBackId: row.id, reason: row.lastErrorCode ?? "failed", retryable: false };
          return { outcome: row.state === "reconciled" ? "reconciled" : "confirmed", writeBackId: row.id, epicId: row.epicDocumentReferenceId ?? "", replacesEpicId: row.replacesEpicId };
        case "send": {
          // Only the ledger row's own sheet is ever sent; an older row is resolved by search, not re-sent with new content.
          const loaded = row.prepSheetId === sheetRow.id ? sheet : (await loadPrepSheet(db, { organizationId, prepSheetId: row.prepSheetId })).sheet;
          const resource = buildDocumentReference({
            prepSheetId: row.prepSheetId,
            noteText: renderPrepSheetText(loaded),
            ehrPatientId: target.ehrPatientId,
            ehrEncounterId: row.ehrEncounterId,
            author: `Practitioner/${appointment!.ehrPractitionerId}`,
            generatedAt: loaded.generatedAt,
            docStatus: settings.docStatus,
            noteType: settings.noteType,
            replacesEpicId: row.replacesEpicId,
          });
          const sent = await apply(row, { type: "send_started", at });
          // Another worker started this send first: re-read the row rather than retry the stale one.
          if (!sent) {
            moved = null;
            break;
          }
          row = sent;
          const answer = await sendPrepSheetNote(client, resource);
          moved = answer.kind === "created"
            ? await apply(row, { type: "created", epicId: answer.epicId, at: now().toISOString() })
            : answer.kind === "lost"
              ? await apply(row, { type: "outcome_lost", reason: answer.code, at: now().toISOString() })
              : await apply(row, { type: "rejected", reason: answer.code, at: now().toISOString() });
          if (!moved && answer.kind === "created") {
            // Another worker saw our `sent` row and marked it unknown meanwhile: we know the answer.
            const current = await findWriteBack(db, organizationId, row.id);
            if (current?.state === "unknown") moved = await apply(current, { type: "found_in_epic", epicId: answer.epicId, at: now().toISOString() });
          }
          if (moved?.state === "failed" && answer.kind === "refused") {
            return { outcome: "failed", writeBackId: moved.id, reason: answer.code, retryable: answer.retryable };
          }
          search = undefined;
          break;
        }
        case "mark_unknown":
          moved = await apply(row, { type: "outcome_lost", reason: "sender_lost", at });
          break;
        case "search":
          search = { searchedAt: at, documents: await searchPrepSheetNotes(client, target.ehrPatientId, step.identifier) };
          continue;
        case "reconcile":
          moved = await apply(row, { type: "found_in_epic", epicId: step.epicId, at }, { duplicates: step.duplicateEpicIds.length });
          break;
        case "wait":
          return { outcome: "unknown", writeBackId: row.id, waitUntil: step.until };
        case "retry":
          moved = await apply(row, { type: "absent_in_epic", at });
          search = undefined;
          break;
        case "give_up":
          moved = await apply(row, { type: "abandoned", reason: step.reason, at });
          break;
      }
      row = moved ?? (await findWriteBack(db, organizationId, row.id)) ?? row;
    }
    return { outcome: "unknown", writeBackId: row.id, waitUntil: null };
  }

  // An earlier write for this patient and encounter that has not settled goes first.
  const open = await findOpenWriteBack(db, organizationId, target.patientId, ehrEncounterId);
  if (open) {
    const settled = await drive(open);
    if (open.prepSheetId === sheetRow.id || settled.outcome === "unknown") return settled;
  }

  const lastSettled = await findLastSettledWriteBack(db, organizationId, target.patientId, ehrEncounterId);
  const today = clinicDayRange(clinic.timeZone, localDate(clinic.timeZone, now()));
  const start = decideWriteBackStart({
    contentHash: sheetRow.contentHash,
    lastConfirmed: lastSettled?.epicDocumentReferenceId ? { contentHash: lastSettled.contentHash, epicId: lastSettled.epicDocumentReferenceId } : null,
    hasUnsettledWrite: false,
    supersededInEpic: await hasSettledWriteBackFromVersion(db, organizationId, sheetRow.appointmentId, sheetRow.version),
    // Refused writes filed nothing, so a burst of 429s must not use up the patient's day.
    writesToday: await countLiveWriteBacksSince(db, organizationId, target.patientId, today.from),
    dailyCap: settings.dailyCap,
    dryRun: input.dryRun ?? settings.dryRun,
  });
  if (start.action === "skip") return skip(start.reason, null, start.reason === "unchanged" ? (lastSettled?.id ?? null) : null);
  if (start.action === "dry_run") return skip("dry_run", start.replacesEpicId);
  const created = await insertWriteBack(db, organizationId, {
    prepSheetId: sheetRow.id,
    patientId: target.patientId,
    ehrEncounterId,
    contentHash: sheetRow.contentHash,
    state: "pending",
    replacesEpicId: start.replacesEpicId,
  });
  if (!created) return skip("unsettled_write");
  return drive(created);
}
