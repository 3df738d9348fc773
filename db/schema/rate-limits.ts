import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/** Fixed-window counters kept in the database so limits hold across serverless instances. */
export const rateLimitBuckets = pgTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowEndsAt: instant("window_ends_at").notNull(),
  lockedUntil: instant("locked_until"),
});
