import "server-only";
import type { Db } from "@/db/client";
import { listMembershipsOfUser, listOrganizations } from "@/db/queries/organizations";

/** Clinics the user can open: their memberships, or every clinic for a platform admin. */
export async function listMyOrganizations(db: Db, user: { userId: string; isPlatformAdmin: boolean }) {
  const memberships = await listMembershipsOfUser(db, user.userId);
  const mine = memberships.map((m) => ({ slug: m.organization.slug, name: m.organization.name, role: m.role as string | null }));
  if (!user.isPlatformAdmin) return mine;
  const all = await listOrganizations(db);
  const known = new Set(mine.map((m) => m.slug));
  return [...mine, ...all.filter((o) => !known.has(o.slug)).map((o) => ({ slug: o.slug, name: o.name, role: null }))];
}
