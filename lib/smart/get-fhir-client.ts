import "server-only";
import type { Db } from "@/db/client";
import { findEhrConnection } from "@/db/queries/ehr-connections";
import { AppError } from "@/lib/errors";
import { createFhirClient } from "@/lib/fhir/create-fhir-client";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { getBackendAccessToken } from "./get-backend-access-token";
import { getUserAccessToken } from "./get-user-access-token";

/**
 * The FHIR client every feature uses for a clinic: with the user's own Epic connection when
 * `userId` is given, else Backend Services. After a 401 the client asks for a forced refresh with
 * the token that was rejected, so concurrent 401s share one refresh and a late 401 for an old token
 * gets the new one instead of refreshing it again.
 */
export async function getFhirClientForOrganization(
  db: Db,
  input: { organizationId: Id<"organization">; userId?: string },
): Promise<{ client: FhirClient; fhirBaseUrl: string }> {
  const connection = await findEhrConnection(db, input.organizationId);
  if (!connection) throw new AppError("misconfigured", "clinic has no Epic connection", { publicMessage: "This clinic is not connected to Epic yet." });
  let lastToken: string | undefined;
  const getAccessToken = async (options?: { forceRefresh?: boolean; rejectedToken?: string | undefined }) => {
    const staleToken = options?.forceRefresh ? (options.rejectedToken ?? lastToken) : undefined;
    lastToken = input.userId
      ? await getUserAccessToken(db, { organizationId: input.organizationId, userId: input.userId }, { staleToken })
      : await getBackendAccessToken(db, input.organizationId, { staleToken });
    return lastToken;
  };
  const client = createFhirClient({ baseUrl: connection.fhirBaseUrl, getAccessToken, epicClientId: connection.clientId });
  return { client, fhirBaseUrl: connection.fhirBaseUrl };
}
