import "server-only";
import type { Db } from "@/db/client";
import { upsertPatientBanners, type PatientBannerRow } from "@/db/queries/patient-banners";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import type { PatientBanner } from "@/lib/patients/read-patient-banner";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { patientBannerAad } from "./patient-banner-aad";

/**
 * Keeps banners read from Epic for the schedule of one visit day, encrypted per clinic and patient,
 * until that day ends (clinic-local). A day already over stores nothing. Only patients on that day's
 * schedule belong here (README, PHI minimisation).
 */
export async function storePatientBanners(
  db: Db,
  input: { organizationId: Id<"organization">; date: string; timeZone: string; banners: ReadonlyMap<string, PatientBanner>; now: Date },
): Promise<void> {
  const expiresAt = clinicDayRange(input.timeZone, input.date, 1).to;
  if (expiresAt <= input.now || input.banners.size === 0) return;
  const cipher = getCipher();
  const rows: PatientBannerRow[] = [...input.banners].map(([patientId, banner]) => ({
    organizationId: input.organizationId,
    patientId: patientId as Id<"patient">,
    bannerEncrypted: cipher.encrypt(JSON.stringify(banner), patientBannerAad(input.organizationId, patientId)),
    expiresAt,
  }));
  await upsertPatientBanners(db, rows);
}
