"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { prepSheetActionSchema } from "@/lib/prep-sheet-data/prep-sheet-schemas";
import { sendPrepSheetToEhr } from "@/lib/writeback/send-prep-sheet-to-ehr";

// "Send to Epic": write the sheet as a Clinical Note through the write-back ledger.
export const sendToEpicAction = orgAction({ permission: "prep_sheets.write_back", schema: prepSheetActionSchema }, async (input, ctx) => {
  const result = await sendPrepSheetToEhr(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, prepSheetId: input.prepSheetId });
  revalidatePath(`/o/${ctx.organization.slug}/prep-sheets/${input.prepSheetId}`);
  return result.outcome === "skipped" ? { outcome: result.outcome, reason: result.reason } : { outcome: result.outcome, reason: null };
});
