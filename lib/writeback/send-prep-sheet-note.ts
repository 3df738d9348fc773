import "server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { FhirCreateOutcomeUnknownError, isFhirError } from "@/lib/fhir/fhir-error";
import { mapDocumentReference } from "@/lib/fhir/to-domain/document-reference";
import type { WriteBackSearchResult } from "./write-back-ledger";

/** What one create told us. Codes are fixed strings (no PHI) for the ledger's last_error_code. */
export type NoteAnswer =
  | { kind: "created"; epicId: string }
  | { kind: "lost"; code: string }
  | { kind: "refused"; code: string; retryable: boolean };

/**
 * One DocumentReference create, classified for the ledger. Anything after which Epic may hold the
 * note (lost connection, gateway error, a 2xx we could not read) is `lost`, never `refused`.
 */
export async function sendPrepSheetNote(client: FhirClient, resource: DocumentReference): Promise<NoteAnswer> {
  try {
    const result = await client.create(resource);
    return result.id ? { kind: "created", epicId: result.id } : { kind: "lost", code: "no_location" };
  } catch (error) {
    if (error instanceof FhirCreateOutcomeUnknownError) return { kind: "lost", code: error.httpStatus ? `http_${error.httpStatus}` : "connection_lost" };
    if (!isFhirError(error)) return { kind: "lost", code: "unexpected" };
    if (error.kind === "http") return { kind: "refused", code: `http_${error.httpStatus ?? 0}`, retryable: error.transient };
    if (error.kind === "network") return { kind: "refused", code: "network_not_sent", retryable: true };
    if (error.kind === "invalid_request") return { kind: "refused", code: "invalid_request", retryable: false };
    return { kind: "lost", code: error.kind };
  }
}

/** Epic's DocumentReference search needs the patient; the identifier narrows it (and is re-checked by the ledger). */
export async function searchPrepSheetNotes(
  client: FhirClient,
  ehrPatientId: string,
  identifier: { system: string; value: string },
): Promise<WriteBackSearchResult["documents"]> {
  const result = await client.search("DocumentReference", { patient: ehrPatientId, identifier: `${identifier.system}|${identifier.value}` });
  return result.resources.flatMap((resource) => {
    const mapped = mapDocumentReference(resource).value;
    return mapped ? [{ ehrId: mapped.ehrId, identifiers: mapped.identifiers, date: mapped.date }] : [];
  });
}
