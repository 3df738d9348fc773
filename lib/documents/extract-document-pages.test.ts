import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assemblePages, isPagedKind, planDocumentPages, readPageWithOcr, toExtractionFailure } from "./extract-document-pages";
import { extractDocumentText, type PageText } from "./extract-document-text";
import type { ExtractionLimits, ExtractionResult } from "./extraction-result";
import type { OcrProvider } from "./ocr/ocr-provider";

/**
 * The page-by-page path (plan → one OCR call per page → assemble), which the process-document job
 * runs as separate steps, must give exactly what extractDocumentText gives for the same bytes.
 * A deterministic OCR stand-in (text derived from the image bytes) makes the comparison exact.
 */
const dir = path.join(process.cwd(), "tests/fixtures/documents");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const limits: ExtractionLimits = { maxBytes: 5_000_000, maxPages: 20, ocrTimeoutMs: 30_000, ocrDpi: 100 };

const stubOcr: OcrProvider & { calls: number } = {
  name: "tesseract-js",
  calls: 0,
  async recognize(image) {
    stubOcr.calls++;
    let sum = 0;
    for (let i = 0; i < image.length; i += 997) sum = (sum + (image[i] ?? 0)) % 100_000;
    return { text: `Recognised page text ${image.length} ${sum}`, confidence: 0.87 };
  },
  async close() {},
};

async function extractByPages(bytes: Uint8Array): Promise<{ result: ExtractionResult; ocrPages: number[] }> {
  const plan = await planDocumentPages(bytes, { limits });
  if (!plan.ok) return { result: plan, ocrPages: [] };
  const pages: PageText[] = [];
  const ocrPages: number[] = [];
  for (const page of plan.pages) {
    if (!page.needsOcr) {
      pages.push(page);
      continue;
    }
    if (!isPagedKind(plan.kind)) throw new Error("OCR planned for a text kind");
    ocrPages.push(page.number);
    try {
      pages.push(await readPageWithOcr(bytes, plan.kind, page.number, { limits, ocr: stubOcr }));
    } catch (error) {
      return { result: toExtractionFailure(error, plan.kind), ocrPages };
    }
  }
  return { result: assemblePages(pages, plan.kind), ocrPages };
}

describe("page-by-page extraction equals extractDocumentText", () => {
  const cases = [
    "lab-text-layer.pdf",
    "colonoscopy-scanned.pdf",
    "mammogram.png",
    "pathology.jpg",
    "discharge-fax.tif",
    "consult-note.rtf",
    "discharge-summary.html",
    "visit-note.txt",
    "corrupt.pdf",
    "encrypted.pdf",
  ];
  it.each(cases)("%s", async (name) => {
    const bytes = fixture(name);
    const whole = await extractDocumentText(bytes, { limits, ocr: stubOcr });
    const paged = await extractByPages(bytes);
    expect(paged.result).toEqual(whole);
    if (whole.ok) expect(paged.ocrPages).toEqual(whole.pages.filter((p) => p.method === "ocr").map((p) => p.number));
  });

  it("refuses too many pages and too-large input before reading any page", async () => {
    stubOcr.calls = 0;
    expect(await planDocumentPages(fixture("discharge-fax.tif"), { limits: { ...limits, maxPages: 1 } })).toMatchObject({ ok: false, reason: "too_many_pages" });
    expect(await planDocumentPages(fixture("lab-text-layer.pdf"), { limits: { ...limits, maxBytes: 10 } })).toMatchObject({ ok: false, reason: "too_large" });
    expect(await planDocumentPages(new Uint8Array(), { limits })).toMatchObject({ ok: false, reason: "empty" });
    expect(stubOcr.calls).toBe(0);
  });
});
