import type { MemberRole } from "@/db/schema/organizations";

/**
 * Deny by default: a permission not listed for a role is refused. Clinic permissions come from the
 * membership in that clinic; platform permissions from the platform-admin flag. A platform admin
 * manages clinics but does not read patient data of a clinic unless also a member of it.
 */
export const orgPermissions = [
  "schedule.read",
  "patients.read",
  "prep_sheets.read",
  "prep_sheets.generate",
  "prep_sheets.write_back",
  "documents.read",
  "screenings.review",
  "screening_types.read",
  "screening_types.manage",
  "settings.read",
  "settings.manage",
  "epic_connection.manage",
  "members.read",
  "members.manage",
  "audit.read",
  "jobs.read",
] as const;
export type OrgPermission = (typeof orgPermissions)[number];

export const platformPermissions = [
  "platform.organizations.manage",
  "platform.members.read",
  "platform.audit.read",
  "platform.jobs.read",
] as const;
export type PlatformPermission = (typeof platformPermissions)[number];
export type Permission = OrgPermission | PlatformPermission;

/**
 * What a route handler or server action may declare: a clinic or platform permission, "session.self"
 * (any signed-in user acting on their own session or account), or "public" (reachable signed out,
 * on purpose; the declaration carries a reason).
 */
export type DeclaredPermission = Permission | "session.self" | "public";

const clinical: OrgPermission[] = [
  "schedule.read",
  "patients.read",
  "prep_sheets.read",
  "prep_sheets.generate",
  "documents.read",
  "screening_types.read",
  "settings.read",
  "members.read",
];

export const rolePermissions: Record<MemberRole, ReadonlySet<OrgPermission>> = {
  org_admin: new Set(orgPermissions),
  provider: new Set<OrgPermission>([...clinical, "prep_sheets.write_back", "screenings.review"]),
  staff: new Set<OrgPermission>(clinical),
};

/** What a platform admin may do inside a clinic they are not a member of: configuration, no PHI. */
const platformAdminOrgPermissions: ReadonlySet<OrgPermission> = new Set<OrgPermission>([
  "settings.read",
  "settings.manage",
  "epic_connection.manage",
  "screening_types.read",
  "screening_types.manage",
  "members.read",
  "members.manage",
  "audit.read",
  "jobs.read",
]);

export function isPlatformPermission(permission: Permission): permission is PlatformPermission {
  return permission.startsWith("platform.");
}

export function hasPermission(
  actor: { role: MemberRole | null; isPlatformAdmin: boolean },
  permission: Permission,
): boolean {
  if (isPlatformPermission(permission)) return actor.isPlatformAdmin;
  if (actor.role && rolePermissions[actor.role].has(permission)) return true;
  return actor.isPlatformAdmin && platformAdminOrgPermissions.has(permission);
}
