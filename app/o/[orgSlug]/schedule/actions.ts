"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { requestScheduleSync } from "@/lib/schedule/request-schedule-sync";
import { syncScheduleSchema } from "@/lib/schedule/schedule-schemas";

// "Sync now": pull the day's schedule from Epic again.
export const syncScheduleAction = orgAction({ permission: "schedule.read", schema: syncScheduleSchema }, async (input, ctx) => {
  const result = await requestScheduleSync(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, date: input.date, force: true });
  revalidatePath(`/o/${ctx.organization.slug}/schedule`);
  return result;
});
