import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertPatientLink } from "@/db/queries/patients";
import { patientDocuments } from "@/db/schema";
import { retryFailedDocuments } from "@/lib/documents/retry-failed-documents";
import { createId, type Id } from "@/lib/ids";
import { registerJobDispatcher, type JobEvent } from "@/lib/jobs/dispatch-event";
import { documentProcessRequested } from "@/lib/jobs/events";
import { createTestDatabase } from "../setup/test-db";
import { createClinic } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const sent: JobEvent[] = [];
const base = "https://epic.invalid/api/FHIR/R4";

async function addDocument(organizationId: Id<"organization">, patientId: Id<"patient">, state: "failed" | "processed", origin: "ehr" | "healthprep" = "ehr") {
  const id = createId("document");
  await handle.db.insert(patientDocuments).values({
    id, organizationId, patientId, fhirBaseUrl: base, ehrDocumentId: id, ehrVersion: "1", state, origin, attempts: 4,
    failureReason: state === "failed" ? "fetch_failed" : null, failureMessage: state === "failed" ? "Epic could not be reached after several attempts." : null,
  });
  return id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  registerJobDispatcher({ mode: "in-process", send: async (events) => void sent.push(...events) });
});
afterAll(async () => {
  registerJobDispatcher(undefined);
  await handle?.close();
});

describe("Try again on failed documents", () => {
  it("puts the patient's failed Epic documents back to pending and reads each again; nothing else changes", async () => {
    const clinic = await createClinic(handle.db, "retry-clinic");
    const other = await createClinic(handle.db, "retry-other");
    const patient = await upsertPatientLink(handle.db, clinic, { fhirBaseUrl: base, ehrPatientId: "eP1" });
    const otherPatient = await upsertPatientLink(handle.db, other, { fhirBaseUrl: base, ehrPatientId: "eP1" });
    const failed = await addDocument(clinic, patient, "failed");
    const read = await addDocument(clinic, patient, "processed");
    const othersFailed = await addDocument(other, otherPatient, "failed");

    expect(await retryFailedDocuments(handle.db, { organizationId: clinic, patientId: patient })).toEqual({ requested: 1 });
    const rows = await handle.db.select().from(patientDocuments).where(eq(patientDocuments.organizationId, clinic));
    expect(rows.find((r) => r.id === failed)).toMatchObject({ state: "pending", failureReason: null, failureMessage: null, attempts: 0 });
    expect(rows.find((r) => r.id === read)).toMatchObject({ state: "processed" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ name: documentProcessRequested.name, data: { organizationId: clinic, documentId: failed } });
    const [untouched] = await handle.db.select().from(patientDocuments).where(and(eq(patientDocuments.organizationId, other), eq(patientDocuments.id, othersFailed)));
    expect(untouched!.state).toBe("failed");

    // Nothing failed any more: nothing to do. Another clinic's patient is not found.
    expect(await retryFailedDocuments(handle.db, { organizationId: clinic, patientId: patient })).toEqual({ requested: 0 });
    await expect(retryFailedDocuments(handle.db, { organizationId: clinic, patientId: otherPatient })).rejects.toMatchObject({ code: "not_found" });
    expect(sent).toHaveLength(1);
  });
});
