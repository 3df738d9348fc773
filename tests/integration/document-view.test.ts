import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertPatientLink } from "@/db/queries/patients";
import { auditEvents, patientDocuments } from "@/db/schema";
import { getCipher } from "@/lib/crypto";
import { getDocumentView } from "@/lib/documents/get-document-view";
import { createId } from "@/lib/ids";
import { syncAad } from "@/lib/sync/sync-aad";
import { createTestDatabase } from "../setup/test-db";
import { createClinic } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

describe("opening the document behind the evidence", () => {
  it("shows the text as read and its metadata, audited by id only; another clinic's document is not found", async () => {
    const clinic = await createClinic(handle.db, "doc-view");
    const other = await createClinic(handle.db, "doc-view-other");
    const patientId = await upsertPatientLink(handle.db, clinic, { fhirBaseUrl: "https://epic.invalid/R4", ehrPatientId: "eP" });
    const id = createId("document");
    const cipher = getCipher();
    await handle.db.insert(patientDocuments).values({
      id, organizationId: clinic, patientId, fhirBaseUrl: "https://epic.invalid/R4", ehrDocumentId: "eDoc", ehrVersion: "1", state: "processed",
      detectedType: "pdf", pages: 2, serviceDate: "2024-03-02", category: "procedure",
      titleEncrypted: cipher.encrypt("Colonoscopy report", syncAad.documentTitle(id)), textEncrypted: cipher.encrypt("Colonoscopy to the cecum.", syncAad.documentText(id)),
    });
    const view = await getDocumentView(handle.db, { organizationId: clinic, userId: "usr_x", documentId: id }, { ip: "127.0.0.1" });
    expect(view).toMatchObject({ title: "Colonoscopy report", text: "Colonoscopy to the cecum.", serviceDate: "2024-03-02", hasPageImages: true, pages: 2, patientId });
    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, "document.viewed"), eq(auditEvents.organizationId, clinic)));
    expect(audit).toMatchObject({ actorUserId: "usr_x", targetType: "document", targetIds: [id], metadata: { patientId, what: "text" } });
    expect(JSON.stringify(audit)).not.toContain("Colonoscopy");
    await expect(getDocumentView(handle.db, { organizationId: other, userId: "usr_x", documentId: id }, {})).rejects.toMatchObject({ code: "not_found" });
  });
});
