"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { prepareScheduleDay } from "@/lib/schedule/prepare-schedule-day";
import { requestScheduleSync } from "@/lib/schedule/request-schedule-sync";
import { syncScheduleSchema } from "@/lib/schedule/schedule-schemas";

// "Sync now": pull the day's schedule from Epic again.
export const syncScheduleAction = orgAction({ permission: "schedule.read", schema: syncScheduleSchema }, async (input, ctx) => {
  const result = await requestScheduleSync(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, date: input.date, force: true });
  revalidatePath(`/o/${ctx.organization.slug}/schedule`);
  return result;
});

// "Prepare all": queue a prep sheet for every appointment of the day.
export const prepareAllAction = orgAction({ permission: "prep_sheets.generate", schema: syncScheduleSchema }, async (input, ctx) => {
  const result = await prepareScheduleDay(ctx.db, { organizationId: ctx.organization.id, timeZone: ctx.organization.timeZone, userId: ctx.actor.userId, date: input.date });
  revalidatePath(`/o/${ctx.organization.slug}/schedule`);
  return result;
});
