import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { findDocument, listPatientDocuments, updateDocument } from "@/db/queries/documents";
import { listPatients } from "@/db/queries/patients";
import { documentExtractions, patientDocuments } from "@/db/schema";
import { getCipher } from "@/lib/crypto";
import { localDate } from "@/lib/dates/local-date";
import { selectOcrProvider } from "@/lib/documents/ocr/select-ocr-provider";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { processDocument } from "@/lib/sync/process-document";
import { syncAad } from "@/lib/sync/sync-aad";
import { syncPatient } from "@/lib/sync/sync-patient";
import { syncSchedule } from "@/lib/sync/sync-schedule";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, createCountingOcr, startSandboxWithClient } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let clinic: Id<"organization">;
const ocr = createCountingOcr();
const asOf = localDate("America/New_York", new Date());
const byEhrId = new Map<string, Id<"document">>();

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ sandbox, client } = await startSandboxWithClient());
  clinic = await createClinic(handle.db, "riverside-docs");
  const range = clinicDayRange("America/New_York", asOf);
  for (const practitionerId of Object.values(sandbox.practitioners)) {
    await syncSchedule({ db: handle.db, organizationId: clinic, client, fhirBaseUrl: sandbox.fhirBase, ...range, practitionerId });
  }
  for (const patient of await listPatients(handle.db, clinic)) {
    await syncPatient({ db: handle.db, organizationId: clinic, client, patientId: patient.id });
    for (const doc of await listPatientDocuments(handle.db, clinic, patient.id)) byEhrId.set(doc.ehrDocumentId, doc.id);
  }
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

const process = (documentId: Id<"document">, engine = ocr) => processDocument({ db: handle.db, organizationId: clinic, client, documentId, ocr: engine, asOf });
const docId = (ehrId: string) => byEhrId.get(ehrId)!;

describe("processDocument over the sandbox's documents", () => {
  it("ends every document in a terminal state; the corrupt one fails while the rest are read", async () => {
    expect(byEhrId.size).toBeGreaterThanOrEqual(12);
    const results = [];
    for (const id of byEhrId.values()) results.push(await process(id));
    expect(results.every((r) => r.state === "processed" || r.state === "failed")).toBe(true);
    const failed = results.filter((r) => r.state === "failed").map((r) => r.documentId);
    expect(failed).toEqual([docId("eSbxDoc.Jason.Corrupt")]);
    expect(await findDocument(handle.db, clinic, docId("eSbxDoc.Jason.Corrupt"))).toMatchObject({
      state: "failed", failureReason: "corrupt", contentType: "application/pdf", textEncrypted: null,
    });
    expect(ocr.calls).toBeGreaterThan(0);
  });

  it("stores text and title encrypted and classifies category and service date", async () => {
    const row = (await findDocument(handle.db, clinic, docId("eSbxDoc.Warren.Colonoscopy")))!;
    expect(row).toMatchObject({ state: "processed", category: "procedure", detectedType: "pdf", pages: 1, pageMethods: ["text-layer"] });
    expect(row.serviceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.textEncrypted).not.toContain("Colonoscopy");
    expect(getCipher().decrypt(row.textEncrypted!, syncAad.documentText(row.id))).toContain("Colonoscopy to the cecum");
    expect(getCipher().decrypt(row.titleEncrypted!, syncAad.documentTitle(row.id))).toBe("colonoscopy.pdf");
    expect(() => getCipher().decrypt(row.textEncrypted!, syncAad.documentText(docId("eSbxDoc.Jason.Corrupt")))).toThrow();
    // Epic's html+rtf pair: RTF ranks above HTML (pickBestContent).
    const note = (await findDocument(handle.db, clinic, docId("eSbxDoc.Derrick.Note1")))!;
    expect(note).toMatchObject({ contentType: "text/rtf", detectedType: "rtf", pageMethods: ["rtf"] });
    const undated = (await findDocument(handle.db, clinic, docId("eSbxDoc.Olivia.Undated")))!;
    expect(undated).toMatchObject({ state: "processed", serviceDate: null, dateSource: "none" });
  });

  it("does not extract the same bytes twice (DB-backed content-hash cache)", async () => {
    const scan = docId("eSbxDoc.Camila.LabScan");
    const callsBefore = ocr.calls;
    const hashesBefore = await handle.db.select().from(documentExtractions).where(eq(documentExtractions.organizationId, clinic));
    await updateDocument(handle.db, clinic, scan, { ehrVersion: "changed-metadata", state: "pending" });
    const again = await process(scan);
    expect(again).toMatchObject({ state: "processed", cached: true });
    expect(ocr.calls).toBe(callsBefore);
    const hashesAfter = await handle.db.select().from(documentExtractions).where(eq(documentExtractions.organizationId, clinic));
    expect(hashesAfter).toHaveLength(hashesBefore.length);
    for (const row of hashesAfter) expect(row.resultEncrypted).toMatch(/^hp1\./);
  });

  it("is idempotent: a processed document is not fetched again", async () => {
    const mark = sandbox.stats().fhirRequests;
    const result = await process(docId("eSbxDoc.Derrick.LabPdf"));
    expect(result.state).toBe("processed");
    expect(sandbox.stats().fhirRequests).toBe(mark);
  });

  it("keeps documents inside their clinic", async () => {
    const other = await createClinic(handle.db, "other-docs");
    const id = docId("eSbxDoc.Warren.Colonoscopy");
    expect(await findDocument(handle.db, other, id)).toBeNull();
    await expect(processDocument({ db: handle.db, organizationId: other, client, documentId: id, ocr, asOf })).rejects.toMatchObject({ code: "not_found" });
    const rows = await handle.db.select().from(patientDocuments).where(eq(patientDocuments.organizationId, other));
    expect(rows).toEqual([]);
  });

  it("reads the scanned mammogram with a real OCR engine", async () => {
    const engine = await selectOcrProvider("auto");
    try {
      const id = docId("eSbxDoc.Desiree.MammoScan");
      await updateDocument(handle.db, clinic, id, { state: "pending" });
      await handle.db.delete(documentExtractions).where(eq(documentExtractions.organizationId, clinic));
      const result = await process(id, engine as typeof ocr);
      expect(result.state).toBe("processed");
      const row = (await findDocument(handle.db, clinic, id))!;
      expect(row.pageMethods).toEqual(["ocr"]);
      expect(row.category).toBe("imaging");
      expect(getCipher().decrypt(row.textEncrypted!, syncAad.documentText(id)).toUpperCase()).toContain("MAMMOGR");
    } finally {
      await engine.close();
    }
  }, 120_000);
});
