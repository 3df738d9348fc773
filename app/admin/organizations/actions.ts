"use server";
import { revalidatePath } from "next/cache";
import { platformAction } from "@/lib/http/org-action";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createOrganizationSchema } from "@/lib/organizations/organization-schemas";

// Create a clinic (platform admins only).
export const createOrganizationAction = platformAction(
  { permission: "platform.organizations.manage", schema: createOrganizationSchema },
  async (input, ctx) => {
    const organization = await createOrganization(ctx.db, input, { actorUserId: ctx.user.userId, organizationId: null, ...ctx.meta });
    revalidatePath("/admin/organizations");
    return { slug: organization.slug };
  },
);
