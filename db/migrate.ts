import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { databaseUrlFromEnv, migrationsFolder, openDatabase } from "./client";

// `npm run db:migrate`: PGlite migrates on open; real Postgres is migrated here.
const url = databaseUrlFromEnv();
const handle = await openDatabase(url);
if (handle.kind !== "pglite") {
  await migratePg(handle.db as never, { migrationsFolder });
}
await handle.close();
process.stderr.write(`db:migrate: ${handle.kind} database is up to date\n`);
