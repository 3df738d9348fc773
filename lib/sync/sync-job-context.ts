import type { Db } from "@/db/client";
import { listOrganizations, type OrganizationRow } from "@/db/queries/organizations";
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
};

export async function findClinic(db: Db, organizationId: string): Promise<OrganizationRow> {
  // Clinics are few; the list query is the existing way to read them without a new tenant query.
  const clinic = (await listOrganizations(db)).find((o) => o.id === organizationId);
  if (!clinic) throw new AppError("not_found", "clinic not found");
  return clinic;
}
