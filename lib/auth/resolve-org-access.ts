import "server-only";
import type { Db } from "@/db/client";
import { findMembership, findOrganizationBySlug, type OrganizationRow } from "@/db/queries/organizations";
import type { MemberRole } from "@/db/schema/organizations";
import { AppError } from "@/lib/errors";
import { hasPermission, type OrgPermission } from "./permissions";

export type OrgAccess = {
  organization: Pick<OrganizationRow, "id" | "name" | "slug" | "timeZone" | "status" | "settings">;
  role: MemberRole | null;
  actor: { userId: string; isPlatformAdmin: boolean };
};

/**
 * session → organization → membership → permission. Every org-scoped route, action and page goes
 * through here; what it returns is the only source of `organizationId` for the use-case.
 */
export async function resolveOrgAccess(
  db: Db,
  actor: { userId: string; isPlatformAdmin: boolean },
  orgSlug: string,
  permission: OrgPermission,
  /** The actor's memberships when this request already read them: a member's clinic needs no more queries. */
  known?: ReadonlyArray<{ role: MemberRole; organization: OrganizationRow }>,
): Promise<OrgAccess> {
  const mine = known?.find((m) => m.organization.slug === orgSlug);
  const organization = mine?.organization ?? (await findOrganizationBySlug(db, orgSlug));
  if (!organization) throw new AppError("not_found", "organization not found");
  const role = mine ? mine.role : ((await findMembership(db, organization.id, actor.userId))?.role ?? null);
  if (!role && !actor.isPlatformAdmin) throw new AppError("forbidden", "not a member of this organization");
  if (organization.status === "suspended" && !actor.isPlatformAdmin) {
    throw new AppError("forbidden", "organization suspended", { publicMessage: "This clinic is suspended." });
  }
  if (!hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, permission)) {
    throw new AppError("forbidden", `missing permission ${permission}`);
  }
  const { id, name, slug, timeZone, status, settings } = organization;
  return { organization: { id, name, slug, timeZone, status, settings }, role, actor };
}
