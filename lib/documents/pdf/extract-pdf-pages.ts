import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ExtractionError, type ExtractionLimits } from "../extraction-result";
import type { OcrProvider } from "../ocr/ocr-provider";
import { runOcr } from "../ocr/run-ocr";
import { measureImageCoverage } from "./measure-image-coverage";
import { decideNeedsOcr, readTextLayer } from "./read-text-layer";
import { renderPageToPng } from "./render-pdf-page";
import { withPdfDocument } from "./with-pdf-document";

export type PdfPageText = { number: number; text: string; method: "text-layer" | "ocr"; confidence: number };
export type PdfPagePlan = { number: number; text: string; needsOcr: boolean };

/** Pages OCR'd at once per document: keeps two engines busy without holding many bitmaps. */
const ocrPagesInFlight = 2;

function checkPageCount(doc: PDFDocumentProxy, maxPages: number) {
  if (doc.numPages > maxPages) {
    throw new ExtractionError("too_many_pages", `The PDF has ${doc.numPages} pages; the limit is ${maxPages}.`);
  }
}

async function planPages(doc: PDFDocumentProxy, maxPages: number): Promise<PdfPagePlan[]> {
  checkPageCount(doc, maxPages);
  const plans: PdfPagePlan[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const text = await readTextLayer(page);
    // The operator list is only worth walking when the text layer is thin.
    const coverage = decideNeedsOcr(text, 0) ? 1 : decideNeedsOcr(text, 1) ? await measureImageCoverage(page) : 0;
    plans.push({ number, text, needsOcr: decideNeedsOcr(text, coverage) });
    page.cleanup();
  }
  return plans;
}

/** Text layer per page and which pages need OCR; the seam for one job step per OCR page. */
export function planPdfPages(bytes: Uint8Array, maxPages: number): Promise<PdfPagePlan[]> {
  return withPdfDocument(bytes, (doc) => planPages(doc, maxPages));
}

/**
 * Reads every page: the text layer where it is usable, otherwise the page rendered at
 * `limits.ocrDpi` and OCR'd. A page with a good text layer is never OCR'd.
 */
export function extractPdfPages(bytes: Uint8Array, limits: Required<ExtractionLimits>, ocr: OcrProvider): Promise<PdfPageText[]> {
  return withPdfDocument(bytes, async (doc) => {
    const plans = await planPages(doc, limits.maxPages);
    const results: Promise<PdfPageText>[] = [];
    const inFlight = new Set<Promise<unknown>>();
    let failure: unknown;
    for (const plan of plans) {
      if (failure) throw failure; // one failed page fails the document: stop rendering more
      if (!plan.needsOcr) {
        results.push(Promise.resolve({ number: plan.number, text: plan.text, method: "text-layer", confidence: 1 }));
        continue;
      }
      while (inFlight.size >= ocrPagesInFlight) await Promise.race(inFlight).catch(() => {});
      const page = await doc.getPage(plan.number);
      const png = await renderPageToPng(page, { dpi: limits.ocrDpi, maxPixels: limits.maxPixels }).finally(() => page.cleanup());
      const label = `page ${plan.number}`;
      const result = runOcr(ocr, png, { timeoutMs: limits.ocrTimeoutMs, dpi: limits.ocrDpi, label }).then(
        (ocrResult): PdfPageText => ({ number: plan.number, text: ocrResult.text, method: "ocr", confidence: ocrResult.confidence }),
      );
      result.catch((error: unknown) => (failure ??= error));
      const tracked = result.finally(() => inFlight.delete(tracked));
      tracked.catch(() => {});
      inFlight.add(tracked);
      results.push(result);
    }
    return Promise.all(results);
  });
}
