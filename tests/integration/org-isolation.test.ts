import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedDemo } from "@/lib/demo/seed-demo";
import { auditEvents, memberships, organizations, users } from "@/db/schema";
import { resolveOrgAccess } from "@/lib/auth/resolve-org-access";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { listMembers } from "@/lib/organizations/list-members";
import { createTestDatabase } from "../setup/test-db";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, "integration-password-1");
  for (const u of await handle.db.select().from(users)) ids[u.email!] = u.id;
  for (const o of await handle.db.select().from(organizations)) ids[o.slug] = o.id;
  for (const m of await handle.db.select().from(memberships)) ids[`mem:${m.userId}`] = m.id;
});
afterAll(async () => handle?.close());

const riversideAdmin = () => ({ userId: ids["riverside.admin@healthprep.test"]!, isPlatformAdmin: false });
const platformAdmin = () => ({ userId: ids["admin@healthprep.test"]!, isPlatformAdmin: true });

describe("clinic isolation through resolveOrgAccess", () => {
  it("lets a member into their own clinic with the role's permissions", async () => {
    const access = await resolveOrgAccess(handle.db, riversideAdmin(), "riverside", "members.manage");
    expect(access.organization.slug).toBe("riverside");
    expect(access.role).toBe("org_admin");
  });

  it.each(["schedule.read", "patients.read", "members.read", "members.manage", "settings.read"] as const)(
    "denies a Riverside admin %s at Lakeside",
    async (permission) => {
      await expect(resolveOrgAccess(handle.db, riversideAdmin(), "lakeside", permission)).rejects.toMatchObject({ code: "forbidden" });
    },
  );

  it("denies staff a permission their role lacks", async () => {
    const staff = { userId: ids["riverside.staff@healthprep.test"]!, isPlatformAdmin: false };
    await expect(resolveOrgAccess(handle.db, staff, "riverside", "members.manage")).rejects.toMatchObject({ code: "forbidden" });
    await expect(resolveOrgAccess(handle.db, staff, "riverside", "schedule.read")).resolves.toMatchObject({ role: "staff" });
  });

  it("keeps a platform admin out of patient data of clinics they are not a member of", async () => {
    await expect(resolveOrgAccess(handle.db, platformAdmin(), "lakeside", "patients.read")).rejects.toMatchObject({ code: "forbidden" });
    await expect(resolveOrgAccess(handle.db, platformAdmin(), "lakeside", "settings.manage")).resolves.toMatchObject({ role: null });
  });

  it("answers not_found for an unknown clinic", async () => {
    await expect(resolveOrgAccess(handle.db, riversideAdmin(), "nowhere", "schedule.read")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("tenant queries are scoped by organization", () => {
  it("lists only the clinic's own members", async () => {
    const members = await listMembers(handle.db, { organizationId: ids.riverside as never });
    expect(members.map((m) => m.email).sort()).toEqual(["riverside.admin@healthprep.test", "riverside.staff@healthprep.test"]);
  });

  it("cannot change a Lakeside membership through Riverside, and writes no audit row", async () => {
    const lakesideMembership = ids[`mem:${ids["lakeside.admin@healthprep.test"]}`]!;
    const before = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "member.role_changed"));
    await expect(
      changeMemberRole(
        handle.db,
        { organizationId: ids.riverside as never, actorUserId: riversideAdmin().userId, membershipId: lakesideMembership, role: "staff" },
        { ip: "127.0.0.1" },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    const [row] = await handle.db.select().from(memberships).where(eq(memberships.id, lakesideMembership as never));
    expect(row!.role).toBe("org_admin");
    const after = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "member.role_changed"));
    expect(after.length).toBe(before.length);
  });

  it("changes a role in the same clinic and audits it in the same transaction", async () => {
    const staffMembership = ids[`mem:${ids["riverside.staff@healthprep.test"]}`]!;
    await changeMemberRole(
      handle.db,
      { organizationId: ids.riverside as never, actorUserId: riversideAdmin().userId, membershipId: staffMembership, role: "provider" },
      { ip: "10.0.0.1", userAgent: "vitest" },
    );
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "member.role_changed"));
    expect(event).toMatchObject({
      organizationId: ids.riverside,
      actorUserId: riversideAdmin().userId,
      targetIds: [staffMembership],
      metadata: { from: "staff", to: "provider" },
      ip: "10.0.0.1",
    });
  });
});
