import "server-only";
import type { Db } from "@/db/client";
import { findPrepSheet, isPrepSheetPurged, type PrepSheetRow } from "@/db/queries/prep-sheets";
import { getCipher } from "@/lib/crypto";
import { AppError, isAppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { prepSheetSchema, type PrepSheet } from "@/lib/prep-sheet";
import { prepSheetAad } from "./prep-sheet-aad";

export type LoadedPrepSheet = { row: Omit<PrepSheetRow, "modelEncrypted">; sheet: PrepSheet };

export const prepSheetExpiredMessage = "This prep sheet has expired under the clinic's retention policy.";

/** The retention purge removed this sheet's content (its row stays for the write-back ledger and audit trail). */
export function isPrepSheetExpiredError(error: unknown): boolean {
  return isAppError(error) && error.details?.expired === true;
}

/**
 * A stored prep sheet, decrypted, for the page, the PDF and the Epic note. Callers that show it to a
 * person record `prep_sheet.viewed` / `prep_sheet.downloaded` themselves (they know the actor).
 */
export async function loadPrepSheet(db: Db, input: { organizationId: Id<"organization">; prepSheetId: string }): Promise<LoadedPrepSheet> {
  const row = await findPrepSheet(db, input.organizationId, input.prepSheetId);
  if (!row) throw new AppError("not_found", "prep sheet not found in this clinic");
  if (isPrepSheetPurged(row)) throw new AppError("not_found", "prep sheet content purged by retention", { publicMessage: prepSheetExpiredMessage, details: { expired: true } });
  const { modelEncrypted, ...meta } = row;
  const sheet = prepSheetSchema.parse(JSON.parse(getCipher().decrypt(modelEncrypted, prepSheetAad(input.organizationId, row.id))));
  return { row: meta, sheet };
}
