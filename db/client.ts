import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** Every driver (PGlite, pg, Neon) satisfies this common Postgres base. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbHandle = { db: Db; kind: "pglite" | "pg" | "neon"; close: () => Promise<void> };

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Opens a database for a URL: memory:// or pglite://DIR → embedded PGlite, a neon.tech host → Neon's
 * WebSocket Pool (interactive transactions work, unlike neon-http), anything else → node-postgres.
 * PGlite databases are migrated on open because one process owns them (two writers lose data).
 */
export async function openDatabase(url: string): Promise<DbHandle> {
  if (url === "memory://" || url.startsWith("pglite://")) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const dir = url === "memory://" ? undefined : path.resolve(url.slice("pglite://".length));
    if (dir) mkdirSync(path.dirname(dir), { recursive: true });
    const client = dir ? new PGlite(dir) : new PGlite();
    const db = drizzle({ client, schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
  }
  if (new URL(url).hostname.endsWith(".neon.tech")) {
    const { Pool } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const pool = new Pool({ connectionString: url });
    pool.on("error", () => {}); // as for node-postgres below
    return { db: drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db, kind: "neon", close: () => pool.end() };
  }
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle client whose server connection drops (restart, failover, DROP DATABASE … WITH (FORCE) in
  // tests) emits "error" on the pool; unhandled, that kills the process. The pool already discards the
  // broken client and queries in flight get their own error, so there is nothing else to do here.
  pool.on("error", () => {});
  return { db: drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db, kind: "pg", close: () => pool.end() };
}

export function databaseUrlFromEnv(): string {
  return env.DATABASE_URL ?? `pglite://${env.PGLITE_DIR}`;
}

// One connection per server process; cached on globalThis so dev hot reloads do not open a second
// PGlite on the same directory.
const holder = globalThis as unknown as { __healthprepDb?: Promise<DbHandle> };

export function getDb(): Promise<Db> {
  holder.__healthprepDb ??= openDatabase(databaseUrlFromEnv());
  return holder.__healthprepDb.then((h) => h.db);
}

/** Tests and scripts point the app at their own database. */
export function setDbForProcess(handle: DbHandle | undefined): void {
  holder.__healthprepDb = handle ? Promise.resolve(handle) : undefined;
}
