import "server-only";
import { getDb } from "@/db/client";
import { listClinicsByFhirBase } from "@/db/queries/ehr-connections";

/** Clinic names (no ids) that share one Epic FHIR base, for the launch chooser. */
export async function listClinicsForLaunch(iss: string) {
  const clinics = await listClinicsByFhirBase(await getDb(), iss.replace(/\/+$/, ""));
  return clinics.map(({ slug, name }) => ({ slug, name }));
}
