import "server-only";
import type { Db } from "@/db/client";
import { findOrganizationById, mergeOrganizationSettings } from "@/db/queries/organizations";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import {
  clinicSettingsStoreSchema, listChangedKeys, readClinicSettings, toStoredPatch,
  type ClinicSettingsSection,
} from "./clinic-settings-store";

/**
 * Saves one settings section of a clinic: the submitted fields are merged over the section's current
 * values, validated by the owning module's schema (a ZodError carries field paths), stored, and
 * audited with the names of the changed fields only. Nothing is written when nothing changed.
 */
export async function updateClinicSettings(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string; section: ClinicSettingsSection; values: Record<string, unknown> },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<{ section: ClinicSettingsSection; changed: string[] }> {
  const { organizationId, section } = input;
  return db.transaction(async (tx) => {
    const organization = await findOrganizationById(tx, organizationId);
    if (!organization) throw new AppError("not_found", "organization not found");
    const current = readClinicSettings(organization.settings)[section];
    const next = clinicSettingsStoreSchema.shape[section].parse({ ...current, ...input.values });
    const changed = listChangedKeys(current, next);
    if (changed.length === 0) return { section, changed };
    const { patch, remove } = toStoredPatch(section, next);
    await mergeOrganizationSettings(tx, organizationId, patch, remove);
    await recordAuditEvent(tx, { ...audit, actorUserId: input.actorUserId, organizationId }, {
      action: "settings.updated",
      targetType: "organization",
      targetIds: [organizationId],
      metadata: { section, changed: changed.slice(0, 100) },
    });
    return { section, changed };
  });
}
