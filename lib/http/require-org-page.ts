import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { OrgPermission } from "@/lib/auth/permissions";
import { resolveOrgAccess } from "@/lib/auth/resolve-org-access";
import { getMembershipsOfUser } from "@/lib/auth/get-memberships-of-user";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

// The layout and the page both ask; within one request the answer (or the refusal) is read once.
const resolveOrgAccessOnce = cache(resolveOrgAccess);

/**
 * For server components: the same checks as the route wrapper. A clinic the user may not see is a
 * 404, so pages do not reveal which other clinics exist.
 */
export async function requireOrgPage(orgSlug: string, permission: OrgPermission) {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${orgSlug}/schedule`)}`);
  const db = await getDb();
  try {
    const memberships = await getMembershipsOfUser(db, user.userId);
    return { ...(await resolveOrgAccessOnce(db, user, orgSlug, permission, memberships)), user, db };
  } catch (error) {
    if (isAppError(error) && (error.code === "forbidden" || error.code === "not_found")) notFound();
    throw error;
  }
}

export async function requirePlatformPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fadmin");
  if (!user.isPlatformAdmin) notFound();
  return { user, db: await getDb() };
}

export async function requireSignedInPage(callbackUrl = "/") {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return { user, db: await getDb() };
}
