import { and, asc, eq, sql } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { definePreparedQuery } from "../prepared-query";
import { memberships, organizations, users, type MemberRole, type OrganizationSettings } from "../schema";

export type OrganizationRow = typeof organizations.$inferSelect;

export async function findOrganizationBySlug(db: Db, slug: string): Promise<OrganizationRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row ?? null;
}

export async function findOrganizationById(db: Db, id: string): Promise<OrganizationRow | null> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id as Id<"organization">)).limit(1);
  return row ?? null;
}

export async function listOrganizations(db: Db): Promise<OrganizationRow[]> {
  return db.select().from(organizations).orderBy(asc(organizations.name));
}

export async function insertOrganization(db: Db, row: typeof organizations.$inferInsert): Promise<OrganizationRow> {
  const [created] = await db.insert(organizations).values(row).returning();
  return created!;
}

export type MembershipWithOrganization = {
  membershipId: Id<"membership">;
  role: MemberRole;
  organization: OrganizationRow;
};

export async function findMembership(
  db: Db,
  organizationId: Id<"organization">,
  userId: string,
): Promise<{ id: Id<"membership">; role: MemberRole } | null> {
  const [row] = await db
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

const membershipsOfUser = definePreparedQuery("list_memberships_of_user", (db) =>
  db
    .select({ membershipId: memberships.id, role: memberships.role, organization: organizations })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, sql.placeholder("userId")))
    .orderBy(asc(organizations.name)),
);

/** Every request reads these (session policy, clinic access, the clinic switcher). */
export async function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipWithOrganization[]> {
  return membershipsOfUser(db).execute({ userId });
}

export async function listMembers(db: Db, organizationId: Id<"organization">) {
  return db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      userId: users.id,
      name: users.name,
      email: users.email,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name));
}

export async function findMember(db: Db, organizationId: Id<"organization">, membershipId: string) {
  const [row] = await db
    .select({ membershipId: memberships.id, role: memberships.role, userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.id, membershipId as Id<"membership">)))
    .limit(1);
  return row ?? null;
}

/** The settings of every clinic the user belongs to (session timeouts follow the strictest). */
export async function listOrganizationSettingsOfUser(db: Db, userId: string) {
  const rows = await db
    .select({ settings: organizations.settings })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId));
  return rows.map((r) => r.settings);
}

export async function deleteMembership(db: Db, organizationId: Id<"organization">, membershipId: string) {
  const [row] = await db
    .delete(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.id, membershipId as Id<"membership">)))
    .returning();
  return row ?? null;
}

export async function isOrgAdminAnywhere(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.role, "org_admin")))
    .limit(1);
  return Boolean(row);
}

export async function countOrgAdmins(db: Db, organizationId: Id<"organization">): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "org_admin")));
  return row?.n ?? 0;
}

export async function insertMembership(db: Db, row: typeof memberships.$inferInsert) {
  const [created] = await db.insert(memberships).values(row).returning();
  return created!;
}

export async function updateMembershipRole(
  db: Db,
  organizationId: Id<"organization">,
  membershipId: string,
  role: MemberRole,
) {
  const [row] = await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.id, membershipId as Id<"membership">)))
    .returning();
  return row ?? null;
}

/** Platform console: every clinic with its member count. */
export async function listOrganizationsWithMemberCounts(db: Db) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      timeZone: organizations.timeZone,
      status: organizations.status,
      createdAt: organizations.createdAt,
      // A join, not a correlated subquery: drizzle leaves columns unqualified in a one-table select,
      // so the subquery compared memberships.organization_id with memberships.id (always 0).
      members: sql<number>`count(${memberships.id})::int`,
    })
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .groupBy(organizations.id)
    .orderBy(asc(organizations.name));
}

/**
 * Replaces the given top-level keys of organizations.settings (and drops `remove`) in one statement,
 * so saving one settings section never overwrites another saved at the same time.
 */
export async function mergeOrganizationSettings(
  db: Db,
  organizationId: Id<"organization">,
  patch: OrganizationSettings,
  remove: readonly string[] = [],
) {
  let current = sql`${organizations.settings}`;
  for (const key of remove) current = sql`(${current} - ${key}::text)`;
  const [row] = await db
    .update(organizations)
    .set({ settings: sql`${current} || ${JSON.stringify(patch)}::jsonb`, updatedAt: new Date() })
    .where(eq(organizations.id, organizationId))
    .returning({ settings: organizations.settings });
  return row ?? null;
}

export async function updateOrganizationRow(
  db: Db,
  id: Id<"organization">,
  patch: Partial<Pick<OrganizationRow, "name" | "timeZone" | "status">>,
): Promise<OrganizationRow | null> {
  const [row] = await db
    .update(organizations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(organizations.id, id))
    .returning();
  return row ?? null;
}

/** Platform console: every user with their clinics and roles; `search` matches name or email. */
export async function listUsersWithMemberships(db: Db, filter: { search?: string; limit?: number } = {}) {
  const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(pattern ? sql`(${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})` : undefined)
    .orderBy(asc(users.email), asc(organizations.name))
    .limit(filter.limit ?? 2000);
  return rows;
}
