import "server-only";
import type { Db } from "@/db/client";
import { findEhrConnection, upsertEhrConnection } from "@/db/queries/ehr-connections";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { createId, type Id } from "@/lib/ids";
import type { ConfigureEhrConnectionInput } from "./ehr-connection-schemas";
import { clientSecretAad } from "./load-epic-endpoints";

/** Saves a clinic's Epic app registration; the client secret is stored envelope-encrypted. */
export async function configureEhrConnection(
  db: Db,
  organizationId: Id<"organization">,
  input: Omit<ConfigureEhrConnectionInput, "orgSlug">,
  audit: AuditContext,
) {
  return db.transaction(async (tx) => {
    const existing = await findEhrConnection(tx, organizationId);
    const needsSecret = input.clientAuthMethod !== "none";
    let clientSecretEncrypted = existing?.clientSecretEncrypted ?? null;
    if (input.clientSecret) clientSecretEncrypted = getCipher().encrypt(input.clientSecret, clientSecretAad(organizationId));
    if (!needsSecret) clientSecretEncrypted = null;
    if (needsSecret && !clientSecretEncrypted) {
      throw new AppError("invalid_input", "client secret required", { publicMessage: "Enter the client secret for a confidential client." });
    }
    const saved = await upsertEhrConnection(tx, {
      id: existing?.id ?? createId("ehrConnection"),
      organizationId,
      fhirBaseUrl: input.fhirBaseUrl,
      clientId: input.clientId,
      clientAuthMethod: input.clientAuthMethod,
      clientSecretEncrypted,
      scopes: input.scopes,
      environment: input.environment,
      backendClientId: input.backendClientId,
    });
    await recordAuditEvent(tx, { ...audit, organizationId }, {
      action: "ehr.connection_configured",
      targetType: "ehr_connection",
      targetIds: [saved.id],
      metadata: { clientAuthMethod: input.clientAuthMethod, environment: input.environment, secretChanged: Boolean(input.clientSecret) },
    });
    return { id: saved.id };
  });
}
