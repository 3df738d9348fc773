import "server-only";
import type { Db } from "@/db/client";
import { listScreeningResults, type ScreeningResultRow } from "@/db/queries/screenings";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import { screeningResultAad, type ScreeningResultDetails } from "./screen-patient";

export type PatientScreening = Omit<ScreeningResultRow, "detailsEncrypted"> & ScreeningResultDetails;

/** A patient's stored results with reasons and evidence decrypted, for the prep sheet and the UI. */
export async function listPatientScreenings(db: Db, input: { organizationId: Id<"organization">; patientId: Id<"patient"> }): Promise<PatientScreening[]> {
  const cipher = getCipher();
  const rows = await listScreeningResults(db, input.organizationId, input.patientId);
  return rows.map(({ detailsEncrypted, ...row }) => ({
    ...row,
    ...(JSON.parse(cipher.decrypt(detailsEncrypted, screeningResultAad(input.organizationId, row.id))) as ScreeningResultDetails),
  }));
}
