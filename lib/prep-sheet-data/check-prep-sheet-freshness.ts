import "server-only";
import type { Db } from "@/db/client";
import { findLatestPrepSheetForAppointment, type PrepSheetRow } from "@/db/queries/prep-sheets";
import type { Id } from "@/lib/ids";
import { decidePrepSheetFreshness, type PrepSheetFreshness } from "@/lib/prep-sheet/decide-prep-sheet-freshness";
import { readPrepSheetInputsFingerprint } from "./read-prep-sheet-inputs-fingerprint";

/** Whether a stored sheet is the newest for its visit and still built from today's inputs. */
export async function checkPrepSheetFreshness(
  db: Db,
  input: { organizationId: Id<"organization">; row: Pick<PrepSheetRow, "id" | "version" | "appointmentId" | "patientId" | "inputsFingerprint"> },
): Promise<PrepSheetFreshness> {
  const { organizationId, row } = input;
  const latest = (await findLatestPrepSheetForAppointment(db, organizationId, row.appointmentId)) ?? row;
  const isLatest = latest.id === row.id || latest.version <= row.version;
  const current = isLatest && row.inputsFingerprint ? await readPrepSheetInputsFingerprint(db, { organizationId, patientId: row.patientId }) : null;
  return decidePrepSheetFreshness({ sheet: row, latest, current });
}
