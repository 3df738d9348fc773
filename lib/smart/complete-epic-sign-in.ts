import "server-only";
import type { Db } from "@/db/client";
import { findAccount, insertAccount } from "@/db/queries/accounts";
import type { EhrConnectionRow } from "@/db/queries/ehr-connections";
import { upsertEhrToken } from "@/db/queries/ehr-connections";
import { findMembership, insertMembership, type OrganizationRow } from "@/db/queries/organizations";
import { findUserById, insertUser } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { startUserSession } from "@/lib/auth/start-user-session";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import { createId } from "@/lib/ids";
import { readLaunchContext } from "./read-launch-context";
import { tokenAad } from "./token-aad";
import type { EpicIdClaims } from "./verify-id-token";

/**
 * After Epic authenticated a clinician: find or create our user for (clinic, fhirUser), keep the
 * Epic tokens encrypted in ehr_tokens (never in the cookie or Auth.js's accounts table), and open a
 * server-side session. A first Epic sign-in makes the clinician a provider of that clinic; someone
 * an admin removed is not re-added.
 */
export async function completeEpicSignIn(
  db: Db,
  input: { organization: OrganizationRow; connection: EhrConnectionRow; claims: EpicIdClaims; tokens: Record<string, unknown>; meta: RequestMeta },
) {
  const { organization, connection, claims, tokens } = input;
  const identity = claims.fhirUser ?? claims.sub;
  const provider = `epic:${organization.id}`;
  const now = new Date();
  const accessToken = tokens.access_token;
  if (typeof accessToken !== "string") throw new AppError("ehr_rejected", "Epic sent no access token");
  const launch = readLaunchContext(tokens);

  const user = await db.transaction(async (tx) => {
    const account = await findAccount(tx, provider, identity);
    let userId = account?.userId;
    if (!userId) {
      const created = await insertUser(tx, { id: createId("user"), name: claims.name ?? practitionerLabel(identity), email: null });
      await insertAccount(tx, { userId: created.id, provider, providerAccountId: identity });
      await insertMembership(tx, { id: createId("membership"), organizationId: organization.id, userId: created.id, role: "provider" });
      userId = created.id;
    }
    const row = await findUserById(tx, userId);
    if (!row || row.disabledAt) throw new AppError("forbidden", "user disabled");
    if (!(await findMembership(tx, organization.id, userId))) throw new AppError("forbidden", "no longer a member of this clinic");
    const owner = { organizationId: organization.id, userId };
    const refreshToken = typeof tokens.refresh_token === "string" ? tokens.refresh_token : null;
    await upsertEhrToken(tx, {
      id: createId("ehrToken"),
      organizationId: organization.id,
      connectionId: connection.id,
      kind: "user",
      userId,
      accessTokenEncrypted: getCipher().encrypt(accessToken, tokenAad(owner, "access")),
      refreshTokenEncrypted: refreshToken ? getCipher().encrypt(refreshToken, tokenAad(owner, "refresh")) : null,
      expiresAt: new Date(now.getTime() + Number(tokens.expires_in ?? 3600) * 1000),
      scope: typeof tokens.scope === "string" ? tokens.scope : "",
      fhirUser: identity,
      launchPatient: launch.patient,
      launchEncounter: launch.encounter,
      status: "active",
      statusReason: null,
      refreshedAt: now,
    });
    await recordAuditEvent(tx, { actorUserId: userId, organizationId: organization.id, ...input.meta }, {
      action: "ehr.connected",
      targetType: "ehr_connection",
      targetIds: [connection.id],
      metadata: { refreshable: refreshToken !== null, launch: launch.patient !== null },
    });
    return row;
  });
  const session = await startUserSession(db, { userId: user.id, method: "epic", meta: input.meta, now });
  return { id: identity, appUserId: user.id, name: user.name, email: user.email, sessionId: session.id };
}

function practitionerLabel(fhirUser: string): string {
  return `Epic user ${fhirUser.split("/").pop()}`;
}
