import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { findPrepSheet } from "@/db/queries/prep-sheets";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { writePrepSheetToEhr, type WritePrepSheetResult } from "./write-prep-sheet-to-ehr";

/**
 * "Send to Epic" from the prep sheet page: writes now through the ledger with the user's own Epic
 * connection when active, else Backend Services, so the page can show the outcome at once. A sheet
 * of another clinic is not found before Epic is contacted; the person's rate limit is the caller's.
 */
export async function sendPrepSheetToEhr(db: Db, input: { organizationId: Id<"organization">; userId: string; prepSheetId: string }): Promise<WritePrepSheetResult> {
  if (!(await findPrepSheet(db, input.organizationId, input.prepSheetId))) throw new AppError("not_found", "prep sheet not found in this clinic");
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  const { client } = await getFhirClientForOrganization(db, {
    organizationId: input.organizationId,
    ...(token?.status === "active" ? { userId: input.userId } : {}),
  });
  // Someone is waiting on the page: a shorter retry budget than a background job.
  return writePrepSheetToEhr(db, client, { organizationId: input.organizationId, prepSheetId: input.prepSheetId, actorUserId: input.userId, retryBudgetMs: 10_000 });
}
