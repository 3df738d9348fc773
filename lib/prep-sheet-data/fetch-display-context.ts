import "server-only";
import type { HumanName } from "@medplum/fhirtypes";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { mapPatientIdentity } from "@/lib/fhir/to-domain/patient";
import type { PatientIdentity } from "@/lib/fhir/to-domain/types";

export type DisplayContext = { identity: PatientIdentity | null; provider: { displayName: string } | null };

/** Epic refused or does not have it: show the sheet without it. Outages throw so the job retries. */
async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isFhirError(error) && !error.transient) return null;
    throw error;
  }
}

function practitionerName(names: readonly HumanName[] | undefined): string | null {
  const name = names?.find((n) => n.use === "official") ?? names?.[0];
  const text = name?.text?.trim() || [...(name?.given ?? []), name?.family ?? ""].join(" ").replace(/\s+/g, " ").trim();
  return text || null;
}

/**
 * The header's names, read from Epic when the sheet is built (PHI minimisation: we store no names;
 * they live only inside the encrypted prep sheet model).
 */
export async function fetchDisplayContext(client: FhirClient, ehrPatientId: string, ehrPractitionerId: string | null): Promise<DisplayContext> {
  const patient = await readOrNull(() => client.read("Patient", ehrPatientId));
  const practitioner = ehrPractitionerId ? await readOrNull(() => client.read("Practitioner", ehrPractitionerId)) : null;
  const displayName = practitionerName(practitioner?.name);
  return { identity: patient ? mapPatientIdentity(patient).value : null, provider: displayName ? { displayName } : null };
}
