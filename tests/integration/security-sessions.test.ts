import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { seedDemo } from "@/lib/demo/seed-demo";
import { auditEvents, memberships, organizations, userSessions, users } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { startUserSession } from "@/lib/auth/start-user-session";
import { removeMember } from "@/lib/organizations/remove-member";
import { createTestDatabase } from "../setup/test-db";

const token = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sessionId: string } }));
vi.mock("@/lib/auth", () => ({ auth: async () => token.current }));

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const ids: Record<string, string> = {};
const meta = { ip: "10.0.0.9", userAgent: "vitest", origin: null, host: null };
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, "sessions-password-1");
  for (const u of await handle.db.select().from(users)) ids[u.email!] = u.id;
  for (const o of await handle.db.select().from(organizations)) ids[o.slug] = o.id;
  for (const m of await handle.db.select().from(memberships)) ids[`mem:${m.userId}`] = m.id;
}, 180_000);
afterAll(async () => handle?.close());
beforeEach(async () => {
  await handle.db.update(organizations).set({ settings: {} });
});

async function openSession(email: string, at: { createdMinutesAgo: number; idleMinutes: number }) {
  const userId = ids[email]!;
  const session = await startUserSession(handle.db, { userId, method: "password", meta, now: minutesAgo(at.createdMinutesAgo) });
  await handle.db.update(userSessions).set({ lastSeenAt: minutesAgo(at.idleMinutes) }).where(eq(userSessions.id, session.id));
  token.current = { user: { id: userId }, sessionId: session.id };
  return session.id;
}
const reasonOf = async (id: string) => (await handle.db.select().from(userSessions).where(eq(userSessions.id, id)))[0]!.revokedReason;
const setSettings = (slug: string, settings: Record<string, number>) =>
  handle.db.update(organizations).set({ settings }).where(eq(organizations.slug, slug));

describe("session timeouts from the clinic's settings", () => {
  it("defaults to 30 minutes idle", async () => {
    await openSession("riverside.staff@healthprep.test", { createdMinutesAgo: 60, idleMinutes: 29 });
    expect(await getSessionUser()).toMatchObject({ email: "riverside.staff@healthprep.test" });
    const id = await openSession("riverside.staff@healthprep.test", { createdMinutesAgo: 60, idleMinutes: 31 });
    expect(await getSessionUser()).toBeNull();
    expect(await reasonOf(id)).toBe("idle_timeout");
  });

  it("uses the clinic's sessionIdleMinutes", async () => {
    await setSettings("riverside", { sessionIdleMinutes: 10 });
    const id = await openSession("riverside.staff@healthprep.test", { createdMinutesAgo: 20, idleMinutes: 11 });
    expect(await getSessionUser()).toBeNull();
    expect(await reasonOf(id)).toBe("idle_timeout");
    await setSettings("riverside", { sessionIdleMinutes: 60 });
    await openSession("riverside.staff@healthprep.test", { createdMinutesAgo: 50, idleMinutes: 45 });
    expect(await getSessionUser()).not.toBeNull();
  });

  it("uses the clinic's sessionAbsoluteHours, and sets expiresAt from it at sign-in", async () => {
    await setSettings("riverside", { sessionAbsoluteHours: 2 });
    const id = await openSession("riverside.staff@healthprep.test", { createdMinutesAgo: 121, idleMinutes: 1 });
    const [row] = await handle.db.select().from(userSessions).where(eq(userSessions.id, id));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(2 * 3_600_000);
    expect(await getSessionUser()).toBeNull();
    expect(await reasonOf(id)).toBe("absolute_timeout");
  });

  it("defaults to a 12 hour absolute limit even for an active session", async () => {
    const id = await openSession("lakeside.admin@healthprep.test", { createdMinutesAgo: 12 * 60 + 1, idleMinutes: 1 });
    expect(await getSessionUser()).toBeNull();
    expect(await reasonOf(id)).toBe("absolute_timeout");
  });

  it("does not let one clinic's setting shorten another clinic's members' sessions", async () => {
    await setSettings("riverside", { sessionIdleMinutes: 5 });
    await openSession("lakeside.admin@healthprep.test", { createdMinutesAgo: 20, idleMinutes: 20 });
    expect(await getSessionUser()).not.toBeNull();
  });
});

describe("sign out everywhere", () => {
  it("revokes every session of the user and only theirs, audited", async () => {
    const a = await openSession("riverside.admin@healthprep.test", { createdMinutesAgo: 5, idleMinutes: 0 });
    const b = await openSession("riverside.admin@healthprep.test", { createdMinutesAgo: 3, idleMinutes: 0 });
    const other = await openSession("lakeside.admin@healthprep.test", { createdMinutesAgo: 3, idleMinutes: 0 });
    await signOutEverywhere(handle.db, { userId: ids["riverside.admin@healthprep.test"]!, sessionId: b, meta });
    expect(await reasonOf(a)).toBe("signed_out_everywhere");
    expect(await reasonOf(b)).toBe("signed_out_everywhere");
    expect(await reasonOf(other)).toBeNull();
    token.current = { user: { id: ids["riverside.admin@healthprep.test"]! }, sessionId: a };
    expect(await getSessionUser()).toBeNull();
    const audit = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.signed_out"));
    expect(audit.at(-1)).toMatchObject({ actorUserId: ids["riverside.admin@healthprep.test"], metadata: { scope: "all_sessions" } });
  });
});

describe("removing a member", () => {
  it("deletes the membership, ends the person's sessions and audits member.removed", async () => {
    const staffId = ids["riverside.staff@healthprep.test"]!;
    const session = await openSession("riverside.staff@healthprep.test", { createdMinutesAgo: 1, idleMinutes: 0 });
    const result = await removeMember(
      handle.db,
      { organizationId: ids.riverside as never, actorUserId: ids["riverside.admin@healthprep.test"]!, membershipId: ids[`mem:${staffId}`]! },
      meta,
    );
    expect(result).toMatchObject({ removed: true });
    expect(await handle.db.select().from(memberships).where(eq(memberships.userId, staffId))).toEqual([]);
    expect(await reasonOf(session)).toBe("membership_removed");
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "member.removed"));
    expect(event).toMatchObject({ organizationId: ids.riverside, targetIds: [ids[`mem:${staffId}`]], metadata: { role: "staff", userId: staffId } });
  });

  it("refuses another clinic's membership, the actor themself and the last admin", async () => {
    const riverside = ids.riverside as never;
    const actor = ids["riverside.admin@healthprep.test"]!;
    const lakesideMembership = ids[`mem:${ids["lakeside.admin@healthprep.test"]}`]!;
    await expect(removeMember(handle.db, { organizationId: riverside, actorUserId: actor, membershipId: lakesideMembership }, meta)).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember(handle.db, { organizationId: riverside, actorUserId: actor, membershipId: ids[`mem:${actor}`]! }, meta)).rejects.toMatchObject({ code: "conflict" });
    // A platform admin removing the only clinic admin is refused too.
    await expect(
      removeMember(handle.db, { organizationId: riverside, actorUserId: ids["admin@healthprep.test"]!, membershipId: ids[`mem:${actor}`]! }, meta),
    ).rejects.toMatchObject({ code: "conflict" });
    const still = await handle.db.select().from(memberships).where(and(eq(memberships.organizationId, ids.lakeside as never)));
    expect(still.length).toBe(1);
  });
});
