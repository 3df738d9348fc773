import { index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";
import { organizationIdColumn } from "./organizations";
import { patientIdColumn } from "./patients";

/**
 * Short-lived cache of the schedule's patient banners (name, birth date, sex) so a day's schedule is
 * not read from Epic on every view. Encrypted (aad `patient_banners.banner:<org>:<patient>`), and
 * valid only until the end of the visit day it was read for: readers ignore expired rows, writers
 * and the retention sweep delete them. Not a record of the patient — Epic stays the source.
 */
export const patientBanners = pgTable(
  "patient_banners",
  {
    organizationId: organizationIdColumn(),
    patientId: patientIdColumn(),
    bannerEncrypted: text("banner_encrypted").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [primaryKey({ name: "patient_banners_pk", columns: [t.organizationId, t.patientId] }), index("patient_banners_expires_idx").on(t.expiresAt)],
);
