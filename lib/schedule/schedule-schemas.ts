import { z } from "zod";
import { orgSlugSchema } from "@/lib/organizations/organization-schemas";

export const scheduleDateSchema = z.iso.date();
export const scheduleWhoSchema = z.enum(["me", "clinic"]);
export const scheduleQuerySchema = z.object({ date: scheduleDateSchema, who: scheduleWhoSchema.optional() });
export const syncScheduleSchema = z.object({ orgSlug: orgSlugSchema, date: scheduleDateSchema });
export const prepareAllSchema = syncScheduleSchema.extend({ who: scheduleWhoSchema.optional() });
export const regenerateAppointmentSchema = z.object({ orgSlug: orgSlugSchema, appointmentId: z.string().regex(/^apt_[0-9A-Z]{26}$/, "is not an appointment") });
