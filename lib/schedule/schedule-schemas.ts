import { z } from "zod";
import { orgSlugSchema } from "@/lib/organizations/organization-schemas";

export const scheduleDateSchema = z.iso.date("date must be YYYY-MM-DD");
export const scheduleQuerySchema = z.object({ date: scheduleDateSchema });
export const syncScheduleSchema = z.object({ orgSlug: orgSlugSchema, date: scheduleDateSchema });
