import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken } from "@/db/queries/ehr-connections";
import type { Id } from "@/lib/ids";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { writePrepSheetToEhr, type WritePrepSheetResult } from "./write-prep-sheet-to-ehr";

/**
 * "Send to Epic" from the prep sheet page: writes now through the ledger with the user's own Epic
 * connection when active, else Backend Services, so the page can show the outcome at once.
 */
export async function sendPrepSheetToEhr(db: Db, input: { organizationId: Id<"organization">; userId: string; prepSheetId: string }): Promise<WritePrepSheetResult> {
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  const { client } = await getFhirClientForOrganization(db, {
    organizationId: input.organizationId,
    ...(token?.status === "active" ? { userId: input.userId } : {}),
  });
  return writePrepSheetToEhr(db, client, { organizationId: input.organizationId, prepSheetId: input.prepSheetId, actorUserId: input.userId });
}
