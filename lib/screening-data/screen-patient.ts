import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import {
  deleteScreeningResultsExcept,
  listScreeningResults,
  listScreeningReviews,
  listScreeningTypes,
  upsertScreeningResult,
} from "@/db/queries/screenings";
import { findOrganizationById } from "@/db/queries/organizations";
import { getCipher } from "@/lib/crypto";
import { createId, type Id } from "@/lib/ids";
import { readClinicSettings } from "@/lib/organizations/clinic-settings-store";
import { evaluateScreenings, evidenceIdOf, type ReviewDecision, type ScreeningStatus, type SelectedScreeningResult } from "@/lib/screening";
import { loadPatientClinicalData } from "@/lib/sync/load-patient-clinical-data";
import { buildScreeningFacts } from "./build-screening-facts";
import { loadScreeningDocuments } from "./load-screening-documents";
import { parseStoredType } from "./parse-stored-type";

export type ScreenPatientInput = {
  organizationId: Id<"organization">;
  patientId: Id<"patient">;
  /** Clinic-local today (YYYY-MM-DD), from lib/dates/local-date.ts. */
  asOf: string;
  timeZone: string;
  now?: () => Date;
};

/** Ids and counts only: this is a job step's output. */
export type ScreenPatientResult = {
  patientId: Id<"patient">;
  outcome: "screened" | "not_screenable";
  reason: string | null;
  types: number;
  written: number;
  unchanged: number;
  removed: number;
  statuses: Partial<Record<ScreeningStatus, number>>;
};

export const screeningResultAad = (organizationId: string, resultId: string) => `screening_results.details:${organizationId}:${resultId}`;

/** What the encrypted details column holds: the reasons and the evidence as the engine reported it. */
export type ScreeningResultDetails = Pick<SelectedScreeningResult, "reasons" | "evidence" | "dueSoonFrom" | "overdueFrom" | "supersededBy" | "name">;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Evaluates every active screening type of the clinic for one patient from the stored facts, records
 * and processed documents, honouring clinicians' review decisions, and stores one result per type.
 * A result whose inputs did not change is left as it is; results of types no longer active go.
 */
export async function screenPatient(db: Db, input: ScreenPatientInput): Promise<ScreenPatientResult> {
  const { organizationId, patientId, asOf } = input;
  const now = input.now ?? (() => new Date());
  const typeRows = await listScreeningTypes(db, organizationId, { activeOnly: true });
  const empty = { patientId, types: typeRows.length, written: 0, unchanged: 0, removed: 0, statuses: {} };
  const [clinic, clinical, documents, reviewRows, existing] = await Promise.all([
    findOrganizationById(db, organizationId),
    loadPatientClinicalData(db, organizationId, patientId),
    loadScreeningDocuments(db, organizationId, patientId),
    listScreeningReviews(db, organizationId, patientId),
    listScreeningResults(db, organizationId, patientId),
  ]);
  const built = buildScreeningFacts({ facts: clinical.facts, records: clinical.records, documents, timeZone: input.timeZone });
  if (!built.ok) {
    const removed = await deleteScreeningResultsExcept(db, organizationId, patientId, []);
    return { ...empty, outcome: "not_screenable", reason: built.reason, removed };
  }

  const types = typeRows.map((row) => ({ row, type: parseStoredType(row) }));
  const reviews: ReviewDecision[] = reviewRows.map((r) => ({
    screeningTypeKey: r.screeningTypeKey, evidenceId: r.evidenceId, decision: r.decision, confirmedDate: r.confirmedDate,
  }));
  // The clinic's timing and OCR-confidence settings change results, so they are part of the input hash.
  const clinicSettings = readClinicSettings(clinic?.settings).screening;
  const results = evaluateScreenings(built.facts, types.map((t) => t.type), { asOf, reviews, clinicSettings });

  // A family's answer depends on every member, so a result's hash covers its family's definitions.
  const patientHash = sha256(JSON.stringify([built.facts, reviews, asOf, clinicSettings]));
  const familyOf = (key: string) => types.find((t) => t.type.key === key)?.type.family?.id ?? null;
  const typeHash = (key: string) => {
    const family = familyOf(key);
    const members = types.filter((t) => (family === null ? t.type.key === key : t.type.family?.id === family));
    return sha256(JSON.stringify([patientHash, members.map((m) => m.type)]));
  };

  const byTypeId = new Map(existing.map((row) => [row.screeningTypeId, row]));
  const cipher = getCipher();
  const statuses: ScreenPatientResult["statuses"] = {};
  let written = 0;
  let unchanged = 0;
  for (const result of results) {
    const { row } = types.find((t) => t.type.key === result.screeningTypeKey)!;
    if (result.selection !== "superseded") statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    const inputHash = typeHash(result.screeningTypeKey);
    const previous = byTypeId.get(row.id);
    if (previous && previous.inputHash === inputHash) {
      unchanged++;
      continue;
    }
    // Reusing the row id keeps the encrypted column's aad valid across re-evaluations.
    const id = previous?.id ?? createId("screeningResult");
    const details: ScreeningResultDetails = {
      name: result.name, reasons: result.reasons, evidence: result.evidence,
      dueSoonFrom: result.dueSoonFrom, overdueFrom: result.overdueFrom, supersededBy: result.supersededBy,
    };
    await upsertScreeningResult(db, organizationId, {
      id, patientId, screeningTypeId: row.id, screeningTypeKey: result.screeningTypeKey, screeningTypeVersion: result.screeningTypeVersion,
      status: result.status, provisionalStatus: result.provisionalStatus, selection: result.selection,
      lastCompleted: result.lastCompleted, nextDue: result.nextDue, evidenceIds: [...new Set(result.evidence.map(evidenceIdOf))],
      detailsEncrypted: cipher.encrypt(JSON.stringify(details), screeningResultAad(organizationId, id)),
      asOf, inputHash, evaluatedAt: now(),
    });
    written++;
  }
  const removed = await deleteScreeningResultsExcept(db, organizationId, patientId, typeRows.map((r) => r.id));
  return { ...empty, outcome: "screened", reason: null, written, unchanged, removed, statuses };
}
