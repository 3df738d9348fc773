"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { prepareScheduleDay } from "@/lib/schedule/prepare-schedule-day";
import { regenerateAppointmentPrepSheet } from "@/lib/schedule/regenerate-appointment-prep-sheet";
import { requestScheduleSync } from "@/lib/schedule/request-schedule-sync";
import { resolveScheduleScope } from "@/lib/schedule/resolve-schedule-scope";
import { prepareAllSchema, regenerateAppointmentSchema, syncScheduleSchema } from "@/lib/schedule/schedule-schemas";

// "Sync now": pull the day's schedule from Epic again.
export const syncScheduleAction = orgAction({ permission: "schedule.read", schema: syncScheduleSchema }, async (input, ctx) => {
  const result = await requestScheduleSync(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, date: input.date, force: true });
  revalidatePath(`/o/${ctx.organization.slug}/schedule`);
  return result;
});

// "Prepare all": queue a prep sheet for every appointment in view (my patients or the clinic's).
export const prepareAllAction = orgAction({ permission: "prep_sheets.generate", schema: prepareAllSchema }, async (input, ctx) => {
  const scope = await resolveScheduleScope(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, role: ctx.role, who: input.who });
  const result = await prepareScheduleDay(ctx.db, {
    organizationId: ctx.organization.id,
    timeZone: ctx.organization.timeZone,
    userId: ctx.actor.userId,
    date: input.date,
    practitionerId: scope.practitionerId,
  });
  revalidatePath(`/o/${ctx.organization.slug}/schedule`);
  return result;
});

// "Regenerate" on one row: pull the patient again and rebuild that appointment's sheet.
export const regeneratePrepSheetAction = orgAction({ permission: "prep_sheets.generate", schema: regenerateAppointmentSchema }, async (input, ctx) => {
  const result = await regenerateAppointmentPrepSheet(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, appointmentId: input.appointmentId });
  revalidatePath(`/o/${ctx.organization.slug}/schedule`);
  return result;
});
