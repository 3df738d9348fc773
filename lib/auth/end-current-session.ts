import "server-only";
import { getDb } from "@/db/client";
import { revokeUserSession } from "@/db/queries/user-sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/http/request-meta";
import { getSessionUser } from "./session";

/** Revokes the server-side session so the JWT cookie is dead even if it were replayed. */
export async function endCurrentSession(meta: RequestMeta): Promise<void> {
  const user = await getSessionUser();
  if (!user) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await revokeUserSession(tx, user.sessionId, "signed_out", new Date());
    await recordAuditEvent(tx, { actorUserId: user.userId, organizationId: null, ...meta }, {
      action: "auth.signed_out",
      targetType: "session",
      targetIds: [user.sessionId],
    });
  });
}
