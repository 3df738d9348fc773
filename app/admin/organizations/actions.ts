"use server";
import { revalidatePath } from "next/cache";
import { updateOrganizationSchema, setOrganizationStatusSchema } from "@/lib/admin/admin-schemas";
import { platformAction } from "@/lib/http/org-action";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createOrganizationSchema } from "@/lib/organizations/organization-schemas";
import { setOrganizationStatus } from "@/lib/organizations/set-organization-status";
import { updateOrganization } from "@/lib/organizations/update-organization";

// Create a clinic (platform admins only).
export const createOrganizationAction = platformAction(
  { permission: "platform.organizations.manage", schema: createOrganizationSchema },
  async (input, ctx) => {
    const organization = await createOrganization(ctx.db, input, { actorUserId: ctx.user.userId, organizationId: null, ...ctx.meta });
    revalidatePath("/admin/organizations");
    return { slug: organization.slug, id: organization.id };
  },
);

// Rename a clinic or change its time zone.
export const updateOrganizationAction = platformAction(
  { permission: "platform.organizations.manage", schema: updateOrganizationSchema },
  async (input, ctx) => {
    const organization = await updateOrganization(ctx.db, { ...input, organizationId: input.organizationId as never }, { actorUserId: ctx.user.userId, organizationId: null, ...ctx.meta });
    revalidatePath("/admin/organizations", "layout");
    return { name: organization.name, timeZone: organization.timeZone };
  },
);

// Suspend or reactivate a clinic.
export const setOrganizationStatusAction = platformAction(
  { permission: "platform.organizations.manage", schema: setOrganizationStatusSchema },
  async (input, ctx) => {
    const organization = await setOrganizationStatus(ctx.db, { ...input, organizationId: input.organizationId as never }, { actorUserId: ctx.user.userId, organizationId: null, ...ctx.meta });
    revalidatePath("/admin/organizations", "layout");
    return { status: organization.status };
  },
);
