import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { migrationsFolder, openDatabase } from "@/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";

/**
 * Creates the e2e database (a new database on TEST_DATABASE_URL's server, else a fresh PGlite
 * directory), migrates and seeds it, and prints its URL on the last line for scripts/test.mjs.
 * With `--drop URL` it removes a database it created earlier.
 */
const admin = process.env.TEST_DATABASE_URL;
const password = process.env.HEALTHPREP_SEED_PASSWORD ?? "HealthPrep-demo-2026!";

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (process.argv[2] === "--drop") {
  const url = process.argv[3];
  if (admin && url?.startsWith("postgres")) await adminQuery(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
} else {
  let url: string;
  if (admin) {
    const name = `healthprep_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await adminQuery(`create database ${name}`);
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
  } else {
    url = `pglite://${path.join(mkdtempSync(path.join(tmpdir(), "healthprep-e2e-")), "pglite")}`;
  }
  const handle = await openDatabase(url);
  if (handle.kind !== "pglite") await migrate(handle.db as never, { migrationsFolder });
  await seedDemo(handle.db, password, { sandboxPort: Number(process.env.EPIC_SANDBOX_PORT ?? 4510) });
  await handle.close();
  process.stdout.write(`${url}\n`);
}
