import { randomBytes } from "node:crypto";
import type { DocumentReference, Encounter, OperationOutcome, Patient } from "@medplum/fhirtypes";
import type { FhirStore } from "./fhir-store";
import { outcome } from "./operation-outcome";

export type CreateResult =
  | { ok: true; resource: DocumentReference & { id: string } }
  | { ok: false; status: number; body: OperationOutcome };

const invalid = (text: string): CreateResult => ({ ok: false, status: 400, body: outcome("error", "invalid", text) });

function refId(reference: string | undefined, type: string): string | undefined {
  const m = new RegExp(`^(?:.*/)?${type}/([^/]+)$`).exec(reference ?? "");
  return m?.[1];
}

/** Epic-looking id: "e" + 22 url-safe characters + "3", like the sandbox's FHIR ids. */
export function epicStyleId(): string {
  return `e${randomBytes(16).toString("base64url").replace(/[-_]/g, "x").slice(0, 22)}3`;
}

/**
 * DocumentReference.Create (Clinical Notes), api 1046: status current, docStatus, type, subject, an
 * existing encounter of that patient, and exactly one text/plain base64 attachment. No conditional
 * create, no deduplication: every POST files a new note with a new id.
 */
export async function createDocumentReference(store: FhirStore, body: unknown, enforce: boolean): Promise<CreateResult> {
  const doc = body as DocumentReference | undefined;
  if (!doc || doc.resourceType !== "DocumentReference") return invalid("The body must be a DocumentReference.");
  if (enforce) {
    if (doc.status !== "current") return invalid("status must be current.");
    if (!doc.docStatus) return invalid("docStatus is required (preliminary or final).");
    if (!doc.type?.coding?.length) return invalid("type is required.");
    const patientId = refId(doc.subject?.reference, "Patient");
    if (!patientId || !(await store.read<Patient>("Patient", patientId))) return invalid("subject must be an existing Patient.");
    const encounterId = refId(doc.context?.encounter?.[0]?.reference, "Encounter");
    const encounter = encounterId ? await store.read<Encounter>("Encounter", encounterId) : undefined;
    if (!encounter) return invalid("context.encounter must be an existing Encounter.");
    if (refId(encounter.subject?.reference, "Patient") !== patientId) {
      return invalid("The encounter does not belong to the subject patient.");
    }
    const content = doc.content ?? [];
    if (content.length !== 1) return invalid("Exactly one content attachment is required.");
    const attachment = content[0]?.attachment;
    if (!attachment?.contentType?.toLowerCase().startsWith("text/plain")) return invalid("The attachment must be text/plain.");
    if (!attachment.data || !/^[A-Za-z0-9+/=\s]+$/.test(attachment.data)) return invalid("The attachment needs base64 data.");
  }
  const { id: _ignored, meta: _meta, ...rest } = doc;
  const category = rest.category?.length
    ? rest.category
    : [{ coding: [{ system: "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", code: "clinical-note", display: "Clinical Note" }] }];
  const resource = await store.create<DocumentReference>({ ...rest, id: epicStyleId(), category, date: rest.date ?? new Date().toISOString() });
  return { ok: true, resource };
}
