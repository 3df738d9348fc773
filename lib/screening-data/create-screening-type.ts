import "server-only";
import type { Db } from "@/db/client";
import { insertScreeningType } from "@/db/queries/screenings";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { createId, type Id } from "@/lib/ids";
import { screeningTypeSchema } from "@/lib/screening";
import { buildScreeningTypeInput, type ScreeningTypeForm } from "./screening-type-form";
import { fieldError, screeningTypeFormError } from "./screening-type-form-error";

const slugify = (name: string) =>
  name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");

/** Adds a clinic-defined screening type (active, version 1). Invalid input throws per-field issues. Audited. */
export async function createScreeningType(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string | null; form: ScreeningTypeForm },
  meta: Pick<AuditContext, "ip" | "userAgent"> = {},
): Promise<{ id: Id<"screeningType">; key: string; version: number }> {
  // An empty key is derived from the name, so admins only type one when they care about it.
  const form = input.form.key.trim() === "" ? { ...input.form, key: slugify(input.form.name) } : input.form;
  const parsed = screeningTypeSchema.safeParse(buildScreeningTypeInput(form, null, 1));
  if (!parsed.success) throw screeningTypeFormError(parsed.error.issues);
  const definition = parsed.data;
  return db.transaction(async (tx) => {
    const row = await insertScreeningType(tx, input.organizationId, {
      id: createId("screeningType"), key: definition.key, version: 1, name: definition.name, definition, active: true, presetKey: null, presetVersion: null,
    });
    if (!row) throw fieldError("key", "is already used by another screening type in this clinic");
    await recordAuditEvent(tx, { actorUserId: input.actorUserId, organizationId: input.organizationId, ...meta }, {
      action: "screening_type.created", targetType: "screening_type", targetIds: [row.id], metadata: { key: row.key, version: 1 },
    });
    return { id: row.id, key: row.key, version: 1 };
  });
}
