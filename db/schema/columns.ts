import { text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Id, IdKind } from "@/lib/ids";

// Column groups every table writes the same way. Each helper returns a fresh builder, so no two
// tables share one; the SQL they produce is exactly that of the columns they replaced.

/** An instant: timestamps are always stored with their zone (timestamptz) and read as UTC. */
export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** The row's own id, typed by the one id scheme (lib/ids). */
export const idColumn = <K extends IdKind>() => text("id").$type<Id<K>>().primaryKey();

/** A required reference to the row that owns this one: deleting the owner deletes the row. */
export const cascadeReference = <K extends IdKind>(name: string, target: () => AnyPgColumn) =>
  text(name).$type<Id<K>>().notNull().references(target, { onDelete: "cascade" });

/** When the row was written. */
export const createdAtColumn = () => instant("created_at").notNull().defaultNow();

/** created_at and updated_at of a row that changes (writers set updatedAt). */
export const timestamps = () => ({ createdAt: createdAtColumn(), updatedAt: instant("updated_at").notNull().defaultNow() });
