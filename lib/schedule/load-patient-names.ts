import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { deleteExpiredPatientBanners, listValidPatientBanners } from "@/db/queries/patient-banners";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { readPatientBanner, type PatientBanner } from "@/lib/patients/read-patient-banner";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { patientBannerAad } from "./patient-banner-aad";
import { storePatientBanners } from "./store-patient-banners";

type Input = {
  organizationId: Id<"organization">;
  userId: string;
  patients: Array<{ patientId: string; ehrPatientId: string }>;
  /** The visit day on screen (clinic-local YYYY-MM-DD) and the clinic's zone: a banner read for it lasts until that day ends. */
  date: string;
  timeZone: string;
  now?: Date;
  /** What the person is looking at, for the audit log (default the schedule). */
  auditAction?: "schedule.viewed" | "patients.listed";
};

// Concurrent first views of a clinic's day share one Epic read per patient (per server process).
const inFlight = new Map<string, Promise<PatientBanner | null>>();

/**
 * Names and birth dates for the patients on screen, audited as one schedule view. Epic is the
 * source: a banner is read from Epic (a few at a time) the first time the day is shown, then kept
 * encrypted until the visit day ends, so later views of a 40-visit day make no Epic request. Names
 * never reach logs or job payloads. A patient Epic does not answer for shows no name.
 */
export async function loadPatientNames(db: Db, input: Input, audit: Omit<AuditContext, "organizationId" | "actorUserId">): Promise<Map<string, PatientBanner>> {
  const names = new Map<string, PatientBanner>();
  if (input.patients.length === 0) return names;
  const now = input.now ?? new Date();
  const { organizationId } = input;
  const cipher = getCipher();
  for (const row of await listValidPatientBanners(db, organizationId, input.patients.map((p) => p.patientId), now)) {
    try {
      names.set(row.patientId, JSON.parse(cipher.decrypt(row.bannerEncrypted, patientBannerAad(organizationId, row.patientId))) as PatientBanner);
    } catch (error) {
      logger.warn("schedule.banner_unreadable", { organizationId, patientId: row.patientId, err: error });
    }
  }
  const missing = input.patients.filter((p) => !names.has(p.patientId));
  if (missing.length > 0) {
    const read = await readBannersFromEpic(db, input, missing);
    for (const [patientId, banner] of read) names.set(patientId, banner);
    // A failed cache write costs the next view an Epic read, nothing more.
    await storePatientBanners(db, { organizationId, date: input.date, timeZone: input.timeZone, banners: read, now })
      .catch((error: unknown) => logger.warn("schedule.banner_cache_failed", { organizationId, err: error }));
    await deleteExpiredPatientBanners(db, now).catch(() => 0);
  }
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId }, {
    action: input.auditAction ?? "schedule.viewed",
    targetType: "patient",
    targetIds: input.patients.map((p) => p.patientId),
    metadata: { count: input.patients.length },
  });
  return names;
}

async function readBannersFromEpic(db: Db, input: Input, patients: Input["patients"]): Promise<Map<string, PatientBanner>> {
  const read = new Map<string, PatientBanner>();
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  let client: Awaited<ReturnType<typeof getFhirClientForOrganization>>["client"];
  try {
    ({ client } = await getFhirClientForOrganization(db, { organizationId: input.organizationId, ...(token?.status === "active" ? { userId: input.userId } : {}) }));
  } catch (error) {
    logger.warn("schedule.names_unavailable", { organizationId: input.organizationId, err: error });
    return read;
  }
  const readOne = async (p: Input["patients"][number]): Promise<PatientBanner | null> => {
    try {
      return readPatientBanner(await client.read("Patient", p.ehrPatientId));
    } catch (error) {
      logger.warn("schedule.name_read_failed", { organizationId: input.organizationId, patientId: p.patientId, err: error });
      return null;
    }
  };
  const queue = [...patients];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const key = `${input.organizationId}:${p.patientId}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = readOne(p).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      const banner = await pending;
      if (banner) read.set(p.patientId, banner);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return read;
}
