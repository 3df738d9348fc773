import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { Id } from "@/lib/ids";
import { organizations } from "./organizations";
import { patients } from "./patients";

/**
 * Short-lived cache of the schedule's patient banners (name, birth date, sex) so a day's schedule is
 * not read from Epic on every view. Encrypted (aad `patient_banners.banner:<org>:<patient>`), and
 * valid only until the end of the visit day it was read for: readers ignore expired rows, writers
 * and the retention sweep delete them. Not a record of the patient — Epic stays the source.
 */
export const patientBanners = pgTable(
  "patient_banners",
  {
    organizationId: text("organization_id")
      .$type<Id<"organization">>()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    patientId: text("patient_id")
      .$type<Id<"patient">>()
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    bannerEncrypted: text("banner_encrypted").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: "patient_banners_pk", columns: [t.organizationId, t.patientId] }), index("patient_banners_expires_idx").on(t.expiresAt)],
);
