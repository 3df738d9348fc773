import { mapPatientFacts, mapPatientIdentity } from "@/lib/fhir/to-domain/patient";

export type PatientBanner = { name: string; birthDate: string | null; sex: string | null };

/** Display name, birth date and sex for clinical use from an Epic Patient (pure; for screens only). */
export function readPatientBanner(resource: unknown): PatientBanner {
  const identity = mapPatientIdentity(resource).value;
  const facts = mapPatientFacts(resource).value;
  const n = identity?.names.find((x) => x.use === "official") ?? identity?.names[0];
  const name = n?.text ?? [...(n?.given ?? []), n?.family].filter(Boolean).join(" ");
  return { name: name || "Unnamed patient", birthDate: facts?.birthDate ?? null, sex: facts?.sexForClinicalUse ?? null };
}
