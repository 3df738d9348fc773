import { failExtraction, type ExtractionFailure } from "./extraction-result";

/**
 * Strict base64 for FHIR Attachment.data. Buffer.from silently skips invalid characters, which
 * would turn a damaged payload into a different, "valid" document.
 */
export function decodeAttachmentData(base64: string): { ok: true; bytes: Uint8Array } | ExtractionFailure {
  const compact = base64.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    return failExtraction("corrupt", "The document's inline data is not valid base64.");
  }
  return { ok: true, bytes: new Uint8Array(Buffer.from(compact, "base64")) };
}
