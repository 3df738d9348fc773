import { z } from "zod";
import { memberRoles } from "@/db/schema/organizations";

export const orgSlugSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "use lowercase letters, digits and single hyphens");

export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}, "must be an IANA time zone such as America/New_York");

export const memberRoleSchema = z.enum(memberRoles);

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(2).max(120),
  slug: orgSlugSchema,
  timeZone: timeZoneSchema,
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export const changeMemberRoleSchema = z.object({
  orgSlug: orgSlugSchema,
  membershipId: z.string().regex(/^mem_[0-9A-HJKMNP-TV-Z]{26}$/, "not a membership id"),
  role: memberRoleSchema,
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = changeMemberRoleSchema.pick({ orgSlug: true, membershipId: true });
