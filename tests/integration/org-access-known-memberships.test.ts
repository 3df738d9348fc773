import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { seedDemo } from "@/lib/demo/seed-demo";
import { listMembershipsOfUser } from "@/db/queries/organizations";
import { organizations, users } from "@/db/schema";
import type { OrgPermission } from "@/lib/auth/permissions";
import { resolveOrgAccess } from "@/lib/auth/resolve-org-access";
import { createTestDatabase } from "../setup/test-db";

/**
 * Pages pass the memberships the session check already read (requireOrgPage), so a member's clinic
 * costs no further queries. The answer must be the one resolveOrgAccess gives from the database.
 */
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, "known-memberships-password-1");
  for (const u of await handle.db.select().from(users)) ids[u.email!] = u.id;
}, 180_000);
afterAll(async () => handle?.close());

const outcome = (promise: Promise<{ organization: { slug: string }; role: string | null }>) =>
  promise.then((a) => ({ slug: a.organization.slug, role: a.role }), (e: { code?: string }) => ({ error: e.code }));

const actors = [
  { email: "riverside.admin@healthprep.test", isPlatformAdmin: false },
  { email: "riverside.staff@healthprep.test", isPlatformAdmin: false },
  { email: "lakeside.admin@healthprep.test", isPlatformAdmin: false },
  { email: "admin@healthprep.test", isPlatformAdmin: true },
];
const permissions: OrgPermission[] = ["schedule.read", "members.manage", "settings.read", "settings.manage"];

describe("resolveOrgAccess with the actor's memberships already read", () => {
  it.each([false, true])("decides every clinic, role and permission as the database does (Riverside suspended: %s)", async (suspended) => {
    await handle.db.update(organizations).set({ status: suspended ? "suspended" : "active" }).where(eq(organizations.slug, "riverside"));
    let decisions = 0;
    for (const a of actors) {
      const actor = { userId: ids[a.email]!, isPlatformAdmin: a.isPlatformAdmin };
      const known = await listMembershipsOfUser(handle.db, actor.userId);
      for (const slug of ["riverside", "lakeside", "nowhere"]) {
        for (const permission of permissions) {
          const expected = await outcome(resolveOrgAccess(handle.db, actor, slug, permission));
          expect(await outcome(resolveOrgAccess(handle.db, actor, slug, permission, known)), `${a.email} ${slug} ${permission}`).toEqual(expected);
          decisions++;
        }
      }
    }
    expect(decisions).toBe(actors.length * 3 * permissions.length);
    await handle.db.update(organizations).set({ status: "active" }).where(eq(organizations.slug, "riverside"));
  });

  it("still refuses a suspended clinic to its own member when the clinic comes from the known list", async () => {
    await handle.db.update(organizations).set({ status: "suspended" }).where(eq(organizations.slug, "riverside"));
    const actor = { userId: ids["riverside.admin@healthprep.test"]!, isPlatformAdmin: false };
    const known = await listMembershipsOfUser(handle.db, actor.userId);
    expect(known.map((m) => m.organization.slug)).toContain("riverside");
    await expect(resolveOrgAccess(handle.db, actor, "riverside", "settings.read", known)).rejects.toMatchObject({ code: "forbidden" });
    await handle.db.update(organizations).set({ status: "active" }).where(eq(organizations.slug, "riverside"));
  });
});
