import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { createId, type Id } from "@/lib/ids";
import type { Db } from "../client";
import { documentExtractions, documentPageTexts, patientDocuments, patients } from "../schema";

export type PatientDocumentRow = typeof patientDocuments.$inferSelect;
type DocumentChanges = Partial<Omit<typeof patientDocuments.$inferInsert, "id" | "organizationId" | "patientId" | "fhirBaseUrl" | "ehrDocumentId">>;

export type DocumentLogInput = {
  patientId: Id<"patient">;
  fhirBaseUrl: string;
  ehrDocumentId: string;
  ehrVersion: string;
  origin: PatientDocumentRow["origin"];
};

/**
 * Records a DocumentReference seen by a sync. New or changed (another ehrVersion) documents become
 * `pending` (ours `skipped`); an unchanged one keeps its state. Returns the row as it now stands.
 */
export async function recordDocumentInLog(db: Db, organizationId: Id<"organization">, input: DocumentLogInput): Promise<PatientDocumentRow> {
  const initial = input.origin === "healthprep" ? "skipped" : "pending";
  const [inserted] = await db
    .insert(patientDocuments)
    .values({ id: createId("document"), organizationId, ...input, state: initial, failureReason: input.origin === "healthprep" ? "own_prep_sheet" : null })
    .onConflictDoNothing({ target: [patientDocuments.organizationId, patientDocuments.fhirBaseUrl, patientDocuments.ehrDocumentId] })
    .returning();
  if (inserted) return inserted;
  const [existing] = await db
    .select()
    .from(patientDocuments)
    .where(
      and(
        eq(patientDocuments.organizationId, organizationId),
        eq(patientDocuments.fhirBaseUrl, input.fhirBaseUrl),
        eq(patientDocuments.ehrDocumentId, input.ehrDocumentId),
      ),
    )
    .limit(1);
  if (!existing || existing.ehrVersion === input.ehrVersion) return existing!;
  return updateDocument(db, organizationId, existing.id, {
    ehrVersion: input.ehrVersion,
    origin: input.origin,
    state: initial,
    failureReason: input.origin === "healthprep" ? "own_prep_sheet" : null,
    failureMessage: null,
    attempts: 0,
  });
}

export async function updateDocument(db: Db, organizationId: Id<"organization">, id: Id<"document">, changes: DocumentChanges): Promise<PatientDocumentRow> {
  const [row] = await db
    .update(patientDocuments)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(patientDocuments.organizationId, organizationId), eq(patientDocuments.id, id)))
    .returning();
  return row!;
}

/** Moves a document to `processing` unless it already reached a terminal state for this version. */
export async function claimDocument(db: Db, organizationId: Id<"organization">, id: Id<"document">): Promise<PatientDocumentRow | null> {
  const [row] = await db
    .update(patientDocuments)
    .set({ state: "processing", attempts: sql`${patientDocuments.attempts} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(patientDocuments.organizationId, organizationId),
        eq(patientDocuments.id, id),
        inArray(patientDocuments.state, ["pending", "processing", "failed"]),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findDocument(db: Db, organizationId: Id<"organization">, id: string): Promise<PatientDocumentRow | null> {
  const [row] = await db
    .select()
    .from(patientDocuments)
    .where(and(eq(patientDocuments.organizationId, organizationId), eq(patientDocuments.id, id as Id<"document">)))
    .limit(1);
  return row ?? null;
}

export async function listPatientDocuments(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<PatientDocumentRow[]> {
  return db
    .select()
    .from(patientDocuments)
    .where(and(eq(patientDocuments.organizationId, organizationId), eq(patientDocuments.patientId, patientId)))
    .orderBy(asc(patientDocuments.ehrDocumentId));
}

export async function findExtraction(db: Db, organizationId: Id<"organization">, contentHash: string) {
  const [row] = await db
    .select()
    .from(documentExtractions)
    .where(and(eq(documentExtractions.organizationId, organizationId), eq(documentExtractions.contentHash, contentHash)))
    .limit(1);
  return row ?? null;
}

export async function saveExtraction(
  db: Db,
  organizationId: Id<"organization">,
  row: { contentHash: string; ok: boolean; resultEncrypted: string },
): Promise<void> {
  // First writer wins: two workers extracting the same bytes produce the same result.
  await db.insert(documentExtractions).values({ organizationId, ...row }).onConflictDoNothing();
}

/** Retention: documents (text included) and cached extractions of patients not scheduled since `before`. */
export async function purgeStaleDocuments(db: Db, organizationId: Id<"organization">, before: Date): Promise<number> {
  const stale = db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.organizationId, organizationId), sql`coalesce(${patients.lastScheduledAt}, ${patients.createdAt}) < ${before}`));
  const hashes = db
    .select({ hash: patientDocuments.contentHash })
    .from(patientDocuments)
    .where(and(eq(patientDocuments.organizationId, organizationId), inArray(patientDocuments.patientId, stale)));
  await db
    .delete(documentExtractions)
    .where(and(eq(documentExtractions.organizationId, organizationId), inArray(documentExtractions.contentHash, hashes)));
  const rows = await db
    .delete(patientDocuments)
    .where(and(eq(patientDocuments.organizationId, organizationId), inArray(patientDocuments.patientId, stale)))
    .returning({ id: patientDocuments.id });
  return rows.length;
}

/** Documents of a patient that never reached a terminal state (new, changed, or interrupted). */
export async function listUnfinishedDocumentIds(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<Id<"document">[]> {
  const rows = await db
    .select({ id: patientDocuments.id })
    .from(patientDocuments)
    .where(
      and(
        eq(patientDocuments.organizationId, organizationId),
        eq(patientDocuments.patientId, patientId),
        inArray(patientDocuments.state, ["pending", "processing"]),
      ),
    )
    .orderBy(asc(patientDocuments.id));
  return rows.map((row) => row.id);
}

export type DocumentPageTextRow = typeof documentPageTexts.$inferSelect;

/** Stores one page read by a per-page job step; a retried step that already stored it changes nothing. */
export async function savePageText(
  db: Db,
  organizationId: Id<"organization">,
  row: Omit<typeof documentPageTexts.$inferInsert, "organizationId" | "createdAt">,
): Promise<void> {
  await db.insert(documentPageTexts).values({ organizationId, ...row }).onConflictDoNothing();
}

export async function listPageTexts(db: Db, organizationId: Id<"organization">, documentId: Id<"document">, contentHash: string): Promise<DocumentPageTextRow[]> {
  return db
    .select()
    .from(documentPageTexts)
    .where(
      and(
        eq(documentPageTexts.organizationId, organizationId),
        eq(documentPageTexts.documentId, documentId),
        eq(documentPageTexts.contentHash, contentHash),
      ),
    )
    .orderBy(asc(documentPageTexts.pageNumber));
}

export async function findPageText(
  db: Db,
  organizationId: Id<"organization">,
  key: { documentId: Id<"document">; contentHash: string; pageNumber: number },
): Promise<DocumentPageTextRow | null> {
  const [row] = await db
    .select()
    .from(documentPageTexts)
    .where(
      and(
        eq(documentPageTexts.organizationId, organizationId),
        eq(documentPageTexts.documentId, key.documentId),
        eq(documentPageTexts.contentHash, key.contentHash),
        eq(documentPageTexts.pageNumber, key.pageNumber),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Drops a document's partial pages: all of them, or only those of other bytes (`keepContentHash`). */
export async function deletePageTexts(db: Db, organizationId: Id<"organization">, documentId: Id<"document">, keepContentHash?: string): Promise<void> {
  await db
    .delete(documentPageTexts)
    .where(
      and(
        eq(documentPageTexts.organizationId, organizationId),
        eq(documentPageTexts.documentId, documentId),
        ...(keepContentHash ? [ne(documentPageTexts.contentHash, keepContentHash)] : []),
      ),
    );
}

/** A patient's Epic documents that failed to read, back to `pending` for another attempt; returns their ids. */
export async function resetFailedDocuments(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<Id<"document">[]> {
  const rows = await db
    .update(patientDocuments)
    .set({ state: "pending", failureReason: null, failureMessage: null, attempts: 0, updatedAt: new Date() })
    .where(
      and(
        eq(patientDocuments.organizationId, organizationId),
        eq(patientDocuments.patientId, patientId),
        eq(patientDocuments.origin, "ehr"),
        eq(patientDocuments.state, "failed"),
      ),
    )
    .returning({ id: patientDocuments.id });
  return rows.map((row) => row.id);
}
