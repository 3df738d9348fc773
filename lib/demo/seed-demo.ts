import { and, eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { totpSecretAad } from "@/lib/auth/two-factor";
import { env } from "@/lib/env";
import { getCipher } from "@/lib/crypto";
import { defaultEpicScopes } from "@/lib/smart/epic-scopes";
import { clientSecretAad } from "@/lib/smart/load-epic-endpoints";
import { createId, type Id } from "@/lib/ids";
import { uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { applyPreset, previewPreset } from "@/lib/screening-data/apply-preset";
import type { Db } from "@/db/client";
import { accounts, ehrConnections, memberships, organizations, users } from "@/db/schema";

export const demoOrganizations = [
  { name: "Riverside Family Medicine", slug: "riverside", timeZone: "America/New_York" },
  { name: "Lakeside Clinic", slug: "lakeside", timeZone: "America/Chicago" },
] as const;

/** Known TOTP secret of the demo admins (base32), printed by `npm run db:seed`; e2e computes codes from it. */
export const demoTotpSecret = "HPDEMOTOTPSECRETHPDEMOTOTPSECRET";

export const demoUsers = [
  { email: "admin@healthprep.test", name: "Pat Platform", isPlatformAdmin: true, memberOf: [] },
  { email: "riverside.admin@healthprep.test", name: "Rita Rivers", isPlatformAdmin: false, memberOf: [["riverside", "org_admin"]] },
  { email: "lakeside.admin@healthprep.test", name: "Leo Lake", isPlatformAdmin: false, memberOf: [["lakeside", "org_admin"]] },
  { email: "riverside.staff@healthprep.test", name: "Sam Staff", isPlatformAdmin: false, memberOf: [["riverside", "staff"]] },
] as const;

/** The local Epic sandbox's built-in clients (tests/epic-sandbox/sandbox-clients.ts). */
export function sandboxConnection(sandboxPort: number) {
  return {
    fhirBaseUrl: `http://127.0.0.1:${sandboxPort}/api/FHIR/R4`,
    clientId: "healthprep-confidential",
    clientSecret: "healthprep-sandbox-secret",
    backendClientId: "healthprep-backend",
  };
}

/**
 * Demo clinics and password users (admins who are not Epic users). Idempotent: existing rows are
 * kept, missing ones added. Synthetic people only.
 */
export async function seedDemo(
  db: Db,
  password: string,
  options: { sandboxPort?: number; totpSecret?: string | null } = {},
): Promise<{ created: number }> {
  // Demo admins get a known TOTP secret outside production only; in production they enrol at first sign-in.
  const totpSecret = options.totpSecret !== undefined ? options.totpSecret : env.NODE_ENV === "production" ? null : demoTotpSecret;
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
  for (const organizationId of orgIds.values()) created += await seedScreeningTypes(db, organizationId as Id<"organization">);
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
    const isAdmin = u.isPlatformAdmin || u.memberOf.some(([, role]) => role === "org_admin");
    if (isAdmin && totpSecret && !user!.totpSecretEncrypted) {
      await db
        .update(users)
        .set({ totpSecretEncrypted: getCipher().encrypt(totpSecret, totpSecretAad(user!.id)), totpEnabledAt: new Date() })
        .where(eq(users.id, user!.id));
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

/** The sandbox's clinicians (tests/epic-sandbox/sandbox-users.ts): providers of both demo clinics. */
const sandboxClinicians = [
  { practitionerId: "eSbxPractFHIR.UserOne0001", name: "Physician Family Medicine, MD" },
  { practitionerId: "eSbxPractFHIRTWO.UserTwo02", name: "Internal Medicine Physician, MD" },
];

/** Both demo clinics use the local Epic sandbox, for sign-in (client secret) and Backend Services. */
async function seedSandboxConnections(db: Db, orgIds: Map<string, string>, sandboxPort: number): Promise<number> {
  const sandbox = sandboxConnection(sandboxPort);
  let created = await seedSandboxClinicians(db, orgIds, sandbox.fhirBaseUrl);
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

/**
 * Links each sandbox clinician (fhirUser = {FHIR base}/Practitioner/<id>) to a provider user in every
 * demo clinic, so a clinic-wide schedule sync knows whose schedules to pull before anyone signs in.
 */
async function seedSandboxClinicians(db: Db, orgIds: Map<string, string>, fhirBaseUrl: string): Promise<number> {
  let created = 0;
  for (const clinician of sandboxClinicians) {
    const fhirUser = `${fhirBaseUrl}/Practitioner/${clinician.practitionerId}`;
    for (const organizationId of orgIds.values()) {
      const provider = `epic:${organizationId}`;
      const [linked] = await db
        .select()
        .from(accounts)
        .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, fhirUser)));
      if (linked) continue;
      const [user] = await db.insert(users).values({ id: createId("user"), name: clinician.name, email: null }).returning();
      await db.insert(accounts).values({ userId: user!.id, type: "oauth", provider, providerAccountId: fhirUser });
      await db.insert(memberships).values({ id: createId("membership"), organizationId: organizationId as never, userId: user!.id, role: "provider" });
      created += 3;
    }
  }
  return created;
}

/** The USPSTF adult preset in every demo clinic: missing types are added, existing ones kept as they are. */
async function seedScreeningTypes(db: Db, organizationId: Id<"organization">): Promise<number> {
  const preview = await previewPreset(db, { organizationId, preset: uspstfAdultPrimaryCarePreset });
  if (!preview.some((item) => item.change === "new")) return 0;
  const { added } = await applyPreset(db, { organizationId, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
  return added.length;
}
