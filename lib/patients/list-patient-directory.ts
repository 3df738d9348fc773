import "server-only";
import type { Db } from "@/db/client";
import { listPatientDirectoryPage, type PatientDirectoryRow } from "@/db/queries/patients";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { localDate } from "@/lib/dates/local-date";
import type { Id } from "@/lib/ids";
import { loadPatientNames } from "@/lib/schedule/load-patient-names";
import { startOfLocalDay } from "@/lib/sync/clinic-day-range";
import { matchesNameQuery } from "./matches-name-query";
import type { PatientBanner } from "./read-patient-banner";

export const patientDirectoryPageSize = 25;
/** How many patients (soonest visit first) a name search reads names for. */
export const patientSearchLimit = 500;

export type PatientDirectory = {
  rows: Array<PatientDirectoryRow & { banner: PatientBanner | null }>;
  total: number;
  page: number;
  pageCount: number;
  /** A search looked only at the first `patientSearchLimit` patients. */
  searchCapped: boolean;
};

/**
 * The Patients page: linked patients, soonest visit first, a page at a time, with names read from
 * Epic through the schedule's banner cache (patients on today's schedule cost no Epic read) and
 * audited as `patients.listed`. Names live only in Epic, and Epic's Patient search needs a birth
 * date or an identifier with a name, so a search reads the names of the linked patients and matches
 * every word of the query (or a birth date) here.
 */
export async function listPatientDirectory(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; timeZone: string; query?: string; page: number; now?: Date },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<PatientDirectory> {
  const now = input.now ?? new Date();
  const today = localDate(input.timeZone, now);
  const dayStart = startOfLocalDay(input.timeZone, today);
  const page = Math.max(1, input.page);
  const offset = (page - 1) * patientDirectoryPageSize;
  const namesOf = (patients: PatientDirectoryRow[]) =>
    loadPatientNames(db, { organizationId: input.organizationId, userId: input.userId, patients, date: today, timeZone: input.timeZone, now, auditAction: "patients.listed" }, audit);

  if (input.query) {
    const query = input.query;
    const candidates = await listPatientDirectoryPage(db, input.organizationId, { dayStart, limit: patientSearchLimit, offset: 0 });
    const names = await namesOf(candidates.rows);
    const matches = candidates.rows
      .map((r) => ({ ...r, banner: names.get(r.patientId) ?? null }))
      .filter((r) => r.banner && (matchesNameQuery(r.banner.name, query) || r.banner.birthDate === query.trim()));
    return {
      rows: matches.slice(offset, offset + patientDirectoryPageSize),
      total: matches.length,
      page,
      pageCount: Math.ceil(matches.length / patientDirectoryPageSize),
      searchCapped: candidates.total > patientSearchLimit,
    };
  }
  const { rows, total } = await listPatientDirectoryPage(db, input.organizationId, { dayStart, limit: patientDirectoryPageSize, offset });
  const names = await namesOf(rows);
  return {
    rows: rows.map((r) => ({ ...r, banner: names.get(r.patientId) ?? null })),
    total,
    page,
    pageCount: Math.ceil(total / patientDirectoryPageSize),
    searchCapped: false,
  };
}
