import "server-only";
import type { Db } from "@/db/client";
import { findScreeningTypeById, updateScreeningType } from "@/db/queries/screenings";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { screeningTypeSchema, type ScreeningType } from "@/lib/screening";
import { parseStoredType } from "./parse-stored-type";
import { buildScreeningTypeInput, type ScreeningTypeForm } from "./screening-type-form";
import { screeningTypeFormError } from "./screening-type-form-error";

const editableParts = ["name", "eligibility", "frequency", "evidence", "timing"] as const;

function changedParts(before: ScreeningType, after: ScreeningType): string[] {
  return editableParts.filter((part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]));
}

/**
 * Saves the editor's changes to one of the clinic's types. The key never changes (results refer to
 * it); the version goes up on every real change and a save without changes writes nothing. Audited
 * with the names of the parts that changed.
 */
export async function editScreeningType(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string | null; screeningTypeId: string; form: ScreeningTypeForm; expectedVersion?: number },
  meta: Pick<AuditContext, "ip" | "userAgent"> = {},
): Promise<{ id: Id<"screeningType">; key: string; version: number; changed: string[] }> {
  return db.transaction(async (tx) => {
    const row = await findScreeningTypeById(tx, input.organizationId, input.screeningTypeId);
    if (!row) throw new AppError("not_found", "screening type not found");
    // The editor sends the version it showed, so a save cannot silently undo someone else's change.
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
      throw new AppError("conflict", "screening type changed since it was loaded", {
        publicMessage: "Someone changed this screening type after you opened it. Reload to see their version.",
      });
    }
    const current = parseStoredType(row);
    const parsed = screeningTypeSchema.safeParse(buildScreeningTypeInput(input.form, current, row.version + 1));
    if (!parsed.success) throw screeningTypeFormError(parsed.error.issues);
    const changed = changedParts(current, parsed.data);
    if (changed.length === 0) return { id: row.id, key: row.key, version: row.version, changed };
    const definition = parsed.data;
    await updateScreeningType(tx, input.organizationId, row.id, { version: definition.version, name: definition.name, definition });
    await recordAuditEvent(tx, { actorUserId: input.actorUserId, organizationId: input.organizationId, ...meta }, {
      action: "screening_type.updated", targetType: "screening_type", targetIds: [row.id],
      metadata: { key: row.key, version: definition.version, changed },
    });
    return { id: row.id, key: row.key, version: definition.version, changed };
  });
}
