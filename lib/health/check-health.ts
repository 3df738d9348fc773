import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export async function checkHealth(): Promise<{ ok: boolean; database: "up" | "down" }> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return { ok: true, database: "up" };
  } catch {
    return { ok: false, database: "down" };
  }
}
