import "server-only";
import type { Db } from "@/db/client";
import { listScreeningReviews, listScreeningTypes } from "@/db/queries/screenings";
import type { Id } from "@/lib/ids";
import type { PrepSheetDocument } from "@/lib/prep-sheet";
import { evaluateScreenings, screeningPresetSchema, uspstfAdultPrimaryCarePreset, type ClinicSettings, type ReviewDecision, type SelectedScreeningResult } from "@/lib/screening";
import { buildScreeningFacts, type ScreeningDocument } from "@/lib/screening-data/build-screening-facts";
import { loadScreeningDocuments } from "@/lib/screening-data/load-screening-documents";
import { parseStoredType } from "@/lib/screening-data/parse-stored-type";
import type { PatientClinicalData } from "@/lib/sync/load-patient-clinical-data";

/**
 * The one seam between stored clinical data and the screening engine for the prep sheet: stored
 * records → lib/screening-data facts → the clinic's active screening types with its clinicians'
 * review decisions (the same inputs screenPatient uses, so sheet and screening page agree); the
 * USPSTF adult preset only for a clinic that has configured no types yet. Evaluated here rather than
 * read from stored results so the sheet never shows results older than the data it lists.
 * Document text is decrypted for this evaluation only and never leaves the process.
 */
const presetTypes = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;

export type PrepSheetScreeningInput = { documents: ScreeningDocument[]; forSheet: PrepSheetDocument[] };

export async function loadPrepSheetDocuments(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<PrepSheetScreeningInput> {
  const documents = await loadScreeningDocuments(db, organizationId, patientId);
  const forSheet = documents.map((d): PrepSheetDocument => ({
    id: d.id,
    category: isCategory(d.category) ? d.category : "other",
    serviceDate: d.serviceDate,
    title: d.title,
    filename: null,
  }));
  return { documents, forSheet };
}

const categories = new Set(["lab", "imaging", "consult", "hospital", "procedure", "pathology", "other"]);
function isCategory(value: string | null): value is PrepSheetDocument["category"] {
  return value !== null && categories.has(value);
}

/** Screening results for the sheet; empty when the patient cannot be screened (no birth date, deceased). */
export async function screenForPrepSheet(
  db: Db,
  clinical: PatientClinicalData,
  documents: readonly ScreeningDocument[],
  input: { organizationId: Id<"organization">; asOf: string; timeZone: string; clinicSettings: ClinicSettings },
): Promise<SelectedScreeningResult[]> {
  const built = buildScreeningFacts({ facts: clinical.facts, records: clinical.records, documents, timeZone: input.timeZone });
  if (!built.ok) return [];
  const typeRows = await listScreeningTypes(db, input.organizationId, { activeOnly: true });
  const reviews: ReviewDecision[] = (await listScreeningReviews(db, input.organizationId, clinical.patientId)).map((r) => ({
    screeningTypeKey: r.screeningTypeKey, evidenceId: r.evidenceId, decision: r.decision, confirmedDate: r.confirmedDate,
  }));
  const types = typeRows.length > 0 ? typeRows.map(parseStoredType) : presetTypes;
  return evaluateScreenings(built.facts, types, { asOf: input.asOf, reviews, clinicSettings: input.clinicSettings });
}
