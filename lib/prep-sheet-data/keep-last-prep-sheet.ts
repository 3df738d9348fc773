import "server-only";
import type { Db } from "@/db/client";
import { setAppointmentPrepStatus } from "@/db/queries/appointments";
import { findLatestPrepSheetForAppointment } from "@/db/queries/prep-sheets";
import type { PrepSheetStatus } from "@/db/schema";
import type { Id } from "@/lib/ids";

/**
 * When refreshing a visit's prep sheet failed: the newest stored sheet stays the visit's sheet, with
 * its own status (the page marks it "not refreshed since …"), so a good sheet is never lost to a bad
 * Epic day and can still be sent. Null when the visit never had a sheet (then it is "failed").
 */
export async function keepLastPrepSheet(
  db: Db,
  input: { organizationId: Id<"organization">; appointmentId: Id<"appointment"> },
): Promise<{ prepSheetId: string; status: PrepSheetStatus } | null> {
  const latest = await findLatestPrepSheetForAppointment(db, input.organizationId, input.appointmentId);
  await setAppointmentPrepStatus(db, input.organizationId, input.appointmentId, latest ? latest.status : "failed");
  return latest ? { prepSheetId: latest.id, status: latest.status } : null;
}
