import type { Db } from "@/db/client";
import { findOrganizationById, type OrganizationRow } from "@/db/queries/organizations";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";

/**
 * What a job step needs from the outside world. inngest/ builds the real one (getDb,
 * getFhirClientForOrganization, the configured OCR engine); tests pass a sandbox client.
 */
export type SyncJobContext = {
  db: Db;
  getFhirClient: (db: Db, input: { organizationId: Id<"organization">; userId?: string }) => Promise<{ client: FhirClient; fhirBaseUrl: string }>;
  getOcr: () => Promise<OcrProvider>;
  now: () => Date;
  /** Lease of a running sync's row (default syncRunLeaseMs); the crash tests shorten it to see a killed pull end sooner. */
  syncLeaseMs?: number;
};

export async function findClinic(db: Db, organizationId: string): Promise<OrganizationRow> {
  const clinic = await findOrganizationById(db, organizationId);
  if (!clinic) throw new AppError("not_found", "clinic not found");
  return clinic;
}
