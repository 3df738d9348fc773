import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocumentText } from "./extract-document-text";
import type { ExtractionLimits, ExtractionResult } from "./extraction-result";
import type { OcrProvider } from "./ocr/ocr-provider";
import { createTesseractJsProvider } from "./ocr/providers/tesseract-js";
import { measureWordAccuracy } from "./word-accuracy";

const dir = path.join(process.cwd(), "tests/fixtures/documents");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const truth = (name: string) => readFileSync(path.join(dir, `${name.replace(/\.[^.]+$/, "")}.gt.txt`), "utf8");
const limits: ExtractionLimits = { maxBytes: 5_000_000, maxPages: 20, ocrTimeoutMs: 30_000, ocrDpi: 200 };

let tesseract: OcrProvider;
let ocrCalls = 0;
const countingOcr: OcrProvider = {
  name: "tesseract-js",
  recognize: (image, opts) => {
    ocrCalls++;
    return tesseract.recognize(image, opts);
  },
  close: async () => {},
};

beforeAll(() => {
  tesseract = createTesseractJsProvider({ poolSize: 2 });
});
afterAll(async () => {
  await tesseract.close();
});

const extract = (bytes: Uint8Array, overrides: Partial<ExtractionLimits> = {}) =>
  extractDocumentText(bytes, { ocr: countingOcr, limits: { ...limits, ...overrides } });

function expectOk(result: ExtractionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.reason}: ${result.message}`);
  return result;
}

describe("extractDocumentText on fixtures", () => {
  it("reads a text-layer PDF without OCR", async () => {
    ocrCalls = 0;
    const result = expectOk(await extract(fixture("lab-text-layer.pdf")));
    expect(ocrCalls).toBe(0);
    expect(result.pages.map((p) => p.method)).toEqual(["text-layer", "text-layer"]);
    expect(result.quality).toBe(1);
    expect(measureWordAccuracy(truth("lab-text-layer.pdf"), result.text)).toBeGreaterThanOrEqual(0.98);
  });

  it("reads a PDF that only needs the owner password like any other", async () => {
    const result = expectOk(await extract(fixture("owner-locked.pdf")));
    expect(measureWordAccuracy(truth("owner-locked.pdf"), result.text)).toBeGreaterThanOrEqual(0.98);
  });

  it("OCRs a scanned PDF page (the colonoscopy report)", async () => {
    const result = expectOk(await extract(fixture("colonoscopy-scanned.pdf")));
    expect(result.pages).toEqual([expect.objectContaining({ number: 1, method: "ocr" })]);
    expect(result.pages[0]?.confidence).toBeGreaterThan(0.8);
    expect(result.text).toMatch(/colonoscopy/i);
    expect(measureWordAccuracy(truth("colonoscopy-scanned.pdf"), result.text)).toBeGreaterThanOrEqual(0.9);
  });

  it.each(["mammogram.png", "pathology.jpg", "discharge-fax.tif", "consult-fax-be.tif", "mammogram-lzw.tif", "mammogram-g4.tif"])(
    "OCRs %s",
    async (name) => {
      const result = expectOk(await extract(fixture(name)));
      expect(result.pages.every((p) => p.method === "ocr")).toBe(true);
      expect(measureWordAccuracy(truth(name), result.text)).toBeGreaterThanOrEqual(0.9);
    },
  );

  it("OCRs every page of a multi-page TIFF", async () => {
    const result = expectOk(await extract(fixture("discharge-fax.tif")));
    expect(result.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(result.text).toMatch(/pneumonia/);
  });

  it.each([
    ["consult-note.rtf", "rtf"],
    ["discharge-summary.html", "html"],
    ["visit-note.txt", "plain"],
  ])("reads %s as %s", async (name, method) => {
    const result = expectOk(await extract(fixture(name)));
    expect(result.pages).toEqual([expect.objectContaining({ method, confidence: 1 })]);
    expect(result.text).toBe(truth(name).trimEnd());
  });

  it("OCRs only the scanned page of a mixed PDF, including a scan under a thin fax header", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([612, 792]).drawText("Cover letter: results of the colonoscopy are attached below.", { x: 50, y: 700, size: 12, font });
    const scan = await PDFDocument.load(fixture("colonoscopy-scanned.pdf"));
    const [embedded] = await doc.embedPages([scan.getPage(0)]);
    const page = doc.addPage([612, 792]);
    if (embedded) page.drawPage(embedded);
    page.drawText("FAX from Valley GI  Page 2/2", { x: 20, y: 780, size: 8, font });
    ocrCalls = 0;
    const result = expectOk(await extract(await doc.save()));
    expect(result.pages.map((p) => p.method)).toEqual(["text-layer", "ocr"]);
    expect(ocrCalls).toBe(1);
    expect(result.text).toMatch(/sigmoid colon/);
  });
});

describe("extractDocumentText failures", () => {
  it.each([
    ["encrypted.pdf", "encrypted"],
    ["corrupt.pdf", "corrupt"],
  ])("%s → %s", async (name, reason) => {
    const result = await extract(fixture(name));
    expect(result).toMatchObject({ ok: false, reason, detectedType: "pdf" });
  });

  it("enforces byte and page limits", async () => {
    expect(await extract(fixture("lab-text-layer.pdf"), { maxBytes: 100 })).toMatchObject({ ok: false, reason: "too_large" });
    expect(await extract(fixture("lab-text-layer.pdf"), { maxPages: 1 })).toMatchObject({ ok: false, reason: "too_many_pages" });
    expect(await extract(fixture("discharge-fax.tif"), { maxPages: 1 })).toMatchObject({ ok: false, reason: "too_many_pages" });
    expect(await extract(fixture("mammogram.png"), { maxPixels: 1000 })).toMatchObject({ ok: false, reason: "too_large" });
  });

  it("fails a page that OCRs too slowly with ocr_timeout, and the pool recovers", async () => {
    const slow = createTesseractJsProvider({ poolSize: 1 });
    try {
      const result = await extractDocumentText(fixture("colonoscopy-scanned.pdf"), { ocr: slow, limits: { ...limits, ocrTimeoutMs: 5 } });
      expect(result).toMatchObject({ ok: false, reason: "ocr_timeout" });
      expect(result.ok ? "" : result.message).toMatch(/page 1/);
      const after = expectOk(await extractDocumentText(fixture("mammogram.png"), { ocr: slow, limits }));
      expect(after.text).toMatch(/MAMMOGRAM/);
    } finally {
      await slow.close();
    }
  });

  it("keeps going when one document of a batch is bad", async () => {
    const batch = ["corrupt.pdf", "lab-text-layer.pdf", "encrypted.pdf", "mammogram.png", "consult-note.rtf"].map((name) => extract(fixture(name)));
    const results = await Promise.all(batch);
    expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["corrupt", "ok", "encrypted", "ok", "ok"]);
  });
});
