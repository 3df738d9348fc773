import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { seedDemo } from "@/lib/demo/seed-demo";
import { ehrConnections, organizations, patients, users } from "@/db/schema";
import { totpSecretAad } from "@/lib/auth/two-factor";
import type * as CryptoModule from "@/lib/crypto";
import { createEnvelopeCipher, parseKeyring, type EnvelopeCipher } from "@/lib/crypto/envelope-cipher";
import { createDbExtractionStore } from "@/lib/documents/store-extraction-results";
import { createId, type Id } from "@/lib/ids";
import { encryptedColumns, rotateColumn, rotateEncryptionKeys } from "@/lib/security/rotate-encryption-keys";
import { clientSecretAad } from "@/lib/smart/load-epic-endpoints";
import { getActiveSigningKey, rotateSigningKey } from "@/lib/smart/signing-keys";
import { syncAad } from "@/lib/sync/sync-aad";
import { createTestDatabase } from "../setup/test-db";

const cipherState = vi.hoisted(() => ({ cipher: null as EnvelopeCipher | null }));
vi.mock("@/lib/crypto", async (importOriginal) => ({
  ...(await importOriginal<typeof CryptoModule>()),
  getCipher: () => cipherState.cipher!,
}));

const k1 = `k1:${randomBytes(32).toString("base64")}`;
const k2 = `k2:${randomBytes(32).toString("base64")}`;
const oldCipher = createEnvelopeCipher(parseKeyring(k1));
const rotatingCipher = createEnvelopeCipher(parseKeyring(`${k2},${k1}`));
const newOnly = createEnvelopeCipher(parseKeyring(k2));

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let riverside: Id<"organization">;
const patientIds: Id<"patient">[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  cipherState.cipher = oldCipher;
  await seedDemo(handle.db, "rotation-password-1", { sandboxPort: 4999 });
  riverside = (await handle.db.select().from(organizations).where(eq(organizations.slug, "riverside")))[0]!.id;
  await rotateSigningKey(handle.db);
  await createDbExtractionStore(handle.db, riverside).set("sha256-abc", { ok: false, reason: "empty", message: "No text." } as never);
  for (let i = 0; i < 40; i++) {
    const id = createId("patient");
    patientIds.push(id);
    await handle.db.insert(patients).values({
      id,
      organizationId: riverside,
      fhirBaseUrl: "http://127.0.0.1:4999/api/FHIR/R4",
      ehrPatientId: `e${i}`,
      factsEncrypted: oldCipher.encrypt(JSON.stringify({ birthDate: "1970-01-01", n: i }), syncAad.patientFacts(id)),
    });
  }
}, 180_000);
afterAll(async () => handle?.close());

async function countUnderKey(kid: string): Promise<number> {
  let n = 0;
  for (const spec of encryptedColumns) {
    const exists = await handle.db.execute(
      sql`select 1 from information_schema.columns where table_name = ${spec.table} and column_name = ${spec.column}`,
    );
    if ((exists as unknown as { rows: unknown[] }).rows.length === 0) continue;
    const result = await handle.db.execute(sql.raw(`select count(*)::int as n from "${spec.table}" where "${spec.column}" like 'hp1.${kid}.%'`));
    n += (result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
  }
  return n;
}

describe("keys:rotate", () => {
  it("re-encrypts every stored ciphertext under the new key, keeping concurrent app writes", async () => {
    expect(await countUnderKey("k1")).toBeGreaterThanOrEqual(40 + 2 + 1 + 1 + 2);
    cipherState.cipher = rotatingCipher;
    // The app keeps writing (with the new keyring) while rotation runs in batches of one.
    const rotation = rotateEncryptionKeys(handle.db, rotatingCipher, { batchSize: 1 });
    const appWrites = (async () => {
      for (const id of patientIds.filter((_, i) => i % 5 === 0)) {
        const fresh = rotatingCipher.encrypt(JSON.stringify({ birthDate: "1980-02-02", written: "by-app" }), syncAad.patientFacts(id));
        await handle.db.update(patients).set({ factsEncrypted: fresh }).where(eq(patients.id, id));
      }
    })();
    const [stats] = await Promise.all([rotation, appWrites]);
    expect(stats.reduce((n, s) => n + s.failed, 0)).toBe(0);
    expect(await countUnderKey("k1")).toBe(0);

    // Old key retired: the app's own readers still work.
    cipherState.cipher = newOnly;
    for (const [i, id] of patientIds.entries()) {
      const [row] = await handle.db.select().from(patients).where(eq(patients.id, id));
      const facts = JSON.parse(newOnly.decrypt(row!.factsEncrypted!, syncAad.patientFacts(id))) as { written?: string; n?: number };
      if (i % 5 === 0) expect(facts.written).toBe("by-app"); // never overwritten by the rotation
      else expect(facts.n).toBe(i);
    }
    for (const c of await handle.db.select().from(ehrConnections)) {
      expect(newOnly.decrypt(c.clientSecretEncrypted!, clientSecretAad(c.organizationId))).toBe("healthprep-sandbox-secret");
    }
    for (const u of (await handle.db.select().from(users)).filter((u) => u.totpSecretEncrypted)) {
      expect(newOnly.decrypt(u.totpSecretEncrypted!, totpSecretAad(u.id))).toMatch(/^[A-Z2-7]{32}$/);
    }
    await expect(getActiveSigningKey(handle.db)).resolves.toMatchObject({ kid: expect.any(String) });
    await expect(createDbExtractionStore(handle.db, riverside).get("sha256-abc")).resolves.toMatchObject({ ok: false, reason: "empty" });
  });

  it("is idempotent and leaves values it cannot decrypt untouched", async () => {
    const again = await rotateEncryptionKeys(handle.db, rotatingCipher);
    expect(again.reduce((n, s) => n + s.rotated, 0)).toBe(0);
    const id = patientIds[1]!;
    const foreign = createEnvelopeCipher(parseKeyring(`k9:${randomBytes(32).toString("base64")}`)).encrypt("{}", syncAad.patientFacts(id));
    await handle.db.update(patients).set({ factsEncrypted: foreign }).where(eq(patients.id, id));
    const spec = encryptedColumns.find((c) => c.table === "patients")!;
    expect(await rotateColumn(handle.db, rotatingCipher, spec)).toMatchObject({ rotated: 0, failed: 1 });
    expect((await handle.db.select().from(patients).where(eq(patients.id, id)))[0]!.factsEncrypted).toBe(foreign);
  });
});
