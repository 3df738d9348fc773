import { z } from "zod";
import { orgSlugSchema } from "@/lib/organizations/organization-schemas";

export const prepSheetIdSchema = z.uuid();
export const prepSheetActionSchema = z.object({ orgSlug: orgSlugSchema, prepSheetId: prepSheetIdSchema });
/** "Send to Epic"; `confirmOutdated` ("true" from a form) sends a stale or superseded version anyway. */
export const sendPrepSheetSchema = prepSheetActionSchema.extend({
  confirmOutdated: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional().default(false),
});
