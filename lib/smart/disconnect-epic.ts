import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken, updateEhrToken } from "@/db/queries/ehr-connections";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Id } from "@/lib/ids";

/** Forgets a user's Epic tokens for a clinic (the encrypted values are overwritten, not kept). */
export async function disconnectEpic(db: Db, organizationId: Id<"organization">, userId: string, audit: AuditContext) {
  await db.transaction(async (tx) => {
    const row = await findEhrToken(tx, organizationId, { kind: "user", userId });
    if (!row) return;
    await updateEhrToken(tx, organizationId, row.id, {
      status: "disconnected",
      statusReason: "user_disconnected",
      accessTokenEncrypted: "",
      refreshTokenEncrypted: null,
      expiresAt: new Date(0),
    });
    await recordAuditEvent(tx, { ...audit, organizationId }, { action: "ehr.disconnected", targetType: "ehr_token", targetIds: [row.id] });
  });
}
