import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { setAppointmentPrepStatus } from "@/db/queries/appointments";
import { findAppointment, findLatestPrepSheetForAppointment, insertPrepSheet, setPrepSheetInputsFingerprint } from "@/db/queries/prep-sheets";
import type { PrepSheetStatus } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { DomainCondition, DomainEncounter, DomainImmunization, DomainObservation } from "@/lib/fhir/to-domain/types";
import type { Id } from "@/lib/ids";
import { readClinicSettings } from "@/lib/organizations/clinic-settings-store";
import { buildPrepSheet, hashPrepSheetContent, type PrepSheet } from "@/lib/prep-sheet";
import { loadPatientClinicalData } from "@/lib/sync/load-patient-clinical-data";
import { findClinic } from "@/lib/sync/sync-job-context";
import { fetchDisplayContext } from "./fetch-display-context";
import { findReusablePrepSheet } from "./find-reusable-prep-sheet";
import { keepLastPrepSheet } from "./keep-last-prep-sheet";
import { loadPrepSheetDocuments, screenForPrepSheet } from "./load-prep-sheet-input";
import { prepSheetAad } from "./prep-sheet-aad";
import { readPrepSheetInputsFingerprint } from "./read-prep-sheet-inputs-fingerprint";
import { toDomainAppointment } from "./to-domain-appointment";

export type GeneratePrepSheetInput = {
  organizationId: Id<"organization">;
  appointmentId: Id<"appointment">;
  /** Clinic-local YYYY-MM-DD the sheet is for. */
  asOf: string;
  /** ISO instant; the only clock the sheet sees. */
  generatedAt: string;
  /** When given, the patient's name and identifiers and the provider's name are read from Epic for the header (never stored outside the encrypted model). */
  client?: FhirClient;
  actorUserId?: string | null;
  /**
   * Keep the visit's newest sheet without screening or rendering when nothing it is built from has
   * changed (findReusablePrepSheet): the clinic day's warm re-run. Off for an explicit Regenerate.
   */
  reuseWhenUnchanged?: boolean;
};

export type GeneratePrepSheetResult = {
  prepSheetId: string;
  version: number;
  status: PrepSheetStatus;
  contentHash: string;
  /** False when the newest stored sheet for the appointment already says the same thing. */
  created: boolean;
  /** True when that sheet was kept without screening and building again (reuseWhenUnchanged). */
  reused: boolean;
  timings: { screeningMs: number; renderMs: number };
};

function statusOf(sheet: PrepSheet, screened: boolean): PrepSheetStatus {
  return !screened || sheet.screenings.some((s) => s.status === "needs_review") ? "needs_review" : "ready";
}

/**
 * Builds and stores the prep sheet for one appointment: stored clinical data and documents →
 * screening → model → encrypted row, with the appointment's prep status and an audit event in the
 * same transaction. A rerun whose content is unchanged stores nothing and returns the existing sheet.
 */
export async function generatePrepSheet(db: Db, input: GeneratePrepSheetInput): Promise<GeneratePrepSheetResult> {
  const { organizationId } = input;
  const clinic = await findClinic(db, organizationId);
  const settings = readClinicSettings(clinic.settings);
  const appointment = await findAppointment(db, organizationId, input.appointmentId);
  if (!appointment) throw new AppError("not_found", "appointment not found in this clinic");
  try {
    const screeningStarted = performance.now();
    const clinical = await loadPatientClinicalData(db, organizationId, appointment.patientId);
    const inputsFingerprint = await readPrepSheetInputsFingerprint(db, { organizationId, patientId: appointment.patientId, clinical });
    const display = input.client ? await fetchDisplayContext(input.client, clinical.ehrPatientId, appointment.ehrPractitionerId) : { identity: null, provider: null };
    const patient = clinical.facts ?? { ehrId: clinical.ehrPatientId, birthDate: null, sexForClinicalUse: "unknown" as const, sexSource: null, administrativeGender: null, deceased: null, deceasedDate: null, active: null };
    const domainAppointment = toDomainAppointment(appointment, clinical.ehrPatientId);
    if (input.reuseWhenUnchanged) {
      const kept = await findReusablePrepSheet(db, {
        organizationId, appointmentId: appointment.id, asOf: input.asOf, inputsFingerprint,
        header: { clinicName: clinic.name, clinicSettings: settings.prepSheet, patient, appointment: domainAppointment, display },
      });
      if (kept) {
        // A visit left "Preparing" by a request goes back to its sheet's status.
        if (appointment.prepStatus !== kept.status) await setAppointmentPrepStatus(db, organizationId, appointment.id, kept.status);
        const screeningMs = Math.round(performance.now() - screeningStarted);
        return { prepSheetId: kept.id, version: kept.version, status: kept.status, contentHash: kept.contentHash, created: false, reused: true, timings: { screeningMs, renderMs: 0 } };
      }
    }
    const documents = await loadPrepSheetDocuments(db, organizationId, appointment.patientId);
    const screenings = await screenForPrepSheet(db, clinical, documents.documents, { organizationId, asOf: input.asOf, timeZone: clinic.timeZone, clinicSettings: settings.screening });
    const screeningMs = performance.now() - screeningStarted;

    const renderStarted = performance.now();
    const sheet = buildPrepSheet({
      prepSheetId: randomUUID(),
      generatedAt: input.generatedAt,
      asOf: input.asOf,
      clinic: { name: clinic.name, timeZone: clinic.timeZone },
      clinicSettings: settings.prepSheet,
      patient,
      identity: display.identity,
      appointment: domainAppointment,
      provider: display.provider,
      screenings,
      observations: clinical.records.Observation as DomainObservation[],
      conditions: clinical.records.Condition as DomainCondition[],
      immunizations: clinical.records.Immunization as DomainImmunization[],
      encounters: clinical.records.Encounter as DomainEncounter[],
      documents: documents.forSheet,
    });
    const contentHash = hashPrepSheetContent(sheet);
    const status = statusOf(sheet, screenings.length > 0);
    const latest = await findLatestPrepSheetForAppointment(db, organizationId, appointment.id);
    const timings = () => ({ screeningMs: Math.round(screeningMs), renderMs: Math.round(performance.now() - renderStarted) });
    if (latest && latest.contentHash === contentHash) {
      // Same content from today's inputs: the stored sheet is current, so it stops saying it is out of date.
      await setPrepSheetInputsFingerprint(db, organizationId, latest.id, inputsFingerprint);
      await setAppointmentPrepStatus(db, organizationId, appointment.id, latest.status);
      return { prepSheetId: latest.id, version: latest.version, status: latest.status, contentHash, created: false, reused: false, timings: timings() };
    }

    const version = (latest?.version ?? 0) + 1;
    const stored = await db.transaction(async (tx) => {
      const row = await insertPrepSheet(tx, organizationId, {
        id: sheet.id,
        patientId: appointment.patientId,
        appointmentId: appointment.id,
        version,
        asOf: input.asOf,
        contentHash,
        inputsFingerprint,
        modelEncrypted: getCipher().encrypt(JSON.stringify(sheet), prepSheetAad(organizationId, sheet.id)),
        status,
        generatedAt: new Date(input.generatedAt),
      });
      if (!row) return null;
      await setAppointmentPrepStatus(tx, organizationId, appointment.id, status);
      await recordAuditEvent(tx, { actorUserId: input.actorUserId ?? null, organizationId }, {
        action: "prep_sheet.generated",
        targetType: "prep_sheet",
        targetIds: [row.id],
        metadata: { appointmentId: appointment.id, patientId: appointment.patientId, version, status, screenings: sheet.screenings.length },
      });
      return row;
    });
    if (!stored) {
      // Another worker stored this version first; theirs is as good as ours.
      const winner = await findLatestPrepSheetForAppointment(db, organizationId, appointment.id);
      if (!winner) throw new AppError("conflict", "prep sheet version conflict");
      return { prepSheetId: winner.id, version: winner.version, status: winner.status, contentHash: winner.contentHash, created: false, reused: false, timings: timings() };
    }
    return { prepSheetId: stored.id, version, status, contentHash, created: true, reused: false, timings: timings() };
  } catch (error) {
    // The visit keeps its last good sheet (and status) when there is one; only a first build fails it.
    await keepLastPrepSheet(db, { organizationId, appointmentId: appointment.id });
    throw error;
  }
}
