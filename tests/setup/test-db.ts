import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { migrationsFolder, openDatabase, setDbForProcess, type DbHandle } from "@/db/client";

/**
 * A fresh database per test file: PGlite in memory by default, or — when TEST_DATABASE_URL points at a
 * real PostgreSQL (CI) — a new database created on that server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<DbHandle & { url: string }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const handle = await openDatabase("memory://");
    setDbForProcess(handle);
    return { ...handle, url: "memory://" };
  }
  const name = `healthprep_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase(url.toString());
  await migrate(handle.db as never, { migrationsFolder });
  setDbForProcess(handle);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      setDbForProcess(undefined);
      await handle.close();
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin(url: string, fn: (c: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
