import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { OrgPermission } from "@/lib/auth/permissions";
import { resolveOrgAccess } from "@/lib/auth/resolve-org-access";
import { getSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

/**
 * For server components: the same checks as the route wrapper. A clinic the user may not see is a
 * 404, so pages do not reveal which other clinics exist.
 */
export async function requireOrgPage(orgSlug: string, permission: OrgPermission) {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/o/${orgSlug}/schedule`)}`);
  const db = await getDb();
  try {
    return { ...(await resolveOrgAccess(db, user, orgSlug, permission)), user, db };
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
