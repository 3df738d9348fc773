import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { getCipher } from "@/lib/crypto";
import { defaultEpicScopes } from "@/lib/smart/epic-scopes";
import { clientSecretAad } from "@/lib/smart/load-epic-endpoints";
import { createId } from "@/lib/ids";
import type { Db } from "./client";
import { ehrConnections, memberships, organizations, users } from "./schema";

export const demoOrganizations = [
  { name: "Riverside Family Medicine", slug: "riverside", timeZone: "America/New_York" },
  { name: "Lakeside Clinic", slug: "lakeside", timeZone: "America/Chicago" },
] as const;

export const demoUsers = [
  { email: "admin@healthprep.test", name: "Pat Platform", isPlatformAdmin: true, memberOf: [] },
  { email: "riverside.admin@healthprep.test", name: "Rita Rivers", isPlatformAdmin: false, memberOf: [["riverside", "org_admin"]] },
  { email: "lakeside.admin@healthprep.test", name: "Leo Lake", isPlatformAdmin: false, memberOf: [["lakeside", "org_admin"]] },
  { email: "riverside.staff@healthprep.test", name: "Sam Staff", isPlatformAdmin: false, memberOf: [["riverside", "staff"]] },
] as const;

/**
 * Demo clinics and password users (admins who are not Epic users). Idempotent: existing rows are
 * kept, missing ones added. Synthetic people only.
 */
/** The local Epic sandbox's built-in clients (tests/epic-sandbox/sandbox-clients.ts). */
export function sandboxConnection(sandboxPort: number) {
  return {
    fhirBaseUrl: `http://127.0.0.1:${sandboxPort}/api/FHIR/R4`,
    clientId: "healthprep-confidential",
    clientSecret: "healthprep-sandbox-secret",
    backendClientId: "healthprep-backend",
  };
}

export async function seedDemo(db: Db, password: string, options: { sandboxPort?: number } = {}): Promise<{ created: number }> {
  let created = 0;
  const orgIds = new Map<string, string>();
  for (const org of demoOrganizations) {
    const [existing] = await db.select().from(organizations).where(eq(organizations.slug, org.slug));
    if (existing) {
      orgIds.set(org.slug, existing.id);
      continue;
    }
    const id = createId("organization");
    await db.insert(organizations).values({ id, ...org });
    orgIds.set(org.slug, id);
    created++;
  }
  if (options.sandboxPort) created += await seedSandboxConnections(db, orgIds, options.sandboxPort);
  let passwordHash: string | undefined; // scrypt is slow: hash only when a user is missing
  for (const u of demoUsers) {
    let [user] = await db.select().from(users).where(eq(users.email, u.email));
    if (!user) {
      [user] = await db
        .insert(users)
        .values({
          id: createId("user"),
          email: u.email,
          name: u.name,
          isPlatformAdmin: u.isPlatformAdmin,
          passwordHash: (passwordHash ??= await hashPassword(password)),
        })
        .returning();
      created++;
    }
    for (const [slug, role] of u.memberOf) {
      const organizationId = orgIds.get(slug)!;
      const inserted = await db
        .insert(memberships)
        .values({ id: createId("membership"), organizationId: organizationId as never, userId: user!.id, role })
        .onConflictDoNothing()
        .returning();
      created += inserted.length;
    }
  }
  return { created };
}

/** Both demo clinics use the local Epic sandbox, for sign-in (client secret) and Backend Services. */
async function seedSandboxConnections(db: Db, orgIds: Map<string, string>, sandboxPort: number): Promise<number> {
  const sandbox = sandboxConnection(sandboxPort);
  let created = 0;
  for (const organizationId of orgIds.values()) {
    const inserted = await db
      .insert(ehrConnections)
      .values({
        id: createId("ehrConnection"),
        organizationId: organizationId as never,
        fhirBaseUrl: sandbox.fhirBaseUrl,
        clientId: sandbox.clientId,
        clientAuthMethod: "client_secret_basic",
        clientSecretEncrypted: getCipher().encrypt(sandbox.clientSecret, clientSecretAad(organizationId)),
        scopes: defaultEpicScopes,
        environment: "non_production",
        backendClientId: sandbox.backendClientId,
      })
      .onConflictDoNothing()
      .returning();
    created += inserted.length;
  }
  return created;
}
