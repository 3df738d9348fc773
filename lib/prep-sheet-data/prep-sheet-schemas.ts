import { z } from "zod";
import { orgSlugSchema } from "@/lib/organizations/organization-schemas";

export const prepSheetIdSchema = z.uuid();
export const prepSheetActionSchema = z.object({ orgSlug: orgSlugSchema, prepSheetId: prepSheetIdSchema });
