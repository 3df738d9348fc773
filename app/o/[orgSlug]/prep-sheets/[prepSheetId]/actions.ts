"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { sendPrepSheetSchema } from "@/lib/prep-sheet-data/prep-sheet-schemas";
import { sendPrepSheetIfCurrent } from "@/lib/prep-sheet-data/send-prep-sheet-if-current";

// "Send to Epic": write the sheet as a Clinical Note through the write-back ledger; an outdated sheet
// comes back with its reasons unless the person confirmed sending it anyway.
export const sendToEpicAction = orgAction({ permission: "prep_sheets.write_back", schema: sendPrepSheetSchema }, async (input, ctx) => {
  const result = await sendPrepSheetIfCurrent(
    ctx.db,
    { organizationId: ctx.organization.id, userId: ctx.actor.userId, prepSheetId: input.prepSheetId, confirmOutdated: input.confirmOutdated },
    { ip: ctx.meta.ip, userAgent: ctx.meta.userAgent },
  );
  revalidatePath(`/o/${ctx.organization.slug}/prep-sheets/${input.prepSheetId}`);
  if (result.outcome === "outdated") return { outcome: result.outcome, reason: null, reasons: result.reasons, newerVersionId: result.supersededBy?.id ?? null };
  return { outcome: result.outcome, reason: result.outcome === "skipped" ? result.reason : null, reasons: [], newerVersionId: null };
});
