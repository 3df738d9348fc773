import "server-only";
import type { Db } from "@/db/client";
import { listOrganizationSettingsOfUser } from "@/db/queries/organizations";
import { insertUserSession } from "@/db/queries/user-sessions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createId } from "@/lib/ids";
import type { RequestMeta } from "@/lib/http/request-meta";
import { resolveSessionPolicy } from "./session-policy";

/** Opens our server-side session record (and audits the sign-in) in one transaction. */
export async function startUserSession(
  db: Db,
  input: { userId: string; method: "password" | "epic"; meta: RequestMeta; now: Date; secondFactor?: "none" | "totp" | "recovery_code" },
) {
  const policy = resolveSessionPolicy(await listOrganizationSettingsOfUser(db, input.userId));
  return db.transaction(async (tx) => {
    const session = await insertUserSession(tx, {
      id: createId("session"),
      userId: input.userId,
      method: input.method,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + policy.absoluteMs),
    });
    await recordAuditEvent(tx, { actorUserId: input.userId, organizationId: null, ...input.meta }, {
      action: "auth.signed_in",
      targetType: "session",
      targetIds: [session.id],
      metadata: { method: input.method, ...(input.secondFactor ? { secondFactor: input.secondFactor } : {}) },
    });
    return session;
  });
}
