import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { definePreparedQuery } from "../prepared-query";
import { ehrConnections, ehrTokens, organizations, signingKeys } from "../schema";

export type EhrConnectionRow = typeof ehrConnections.$inferSelect;
export type EhrTokenRow = typeof ehrTokens.$inferSelect;
export type SigningKeyRow = typeof signingKeys.$inferSelect;

const ehrConnectionOf = definePreparedQuery("find_ehr_connection", (db) =>
  db.select().from(ehrConnections).where(eq(ehrConnections.organizationId, sql.placeholder("organizationId"))).limit(1),
);

/** The clinic's Epic connection (every Epic read starts here, the schedule's names on every load). */
export async function findEhrConnection(db: Db, organizationId: Id<"organization">): Promise<EhrConnectionRow | null> {
  const [row] = await ehrConnectionOf(db).execute({ organizationId });
  return row ?? null;
}

/** EHR launch: which clinics registered this `iss`. Cross-tenant by design — it is the issuer allowlist. */
export async function listClinicsByFhirBase(db: Db, fhirBaseUrl: string) {
  return db
    .select({ organizationId: organizations.id, slug: organizations.slug, name: organizations.name, scopes: ehrConnections.scopes })
    .from(ehrConnections)
    .innerJoin(organizations, eq(organizations.id, ehrConnections.organizationId))
    .where(and(eq(ehrConnections.fhirBaseUrl, fhirBaseUrl), eq(organizations.status, "active")))
    .orderBy(asc(organizations.name));
}

/** Sign-in page: clinics that can be signed into with Epic (names only). */
export async function listClinicsWithEhrConnection(db: Db) {
  return db
    .select({ slug: organizations.slug, name: organizations.name })
    .from(ehrConnections)
    .innerJoin(organizations, eq(organizations.id, ehrConnections.organizationId))
    .where(eq(organizations.status, "active"))
    .orderBy(asc(organizations.name));
}

export async function upsertEhrConnection(db: Db, row: typeof ehrConnections.$inferInsert): Promise<EhrConnectionRow> {
  const { id: _id, organizationId: _org, createdAt: _c, ...changes } = row;
  const [saved] = await db
    .insert(ehrConnections)
    .values(row)
    .onConflictDoUpdate({ target: ehrConnections.organizationId, set: { ...changes, updatedAt: new Date() } })
    .returning();
  return saved!;
}

const userTokenOf = definePreparedQuery("find_user_ehr_token", (db) =>
  db
    .select()
    .from(ehrTokens)
    .where(and(eq(ehrTokens.organizationId, sql.placeholder("organizationId")), eq(ehrTokens.kind, "user"), eq(ehrTokens.userId, sql.placeholder("userId"))))
    .limit(1),
);
const backendTokenOf = definePreparedQuery("find_backend_ehr_token", (db) =>
  db
    .select()
    .from(ehrTokens)
    .where(and(eq(ehrTokens.organizationId, sql.placeholder("organizationId")), eq(ehrTokens.kind, "backend"), isNull(ehrTokens.userId)))
    .limit(1),
);

/** A user's own Epic token for the clinic, or the clinic's Backend Services token (read on every Epic call). */
export async function findEhrToken(
  db: Db,
  organizationId: Id<"organization">,
  owner: { kind: "user"; userId: string } | { kind: "backend" },
): Promise<EhrTokenRow | null> {
  const [row] = owner.kind === "user" ? await userTokenOf(db).execute({ organizationId, userId: owner.userId }) : await backendTokenOf(db).execute({ organizationId });
  return row ?? null;
}

export async function listEhrTokens(db: Db, organizationId: Id<"organization">) {
  return db
    .select({
      id: ehrTokens.id,
      kind: ehrTokens.kind,
      userId: ehrTokens.userId,
      status: ehrTokens.status,
      statusReason: ehrTokens.statusReason,
      expiresAt: ehrTokens.expiresAt,
      refreshable: sql<boolean>`${ehrTokens.refreshTokenEncrypted} is not null`,
      scope: ehrTokens.scope,
      refreshedAt: ehrTokens.refreshedAt,
    })
    .from(ehrTokens)
    .where(eq(ehrTokens.organizationId, organizationId))
    .orderBy(asc(ehrTokens.kind));
}

export async function upsertEhrToken(db: Db, row: typeof ehrTokens.$inferInsert): Promise<void> {
  const { id: _id, organizationId: _o, userId: _u, kind: _k, createdAt: _c, ...changes } = row;
  await db
    .insert(ehrTokens)
    .values(row)
    .onConflictDoUpdate({
      target: [ehrTokens.organizationId, ehrTokens.userId, ehrTokens.kind],
      set: { ...changes, updatedAt: new Date(), refreshLockId: null, refreshLockUntil: null },
    });
}

export async function updateEhrToken(
  db: Db,
  organizationId: Id<"organization">,
  id: string,
  changes: Partial<typeof ehrTokens.$inferInsert>,
): Promise<void> {
  await db
    .update(ehrTokens)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(ehrTokens.organizationId, organizationId), eq(ehrTokens.id, id as Id<"ehrToken">)));
}

/**
 * Takes the refresh lock if it is free or expired. Only one process at a time gets `true`; the
 * others wait for the holder to write the new token.
 */
export async function acquireRefreshLock(
  db: Db,
  organizationId: Id<"organization">,
  id: string,
  lockId: string,
  now: Date,
  holdMs: number,
): Promise<boolean> {
  const rows = await db
    .update(ehrTokens)
    .set({ refreshLockId: lockId, refreshLockUntil: new Date(now.getTime() + holdMs) })
    .where(
      and(
        eq(ehrTokens.organizationId, organizationId),
        eq(ehrTokens.id, id as Id<"ehrToken">),
        or(isNull(ehrTokens.refreshLockUntil), lt(ehrTokens.refreshLockUntil, now)),
      ),
    )
    .returning({ id: ehrTokens.id });
  return rows.length === 1;
}

export async function releaseRefreshLock(db: Db, organizationId: Id<"organization">, id: string, lockId: string): Promise<void> {
  await db
    .update(ehrTokens)
    .set({ refreshLockId: null, refreshLockUntil: null })
    .where(and(eq(ehrTokens.organizationId, organizationId), eq(ehrTokens.id, id as Id<"ehrToken">), eq(ehrTokens.refreshLockId, lockId)));
}

export async function listSigningKeys(db: Db): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt));
}

export async function insertSigningKey(db: Db, row: typeof signingKeys.$inferInsert): Promise<void> {
  await db.insert(signingKeys).values(row);
}

export async function retireSigningKeys(db: Db, exceptKid: string, at: Date): Promise<void> {
  await db
    .update(signingKeys)
    .set({ retiredAt: at })
    .where(and(isNull(signingKeys.retiredAt), sql`${signingKeys.kid} <> ${exceptKid}`));
}
