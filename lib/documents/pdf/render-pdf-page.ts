import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ExtractionError } from "../extraction-result";
import { withPdfDocument } from "./with-pdf-document";

export type RenderOptions = { dpi: number; maxPixels: number };

/**
 * Renders one page to a white-background PNG for OCR. The resolution drops below `dpi` when the
 * page is so large that the bitmap would exceed `maxPixels` (posters, corrupt MediaBoxes).
 */
export async function renderPageToPng(page: PDFPageProxy, options: RenderOptions): Promise<Uint8Array> {
  const base = page.getViewport({ scale: options.dpi / 72 });
  const pixels = base.width * base.height;
  if (!Number.isFinite(pixels) || pixels <= 0) throw new ExtractionError("corrupt", "A PDF page has no size.");
  const scale = pixels > options.maxPixels ? (options.dpi / 72) * Math.sqrt(options.maxPixels / pixels) : options.dpi / 72;
  const viewport = page.getViewport({ scale });
  // pdf.js loads @napi-rs/canvas itself on Node; using the same (deduped) copy avoids heap corruption.
  const { createCanvas } = await import("@napi-rs/canvas");
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
  return new Uint8Array(await canvas.encode("png"));
}

/** Opens the PDF and renders one page; the seam for running each OCR page as its own job step. */
export function renderPdfPageToPng(bytes: Uint8Array, pageNumber: number, options: RenderOptions): Promise<Uint8Array> {
  return withPdfDocument(bytes, async (doc) => {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
      throw new ExtractionError("corrupt", `The PDF has no page ${pageNumber}.`);
    }
    const page = await doc.getPage(pageNumber);
    try {
      return await renderPageToPng(page, options);
    } finally {
      page.cleanup();
    }
  });
}
