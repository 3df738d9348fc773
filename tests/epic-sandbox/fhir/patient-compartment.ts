import type { DiagnosticReport, DocumentReference, OperationOutcome } from "@medplum/fhirtypes";
import { contextsAllowing } from "../oauth/smart-scopes";
import type { IssuedToken } from "../sandbox-state";
import type { EpicRules } from "../sandbox-types";
import type { FhirStore } from "./fhir-store";
import { outcome } from "./operation-outcome";

/**
 * The search parameter that ties each served type to its patient (the R4 Patient compartment).
 * Practitioner, PractitionerRole, Organization and Location are outside it: any token with the scope
 * reads them, as a patient app reads its clinicians. Binary belongs to the document that points at it.
 */
const patientParam: Readonly<Record<string, string>> = {
  Patient: "_id",
  Encounter: "patient",
  Appointment: "patient",
  Condition: "patient",
  Observation: "patient",
  Procedure: "patient",
  DiagnosticReport: "patient",
  DocumentReference: "patient",
  Immunization: "patient",
  MedicationRequest: "patient",
  AllergyIntolerance: "patient",
};

/** No compartment (null) or the patient the request is confined to; undefined = not confined. */
export type Compartment = { patient: string | null } | undefined;

export const compartmentRefusal = (text = "The resource is outside the patient context of the access token."): OperationOutcome =>
  outcome("error", "forbidden", text);

/**
 * A request is confined to the token's patient when only patient/ scopes allow it: a token that also
 * holds a user/ or system/ scope for the type reads as that user or system does.
 */
export function compartmentOf(token: IssuedToken | undefined, rules: EpicRules, type: string, interaction: "read" | "write"): Compartment {
  if (!rules.patientCompartment || !token) return undefined;
  const contexts = contextsAllowing(token.scopes, type, interaction);
  if (contexts.size === 0 || contexts.has("user") || contexts.has("system")) return undefined;
  return { patient: token.patient ?? null };
}

const idOf = (value: string) => value.replace(/^(?:.*\/)?Patient\//, "");

/**
 * Confines a search to the compartment's patient: an explicit other patient is refused (403), and a
 * search without one gets the context patient added, so every page (the cursor keeps the query) stays
 * within it. Returns the refusal or undefined.
 */
export function confineSearch(type: string, query: URLSearchParams, compartment: Compartment): OperationOutcome | undefined {
  if (!compartment) return undefined;
  const param = patientParam[type];
  if (!param) return undefined;
  const { patient } = compartment;
  if (!patient) return compartmentRefusal("The access token has no patient in context.");
  if (param === "_id") {
    // Repeated parameters are ANDed, so any other _id the client sent simply finds nothing.
    query.append("_id", patient);
    return undefined;
  }
  const named = [...query.entries()]
    .filter(([key]) => /^(patient|subject)(:Patient)?$/.test(key))
    .flatMap(([, value]) => value.split(","))
    .map(idOf);
  if (named.some((id) => id !== patient)) return compartmentRefusal();
  if (!named.length) query.append("patient", patient);
  return undefined;
}

/** May a confined request read `type/id`? (The resource exists; the caller answered 404 otherwise.) */
export async function inCompartment(store: FhirStore, type: string, id: string, compartment: Compartment): Promise<boolean> {
  if (!compartment) return true;
  const { patient } = compartment;
  if (type === "Binary") return patient !== null && binaryBelongsTo(store, id, patient);
  const param = patientParam[type];
  if (!param) return true;
  if (!patient) return false;
  if (type === "Patient") return id === patient;
  const query = new URLSearchParams({ _id: id, [param]: patient, _count: "1" });
  const { resource } = await store.route("GET", `${type}?${query}`);
  return resource?.resourceType === "Bundle" && (resource.entry?.length ?? 0) > 0;
}

async function binaryBelongsTo(store: FhirStore, binaryId: string, patient: string): Promise<boolean> {
  const points = (url: string | undefined) => url === `Binary/${binaryId}` || (url?.endsWith(`/Binary/${binaryId}`) ?? false);
  for (const type of ["DocumentReference", "DiagnosticReport"] as const) {
    const { resource } = await store.route("GET", `${type}?${new URLSearchParams({ patient, _count: "1000" })}`);
    const docs = resource?.resourceType === "Bundle" ? (resource.entry ?? []).map((e) => e.resource) : [];
    for (const doc of docs) {
      const urls = doc?.resourceType === "DocumentReference"
        ? (doc as DocumentReference).content.map((c) => c.attachment.url)
        : ((doc as DiagnosticReport | undefined)?.presentedForm ?? []).map((a) => a.url);
      if (urls.some(points)) return true;
    }
  }
  return false;
}

/** A confined DocumentReference create must be about the compartment's patient. */
export function createAllowed(subjectReference: string | undefined, compartment: Compartment): boolean {
  if (!compartment) return true;
  return compartment.patient !== null && idOf(subjectReference ?? "") === compartment.patient;
}
