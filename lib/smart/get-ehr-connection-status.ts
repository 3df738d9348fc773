import "server-only";
import type { Db } from "@/db/client";
import { findEhrConnection, listEhrTokens } from "@/db/queries/ehr-connections";
import type { Id } from "@/lib/ids";

/** What Settings → Epic shows: the registration (never the secret) and every token's state and expiry. */
export async function getEhrConnectionStatus(db: Db, organizationId: Id<"organization">) {
  const connection = await findEhrConnection(db, organizationId);
  if (!connection) return { connection: null, tokens: [] };
  const { clientSecretEncrypted, ...visible } = connection;
  return { connection: { ...visible, hasClientSecret: clientSecretEncrypted !== null }, tokens: await listEhrTokens(db, organizationId) };
}
