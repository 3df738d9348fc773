"use server";
import { revalidatePath } from "next/cache";
import { retryJobRunSchema } from "@/lib/admin/admin-schemas";
import { retryJobRun } from "@/lib/admin/retry-job-run";
import { platformAction } from "@/lib/http/org-action";

// Re-send a failed run's event.
export const retryJobRunAction = platformAction(
  { permission: "platform.jobs.read", schema: retryJobRunSchema },
  async (input, ctx) => {
    const result = await retryJobRun(ctx.db, input, { actorUserId: ctx.user.userId, organizationId: null, ...ctx.meta });
    revalidatePath("/admin/jobs");
    return result;
  },
);
