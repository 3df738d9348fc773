import { boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, unique } from "drizzle-orm/pg-core";
import { cascadeReference, createdAtColumn, idColumn, instant, timestamps } from "./columns";
import { organizationIdColumn } from "./organizations";
import { patientIdColumn } from "./patients";

export const documentStates = ["pending", "processing", "processed", "failed", "skipped"] as const;
export type DocumentState = (typeof documentStates)[number];
/** `healthprep`: a prep sheet we wrote back (identifier urn:healthprep:prep-sheet); never ingested. */
export const documentOrigins = ["ehr", "healthprep"] as const;

/**
 * The DocumentReference log: one row per Epic document per clinic, with its processing state.
 * `ehrVersion` (meta.versionId, else a fingerprint of the content list) decides when a changed
 * document is read again. Title and text are encrypted with aad `patient_documents.<column>:<id>`.
 */
export const patientDocuments = pgTable(
  "patient_documents",
  {
    id: idColumn<"document">(),
    organizationId: organizationIdColumn(),
    patientId: patientIdColumn(),
    fhirBaseUrl: text("fhir_base_url").notNull(),
    ehrDocumentId: text("ehr_document_id").notNull(),
    ehrVersion: text("ehr_version").notNull(),
    origin: text("origin", { enum: documentOrigins }).notNull().default("ehr"),
    state: text("state", { enum: documentStates }).notNull().default("pending"),
    /** Machine code (extraction FailureReason, or no_content, not_in_ehr, fetch_failed, ocr_engine). */
    failureReason: text("failure_reason"),
    /** For people; built by our code, never from document text. */
    failureMessage: text("failure_message"),
    attempts: integer("attempts").notNull().default(0),
    contentType: text("content_type"),
    contentHash: text("content_hash"),
    detectedType: text("detected_type"),
    pages: integer("pages"),
    pageMethods: jsonb("page_methods").$type<string[]>(),
    confidence: real("confidence"),
    /** The OCR'd pages' spans in the text and their confidence (lib/documents/locate-ocr-pages); null before they were kept. */
    ocrPages: jsonb("ocr_pages").$type<{ page: number; start: number; end: number; confidence: number }[]>(),
    category: text("category"),
    serviceDate: date("service_date", { mode: "string" }),
    dateSource: text("date_source"),
    fromCache: boolean("from_cache"),
    titleEncrypted: text("title_encrypted"),
    textEncrypted: text("text_encrypted"),
    processedAt: instant("processed_at"),
    ...timestamps(),
  },
  (t) => [
    unique("patient_documents_org_base_ehr_unique").on(t.organizationId, t.fhirBaseUrl, t.ehrDocumentId),
    index("patient_documents_org_patient_idx").on(t.organizationId, t.patientId),
    index("patient_documents_org_state_idx").on(t.organizationId, t.state),
  ],
);

/**
 * The content-hash extraction cache, per clinic (a cache shared across clinics would let one
 * clinic's row hold another's document). The result JSON, text included, is encrypted.
 */
export const documentExtractions = pgTable(
  "document_extractions",
  {
    organizationId: organizationIdColumn(),
    contentHash: text("content_hash").notNull(),
    ok: boolean("ok").notNull(),
    resultEncrypted: text("result_encrypted").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ name: "document_extractions_pk", columns: [t.organizationId, t.contentHash] })],
);

/**
 * Per-page partial results while a document is read one job step per OCR page: the text layer
 * pages (written by the planning step) and each OCR'd page, keyed by the bytes' content hash so a
 * retry resumes after the pages already read and changed bytes never mix with old pages. Text is
 * encrypted (aad `document_page_texts.text:<documentId>:<contentHash>:<page>`). Rows are deleted
 * when the document reaches a terminal state, and with the document (cascade) by retention.
 */
export const documentPageTexts = pgTable(
  "document_page_texts",
  {
    organizationId: organizationIdColumn(),
    documentId: cascadeReference<"document">("document_id", () => patientDocuments.id),
    contentHash: text("content_hash").notNull(),
    pageNumber: integer("page_number").notNull(),
    /** extraction PageMethod: `text-layer` or `ocr`. */
    method: text("method").notNull(),
    confidence: real("confidence").notNull(),
    textEncrypted: text("text_encrypted").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ name: "document_page_texts_pk", columns: [t.documentId, t.contentHash, t.pageNumber] }),
    index("document_page_texts_org_idx").on(t.organizationId),
  ],
);
