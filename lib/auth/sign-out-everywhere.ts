import "server-only";
import type { Db } from "@/db/client";
import { revokeUserSessionsOfUser } from "@/db/queries/user-sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/http/request-meta";

/** Ends every session of the user, on every device (the current one included), audited. */
export async function signOutEverywhere(db: Db, input: { userId: string; sessionId: string; meta: RequestMeta; now?: Date }) {
  await db.transaction(async (tx) => {
    await revokeUserSessionsOfUser(tx, input.userId, "signed_out_everywhere", input.now ?? new Date());
    await recordAuditEvent(tx, { actorUserId: input.userId, organizationId: null, ...input.meta }, {
      action: "auth.signed_out",
      targetType: "session",
      targetIds: [input.sessionId],
      metadata: { scope: "all_sessions" },
    });
  });
}
