import "server-only";
import type { Db } from "@/db/client";
import { listPrepSheetsOfPatient } from "@/db/queries/prep-sheets";
import type { PrepSheetStatus } from "@/db/schema";
import type { Id } from "@/lib/ids";

export type PrepSheetVersion = {
  id: string;
  appointmentId: Id<"appointment">;
  version: number;
  status: PrepSheetStatus;
  asOf: string;
  generatedAt: string;
};

/**
 * Stored prep sheets of a patient (optionally one appointment), newest first: ids, versions and
 * statuses only, never the encrypted model. Tenant-scoped.
 */
export async function listPrepSheetVersions(
  db: Db,
  input: { organizationId: Id<"organization">; patientId: Id<"patient">; appointmentId?: Id<"appointment"> },
): Promise<PrepSheetVersion[]> {
  const rows = await listPrepSheetsOfPatient(db, input.organizationId, input.patientId, input.appointmentId);
  return rows.map((row) => ({ ...row, generatedAt: row.generatedAt.toISOString() }));
}
