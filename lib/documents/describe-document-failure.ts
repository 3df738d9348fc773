/**
 * Why a document could not be read, for people (no codes), and whether reading it again can help:
 * a damaged or locked file fails the same way every time, Epic or the reader being down does not.
 */
const failures: Record<string, { text: string; retryHelps: boolean }> = {
  encrypted: { text: "The file is password-protected.", retryHelps: false },
  corrupt: { text: "The file is damaged and cannot be opened.", retryHelps: false },
  unsupported_type: { text: "This kind of file cannot be read.", retryHelps: false },
  too_large: { text: "The file is too large to read.", retryHelps: false },
  too_many_pages: { text: "The document has too many pages to read.", retryHelps: false },
  empty: { text: "The document has no readable text.", retryHelps: false },
  ocr_timeout: { text: "Reading the scanned pages took too long.", retryHelps: true },
  ocr_engine: { text: "The text reader could not run.", retryHelps: true },
  no_content: { text: "Epic has no file attached to this document.", retryHelps: true },
  not_in_ehr: { text: "Epic no longer returns this document.", retryHelps: true },
  fetch_failed: { text: "Epic could not be reached to download it.", retryHelps: true },
};

export type DocumentFailure = { text: string; retryHelps: boolean };

export function describeDocumentFailure(reason: string | null): DocumentFailure {
  return (reason ? failures[reason] : undefined) ?? { text: "It could not be read.", retryHelps: true };
}
