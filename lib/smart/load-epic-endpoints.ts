import "server-only";
import type { EhrConnectionRow } from "@/db/queries/ehr-connections";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import * as oauth from "oauth4webapi";
import { discoverSmartConfiguration } from "./discover-smart-configuration";

export const clientSecretAad = (organizationId: string) => `ehr_connections.client_secret:${organizationId}`;

/** Token endpoint and client authentication for a clinic's interactive (user) Epic app. */
export async function loadEpicEndpoints(connection: EhrConnectionRow) {
  const smart = await discoverSmartConfiguration(connection.fhirBaseUrl, { clientId: connection.clientId });
  const as: oauth.AuthorizationServer = {
    issuer: smart.issuer ?? connection.fhirBaseUrl,
    token_endpoint: smart.token_endpoint,
    authorization_endpoint: smart.authorization_endpoint,
  };
  const secret = connection.clientSecretEncrypted
    ? getCipher().decrypt(connection.clientSecretEncrypted, clientSecretAad(connection.organizationId))
    : null;
  let clientAuth: oauth.ClientAuth;
  if (connection.clientAuthMethod === "none") clientAuth = oauth.None();
  else if (!secret) throw new AppError("misconfigured", "Epic client secret missing for a confidential client");
  else clientAuth = connection.clientAuthMethod === "client_secret_post" ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret);
  return { smart, as, client: { client_id: connection.clientId } as oauth.Client, clientAuth, secret };
}
