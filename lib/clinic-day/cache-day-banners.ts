import "server-only";
import type { Db } from "@/db/client";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { readPatientBanner, type PatientBanner } from "@/lib/patients/read-patient-banner";
import { storePatientBanners } from "@/lib/schedule/store-patient-banners";

/**
 * After a clinic day's pulls: the schedule banner (name, birth date, sex) of each pulled patient,
 * from the Patient read the pull already made (`client` shares reads for the run, so this asks Epic
 * nothing), kept encrypted until the visit day ends. The day's first schedule view then reads no
 * name from Epic. A patient whose read is not at hand is simply left to the schedule view.
 */
export async function cacheDayBanners(
  db: Db,
  client: FhirClient,
  input: { organizationId: Id<"organization">; date: string; timeZone: string; patients: readonly { patientId: Id<"patient">; ehrPatientId: string }[]; now: Date },
): Promise<number> {
  const banners = new Map<string, PatientBanner>();
  for (const { patientId, ehrPatientId } of input.patients) {
    try {
      banners.set(patientId, readPatientBanner(await client.read("Patient", ehrPatientId)));
    } catch {
      // Not read this run (the pull failed): the schedule view reads it when shown.
    }
  }
  await storePatientBanners(db, { organizationId: input.organizationId, date: input.date, timeZone: input.timeZone, banners, now: input.now })
    .catch((error: unknown) => logger.warn("clinic_day.banner_cache_failed", { organizationId: input.organizationId, err: error }));
  return banners.size;
}
