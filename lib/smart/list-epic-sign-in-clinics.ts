import "server-only";
import { getDb } from "@/db/client";
import { listClinicsWithEhrConnection } from "@/db/queries/ehr-connections";

/** Clinics offered on the sign-in page for "Sign in with Epic" (names and slugs only). */
export async function listEpicSignInClinics() {
  return listClinicsWithEhrConnection(await getDb());
}
