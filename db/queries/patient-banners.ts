import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { patientBanners } from "../schema";

export type PatientBannerRow = typeof patientBanners.$inferSelect;

/** Cached banners of these patients that have not expired at `now`; expired rows are never returned. */
export async function listValidPatientBanners(db: Db, organizationId: Id<"organization">, patientIds: string[], now: Date): Promise<PatientBannerRow[]> {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(patientBanners)
    .where(and(eq(patientBanners.organizationId, organizationId), inArray(patientBanners.patientId, patientIds as Id<"patient">[]), gt(patientBanners.expiresAt, now)));
}

export async function upsertPatientBanners(db: Db, rows: PatientBannerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(patientBanners)
    .values(rows)
    .onConflictDoUpdate({
      target: [patientBanners.organizationId, patientBanners.patientId],
      set: { bannerEncrypted: sql`excluded.banner_encrypted`, expiresAt: sql`excluded.expires_at` },
    });
}

/** Drops every banner whose visit day has ended (all clinics); returns how many. */
export async function deleteExpiredPatientBanners(db: Db, now: Date): Promise<number> {
  const deleted = await db.delete(patientBanners).where(lte(patientBanners.expiresAt, now)).returning({ patientId: patientBanners.patientId });
  return deleted.length;
}
