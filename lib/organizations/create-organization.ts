import "server-only";
import type { Db } from "@/db/client";
import { findOrganizationBySlug, insertOrganization } from "@/db/queries/organizations";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { createId } from "@/lib/ids";
import type { CreateOrganizationInput } from "./organization-schemas";

export async function createOrganization(db: Db, input: CreateOrganizationInput, audit: AuditContext) {
  return db.transaction(async (tx) => {
    if (await findOrganizationBySlug(tx, input.slug)) {
      throw new AppError("conflict", "slug taken", { publicMessage: `The address "${input.slug}" is already used by another clinic.` });
    }
    const organization = await insertOrganization(tx, { id: createId("organization"), ...input });
    await recordAuditEvent(tx, { ...audit, organizationId: organization.id }, {
      action: "organization.created",
      targetType: "organization",
      targetIds: [organization.id],
      metadata: { slug: organization.slug, timeZone: organization.timeZone },
    });
    return organization;
  });
}
