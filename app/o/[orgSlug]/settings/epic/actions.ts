"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { configureEhrConnection } from "@/lib/smart/configure-ehr-connection";
import { disconnectEpic } from "@/lib/smart/disconnect-epic";
import { configureEhrConnectionSchema, orgOnlySchema } from "@/lib/smart/ehr-connection-schemas";
import { testEhrConnection } from "@/lib/smart/test-ehr-connection";

// Save the clinic's Epic app registration.
export const configureEhrConnectionAction = orgAction(
  { permission: "epic_connection.manage", schema: configureEhrConnectionSchema },
  async ({ orgSlug: _slug, ...input }, ctx) => {
    const result = await configureEhrConnection(ctx.db, ctx.organization.id, input, { actorUserId: ctx.actor.userId, organizationId: null, ...ctx.meta });
    revalidatePath(`/o/${ctx.organization.slug}/settings/epic`);
    return result;
  },
);

// Run SMART discovery and read the CapabilityStatement.
export const testEhrConnectionAction = orgAction(
  { permission: "epic_connection.manage", schema: orgOnlySchema },
  async (_input, ctx) => testEhrConnection(ctx.db, ctx.organization.id, { actorUserId: ctx.actor.userId, organizationId: null, ...ctx.meta }),
);

// Forget my own Epic tokens for this clinic.
export const disconnectEpicAction = orgAction({ permission: "schedule.read", schema: orgOnlySchema }, async (_input, ctx) => {
  await disconnectEpic(ctx.db, ctx.organization.id, ctx.actor.userId, { actorUserId: ctx.actor.userId, organizationId: null, ...ctx.meta });
  revalidatePath(`/o/${ctx.organization.slug}/settings/epic`);
  return { disconnected: true };
});
