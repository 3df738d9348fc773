import type { DocumentReferenceContent } from "@medplum/fhirtypes";
import { decodeAttachmentData } from "@/lib/documents/decode-attachment-data";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { isFhirError } from "@/lib/fhir/fhir-error";

export type LoadedBytes =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: "corrupt" | "too_large" | "fetch_failed"; message: string };

/**
 * The bytes of one content entry: inline base64, or the Binary it points at (raw, size-capped,
 * with the attachment's type as Accept, as Epic expects). Failures that say something about the
 * document come back as values; transient FHIR errors throw so the job retries.
 */
export async function loadDocumentBytes(client: FhirClient, entry: DocumentReferenceContent, maxBytes: number): Promise<LoadedBytes> {
  const attachment = entry.attachment;
  if (attachment.data !== undefined) {
    const decoded = decodeAttachmentData(attachment.data);
    if (!decoded.ok) return { ok: false, reason: "corrupt", message: decoded.message };
    if (decoded.bytes.length > maxBytes) return tooLarge(decoded.bytes.length, maxBytes);
    return decoded;
  }
  try {
    const binary = await client.binary(attachment.url!, { as: "bytes", maxBytes, ...(attachment.contentType ? { contentType: attachment.contentType } : {}) });
    return { ok: true, bytes: binary.bytes };
  } catch (error) {
    if (!isFhirError(error) || error.transient) throw error;
    if (error.kind === "too_large") return tooLarge(undefined, maxBytes);
    return { ok: false, reason: "fetch_failed", message: `Epic did not return the document content (${error.httpStatus ?? error.kind}).` };
  }
}

function tooLarge(size: number | undefined, maxBytes: number): LoadedBytes {
  const what = size === undefined ? "The document is larger" : `The document is ${size} bytes, larger`;
  return { ok: false, reason: "too_large", message: `${what} than the ${maxBytes}-byte limit.` };
}
