import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { ehrTokens } from "@/db/schema";
import type * as BackendTokens from "@/lib/smart/get-backend-access-token";
import type * as FhirClients from "@/lib/smart/get-fhir-client";
import type * as UserTokens from "@/lib/smart/get-user-access-token";
import { openSmartSandbox, signInAndStoreUserToken, type SmartSandbox } from "./fixtures/open-smart-sandbox";

/**
 * Exactly one token refresh per expiry across two server instances sharing one database. Each
 * instance is a fresh copy of the token modules (its own in-process single-flight map) on its own
 * database connection: a second pg pool on real PostgreSQL (TEST_DATABASE_URL, as in CI), a second
 * drizzle instance on the same PGlite otherwise (PGlite has one connection). The forced race holds
 * instance A between reading the token row and taking the refresh lock until instance B has
 * refreshed and released the lock — the interleaving that made two refreshes before.
 */
type TokenModules = { user: typeof UserTokens; backend: typeof BackendTokens; client: typeof FhirClients };

let env: SmartSandbox;
let { handle, sandbox, riverside, userId } = {} as SmartSandbox;
const closers: (() => Promise<void>)[] = [];
let instanceA: TokenModules;
let instanceB: TokenModules;

async function loadInstance(): Promise<TokenModules> {
  vi.resetModules();
  return {
    user: await import("@/lib/smart/get-user-access-token"),
    backend: await import("@/lib/smart/get-backend-access-token"),
    client: await import("@/lib/smart/get-fhir-client"),
  };
}

/** Instance B's own connection to the same database. */
async function secondConnection(): Promise<Db> {
  if (handle.url !== "memory://") {
    const other = await openDatabase(handle.url);
    closers.push(other.close);
    return other.db;
  }
  const { drizzle } = await import("drizzle-orm/pglite");
  const schema = await import("@/db/schema");
  return drizzle({ client: (handle.db as unknown as { $client: never }).$client, schema, casing: "snake_case" }) as unknown as Db;
}

/**
 * A database whose refresh-lock acquisition waits for `gate` (after reporting that it got there).
 * The driver's `query` is wrapped, so every statement goes through the real connection.
 */
async function gatedConnection(gate: Promise<void>, reached: () => void): Promise<Db> {
  const isLockAcquire = (text: string) => /update "ehr_tokens" set "refresh_lock_id"/.test(text) && /"refresh_lock_until" < /.test(text);
  const textOf = (arg: unknown) => (typeof arg === "string" ? arg : ((arg as { text?: string } | null)?.text ?? ""));
  const wrap = <C extends object>(client: C): C =>
    new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== "query" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          if (isLockAcquire(textOf(args[0]))) {
            reached();
            await gate;
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const schema = await import("@/db/schema");
  if (handle.url === "memory://") {
    const { drizzle } = await import("drizzle-orm/pglite");
    return drizzle({ client: wrap((handle.db as unknown as { $client: object }).$client) as never, schema, casing: "snake_case" }) as unknown as Db;
  }
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: handle.url, max: 4 });
  closers.push(() => pool.end());
  return drizzle({ client: wrap(pool) as never, schema, casing: "snake_case" }) as unknown as Db;
}

beforeAll(async () => {
  env = await openSmartSandbox();
  ({ handle, sandbox, riverside, userId } = env);
  instanceA = await loadInstance();
  instanceB = await loadInstance();
});
afterAll(async () => {
  for (const close of closers) await close();
  await env?.close();
});
beforeEach(() => {
  sandbox.setFaults("");
  sandbox.resetStats();
});

/** A real sign-in on the sandbox, stored the way the Epic callback stores it, already expired. */
const connectExpiredUser = async (): Promise<void> => void (await signInAndStoreUserToken(env, { expired: true }));

async function expire(kind: "user" | "backend"): Promise<void> {
  await handle.db.update(ehrTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ehrTokens.kind, kind));
}

function gate() {
  let open!: () => void;
  let reached!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const arrived = new Promise<void>((r) => (reached = r));
  return { opened, arrived, open, reached };
}

/** Fails at once, instead of at the test timeout, when A finishes without ever taking the lock. */
async function reachedLock(arrived: Promise<void>, token: Promise<string>): Promise<void> {
  await Promise.race([arrived, token.then(() => Promise.reject(new Error("instance A never took the refresh lock")))]);
}

describe("token refresh across two server instances", () => {
  it("user token: A read the expired row, B refreshed and released the lock, then A locks → one refresh, same token", async () => {
    await connectExpiredUser();
    const g = gate();
    const dbA = await gatedConnection(g.opened, g.reached);
    const dbB = await secondConnection();
    const owner = { organizationId: riverside, userId };
    const tokenA = instanceA.user.getUserAccessToken(dbA, owner);
    await reachedLock(g.arrived, tokenA); // A has read the expired row and is about to take the lock
    const tokenB = await instanceB.user.getUserAccessToken(dbB, owner);
    expect(sandbox.stats().refreshRequests).toBe(1);
    g.open();
    expect(await tokenA).toBe(tokenB);
    expect(sandbox.stats().refreshRequests).toBe(1);
  });

  it("Backend Services token: the same interleaving asks the token endpoint once", async () => {
    await instanceB.backend.getBackendAccessToken(handle.db, riverside); // the clinic's first token: a row to lock
    await expire("backend");
    sandbox.resetStats();
    const g = gate();
    const dbA = await gatedConnection(g.opened, g.reached);
    const dbB = await secondConnection();
    const tokenA = instanceA.backend.getBackendAccessToken(dbA, riverside);
    await reachedLock(g.arrived, tokenA);
    const tokenB = await instanceB.backend.getBackendAccessToken(dbB, riverside);
    g.open();
    expect(await tokenA).toBe(tokenB);
    expect(sandbox.stats().tokenRequests).toBe(1);
  });

  it("unforced: 8 expiries, each met by 2 instances × 20 parallel FHIR reads → exactly 8 refreshes", async () => {
    await connectExpiredUser();
    const dbB = await secondConnection();
    const clients = await Promise.all([
      instanceA.client.getFhirClientForOrganization(handle.db, { organizationId: riverside, userId }),
      instanceB.client.getFhirClientForOrganization(dbB, { organizationId: riverside, userId }),
    ]);
    const appointments = await clients[0].client.search("Appointment", { practitioner: "eSbxPractFHIR.UserOne0001", date: "ge2000-01-01" });
    const patientId = appointments.resources.flatMap((a) => a.participant ?? []).find((p) => p.actor?.reference?.startsWith("Patient/"))!.actor!.reference!.split("/")[1]!;
    sandbox.resetStats();
    for (let round = 0; round < 8; round++) {
      // Alternate the two ways a token goes bad: expiry we can see, and revocation only Epic knows (401).
      if (round % 2 === 0) await expire("user");
      else sandbox.expireTokens();
      const reads = clients.flatMap(({ client }) => Array.from({ length: 20 }, () => client.read("Patient", patientId)));
      const patients = await Promise.all(reads);
      expect(patients.every((p) => p.id === patientId)).toBe(true);
      expect(sandbox.stats().refreshRequests, `after round ${round}`).toBe(round + 1);
    }
  });
});
