import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { createCanvas } from "@napi-rs/canvas";
import type { DocumentReference } from "@medplum/fhirtypes";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { findDocument, recordDocumentInLog } from "@/db/queries/documents";
import { documentExtractions, documentPageTexts, patients } from "@/db/schema";
import { createJobs } from "@/inngest/functions";
import type { JobDeps } from "@/inngest/job-deps";
import { toInngestFunction } from "@/inngest/to-inngest-function";
import { getCipher } from "@/lib/crypto";
import { OcrFailedError, type OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { createId, type Id } from "@/lib/ids";
import { documentProcessRequested } from "@/lib/jobs/events";
import { syncAad } from "@/lib/sync/sync-aad";
import { createTestDatabase } from "../setup/test-db";
import { createClinic } from "./sync-test-helpers";

/**
 * process-document as one Inngest step per OCR page (@inngest/test, no dev server): a 3-page scan
 * runs plan → ocr-page-1..3 → finish; a retry after a failed page resumes after the pages already
 * read; text-layer pages never get a step; no step output holds document text.
 */
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let organizationId: Id<"organization">;
let patientId: Id<"patient">;
const fhirBaseUrl = "https://fhir.example.test/api/FHIR/R4";
const resources = new Map<string, DocumentReference>();
let fhirReads = 0;
let ocr: OcrProvider & { calls: number };

const client = {
  async read(_type: string, id: string) {
    fhirReads += 1;
    const resource = resources.get(id);
    if (!resource) throw new Error(`no ${id}`);
    return resource;
  },
} as unknown as FhirClient;

const deps: JobDeps = {
  context: async () => ({ db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl }), getOcr: async () => ocr, now: () => new Date() }),
};

/** OCR that answers with a recognisable page text, and can fail like a crashed engine on chosen calls. */
function createStubOcr(failOnCalls: number[] = []) {
  const provider = {
    name: "tesseract-js" as const,
    calls: 0,
    async recognize() {
      provider.calls += 1;
      if (failOnCalls.includes(provider.calls)) throw new OcrFailedError("engine crashed", "engine");
      return { text: `Scanned colonoscopy findings, part ${provider.calls}. Procedure date 2024-03-02.`, confidence: 0.9 };
    },
    async close() {},
  };
  return provider;
}

/** A small image-only page (no text layer), like a fax page. */
async function scanPng(label: string) {
  const canvas = createCanvas(300, 120);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, 300, 120);
  ctx.fillStyle = "#000";
  ctx.font = "20px sans-serif";
  ctx.fillText(label, 10, 60);
  return canvas.encode("png");
}

/**
 * Pages `"text"` carry a real text layer; `"scan"` pages are images only. Small pages keep rendering
 * fast. `tag` makes the bytes unique: identical bytes would (rightly) hit the extraction cache.
 */
async function makePdf(tag: string, layout: ("text" | "scan")[]) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const [i, kind] of layout.entries()) {
    const page = pdf.addPage([216, 144]);
    if (kind === "text") {
      page.drawText(`Cover letter page ${i + 1}: referral for colonoscopy`, { x: 10, y: 100, size: 7, font });
      page.drawText("Average risk screening, see attached reports.", { x: 10, y: 88, size: 7, font });
    } else {
      page.drawImage(await pdf.embedPng(await scanPng(`${tag} scan ${i + 1}`)), { x: 0, y: 0, width: 216, height: 144 });
    }
  }
  return pdf.save();
}

async function addDocument(ehrDocumentId: string, bytes: Uint8Array): Promise<Id<"document">> {
  resources.set(ehrDocumentId, {
    resourceType: "DocumentReference",
    id: ehrDocumentId,
    status: "current",
    type: { text: "Outside colonoscopy report" },
    content: [{ attachment: { contentType: "application/pdf", data: Buffer.from(bytes).toString("base64"), title: "outside-report.pdf" } }],
  });
  const row = await recordDocumentInLog(handle.db, organizationId, { patientId, fhirBaseUrl, ehrDocumentId, ehrVersion: "1", origin: "ehr" });
  return row.id;
}

const processDocumentFunction = () => toInngestFunction(createJobs(deps).find((job) => job.id === "process-document")!);
const eventFor = (documentId: Id<"document">) => documentProcessRequested.create({ organizationId, documentId, requestId: createId("job") });

type MockedStep = { id: string; idIsHashed: boolean; handler: () => unknown };

/** One execution in a fresh engine (reused engines return stale results); `memoized` = Inngest's stored step state. */
async function execute(event: ReturnType<typeof eventFor>, memoized: MockedStep[] = []) {
  // Mock every sendEvent (an un-mocked one really sends): a processed document requests screening.
  const engine = new InngestTestEngine({ function: processDocumentFunction(), steps: [...memoized, { id: "request-screening", idIsHashed: false, handler: () => ({ ids: [] }) }] });
  const output = await engine.execute({ events: [event] });
  const { result, ctx, state } = output;
  const error = (output as { error?: unknown }).error;
  // The document's own steps (later steps, e.g. screening the patient again, belong to other features).
  const stepIds = (ctx.step.run.mock.calls as unknown[][]).map((call) => String(call[0])).filter((id) => /^(plan-document|ocr-page-\d+|finish-document)$/.test(id));
  // What Inngest would have stored: every step that completed, by hashed id.
  const completed: MockedStep[] = [];
  const outputs: unknown[] = [];
  for (const [id, promise] of Object.entries(state)) {
    const settled = await Promise.resolve(promise).then(
      (value) => ({ ok: true as const, value }),
      () => ({ ok: false as const }),
    );
    if (settled.ok) {
      completed.push({ id, idIsHashed: true, handler: () => settled.value });
      outputs.push(settled.value);
    }
  }
  return { result: result as unknown, error, stepIds, completed, outputs };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  organizationId = await createClinic(handle.db, "paged-ocr-clinic");
  patientId = createId("patient");
  await handle.db.insert(patients).values({ id: patientId, organizationId, fhirBaseUrl, ehrPatientId: "ePagedPatient1" });
});
afterAll(async () => {
  await handle?.close();
});

describe("process-document: one Inngest step per OCR page", () => {
  it("runs a 3-page scanned PDF as plan → 3 OCR steps → finish; outputs carry no text", async () => {
    ocr = createStubOcr();
    const documentId = await addDocument("eScan3", await makePdf("eScan3", ["scan", "scan", "scan"]));
    const run = await execute(eventFor(documentId));

    expect(run.stepIds).toEqual(["plan-document", "ocr-page-1", "ocr-page-2", "ocr-page-3", "finish-document"]);
    expect(ocr.calls).toBe(3);
    expect(run.result).toMatchObject({ documentId, state: "processed", pages: 3, cached: false });
    const row = (await findDocument(handle.db, organizationId, documentId))!;
    expect(row).toMatchObject({ state: "processed", pages: 3, pageMethods: ["ocr", "ocr", "ocr"], detectedType: "pdf", category: "procedure" });
    expect(row.confidence).toBeCloseTo(0.9);
    const text = getCipher().decrypt(row.textEncrypted!, syncAad.documentText(documentId));
    for (const part of [1, 2, 3]) expect(text).toContain(`part ${part}.`);
    // Each OCR'd page's span in the text and its confidence, for screening to judge a mention by its page.
    expect(row.ocrPages?.map((p) => [p.page, p.confidence])).toEqual([[1, 0.9], [2, 0.9], [3, 0.9]]);
    for (const span of row.ocrPages!) expect(text.slice(span.start, span.end)).toMatch(new RegExp(`part ${span.page}\\.`));
    // Partial pages are gone once the document is done; the full result is cached by content hash.
    expect(await handle.db.select().from(documentPageTexts).where(eq(documentPageTexts.documentId, documentId))).toEqual([]);
    expect(await handle.db.select().from(documentExtractions).where(and(eq(documentExtractions.organizationId, organizationId), eq(documentExtractions.contentHash, row.contentHash!)))).toHaveLength(1);
    // Step outputs: ids, counts, confidence — never the text.
    const outputs = JSON.stringify(run.outputs);
    expect(outputs).toContain('"confidence":0.9');
    expect(outputs).not.toMatch(/colonoscopy|Scanned|2024-03-02/i);
  });

  it("a retry after a failed page resumes after the pages already read", async () => {
    ocr = createStubOcr([2]); // the engine crashes on page 2's first attempt
    const documentId = await addDocument("eScan3Retry", await makePdf("eScan3Retry", ["scan", "scan", "scan"]));
    const event = eventFor(documentId);

    const first = await execute(event);
    expect(first.stepIds).toEqual(["plan-document", "ocr-page-1", "ocr-page-2"]);
    expect(first.result).toBeUndefined();
    expect(JSON.stringify(first.error)).toMatch(/engine crashed/);
    expect(ocr.calls).toBe(2);
    expect((await findDocument(handle.db, organizationId, documentId))!.state).toBe("processing");
    const stored = await handle.db.select().from(documentPageTexts).where(eq(documentPageTexts.documentId, documentId));
    expect(stored.map((r) => r.pageNumber)).toEqual([1]);
    expect(stored[0]!.textEncrypted).not.toContain("Scanned");

    // Inngest retries with the completed steps memoised: plan and page 1 are not run again.
    const readsBefore = fhirReads;
    const retry = await execute(event, first.completed);
    expect(ocr.calls).toBe(4); // pages 2 and 3 only
    expect(retry.result).toMatchObject({ documentId, state: "processed", pages: 3 });
    const row = (await findDocument(handle.db, organizationId, documentId))!;
    expect(row).toMatchObject({ state: "processed", pages: 3, pageMethods: ["ocr", "ocr", "ocr"], attempts: 1 });
    const text = getCipher().decrypt(row.textEncrypted!, syncAad.documentText(documentId));
    expect(text).toContain("part 1.");
    expect(text).toContain("part 4.");
    // No new download of the bytes in this process (kept from the plan); one read of the reference to finish.
    expect(fhirReads - readsBefore).toBe(1);
  });

  it("a page whose output was lost after it was stored is not OCR'd again", async () => {
    ocr = createStubOcr([2]);
    const documentId = await addDocument("eScan3Lost", await makePdf("eScan3Lost", ["scan", "scan", "scan"]));
    const event = eventFor(documentId);
    const first = await execute(event);
    expect(ocr.calls).toBe(2);
    // Only the plan's output survived (the process died before page 1's result was recorded).
    const planOnly = first.completed.filter((step) => JSON.stringify(step.handler()).includes('"plan"'));
    expect(planOnly).toHaveLength(1);
    const retry = await execute(event, planOnly);
    expect(retry.stepIds).toEqual(["plan-document", "ocr-page-1", "ocr-page-2", "ocr-page-3", "finish-document"]);
    expect(ocr.calls).toBe(4);
    expect(JSON.stringify(retry.outputs)).toContain('"page":1,"confidence":0.9');
    expect(JSON.stringify(retry.outputs)).toMatch(/"page":1,[^}]*"resumed":true/);
    expect(retry.result).toMatchObject({ state: "processed", pages: 3 });
  });

  it("gives text-layer pages no OCR step, and a text-only PDF finishes in the plan step", async () => {
    ocr = createStubOcr();
    const mixed = await addDocument("eMixed", await makePdf("eMixed", ["text", "scan", "scan"]));
    const run = await execute(eventFor(mixed));
    expect(run.stepIds).toEqual(["plan-document", "ocr-page-2", "ocr-page-3", "finish-document"]);
    expect(ocr.calls).toBe(2);
    const row = (await findDocument(handle.db, organizationId, mixed))!;
    expect(row).toMatchObject({ state: "processed", pages: 3, pageMethods: ["text-layer", "ocr", "ocr"] });
    expect(getCipher().decrypt(row.textEncrypted!, syncAad.documentText(mixed))).toContain("Cover letter page 1");

    const textOnly = await addDocument("eTextOnly", await makePdf("eTextOnly", ["text", "text"]));
    const single = await execute(eventFor(textOnly));
    expect(single.stepIds).toEqual(["plan-document"]);
    expect(ocr.calls).toBe(2);
    expect((await findDocument(handle.db, organizationId, textOnly))!).toMatchObject({ state: "processed", pageMethods: ["text-layer", "text-layer"] });
  });

  it("a page that cannot be read fails the document with a reason and stops the remaining pages", async () => {
    const provider = createStubOcr();
    ocr = {
      ...provider,
      async recognize() {
        if (provider.calls === 1) {
          provider.calls += 1;
          throw new OcrFailedError("bad image", "unreadable_image");
        }
        return provider.recognize();
      },
    };
    const documentId = await addDocument("eScanBadPage", await makePdf("eScanBadPage", ["scan", "scan", "scan"]));
    const run = await execute(eventFor(documentId));
    expect(run.stepIds).toEqual(["plan-document", "ocr-page-1", "ocr-page-2"]);
    expect(run.result).toMatchObject({ documentId, state: "failed", reason: "corrupt" });
    expect((await findDocument(handle.db, organizationId, documentId))!).toMatchObject({ state: "failed", failureReason: "corrupt", textEncrypted: null });
    expect(await handle.db.select().from(documentPageTexts).where(eq(documentPageTexts.documentId, documentId))).toEqual([]);
  });
});
