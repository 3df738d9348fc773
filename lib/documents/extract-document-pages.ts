import {
  assembleExtraction,
  checkDocumentBytes,
  readTextPages,
  resolveExtractionLimits,
  toExtractionFailure,
  type PageText,
} from "./extract-document-text";
import { ExtractionError, type ExtractionFailure, type ExtractionLimits, type ExtractionResult } from "./extraction-result";
import { readImageFrames } from "./images/extract-image-pages";
import type { OcrProvider } from "./ocr/ocr-provider";
import { prepareOcrImage } from "./images/prepare-ocr-image";
import { runOcr, runOcrOnPrepared, type ReusablePreparedImage } from "./ocr/run-ocr";
import { planPdfPages } from "./pdf/extract-pdf-pages";
import { renderPdfPageToPng } from "./pdf/render-pdf-page";
import type { SupportedKind } from "./sniff-content-type";

/**
 * extractDocumentText taken apart for durable jobs: plan the pages (cheap, no OCR), read each page
 * that needs OCR on its own (one job step per page), then assemble. Put back together these give
 * the same result as extractDocumentText for the same bytes and limits.
 */
export type PlannedPage = { number: number; needsOcr: true } | (PageText & { needsOcr: false });
export type DocumentPagePlan = { ok: true; kind: SupportedKind; pages: PlannedPage[] };

/** Kinds whose pages can be read one by one. */
export type PagedKind = "pdf" | "png" | "jpeg" | "tiff";

/**
 * Which pages of the document need OCR, with the text of those that do not (PDF text layer, text
 * documents). Bad input ends as an ExtractionFailure, exactly as extractDocumentText would end it.
 */
export async function planDocumentPages(
  bytes: Uint8Array,
  options: { declaredContentType?: string | null; limits?: Partial<ExtractionLimits> } = {},
): Promise<DocumentPagePlan | ExtractionFailure> {
  const limits = resolveExtractionLimits(options.limits);
  const kind = checkDocumentBytes(bytes, limits, options.declaredContentType);
  if (typeof kind !== "string") return kind;
  try {
    switch (kind) {
      case "pdf": {
        const plans = await planPdfPages(bytes, limits.maxPages);
        const pages = plans.map((plan): PlannedPage =>
          plan.needsOcr
            ? { number: plan.number, needsOcr: true }
            : { number: plan.number, needsOcr: false, text: plan.text, method: "text-layer", confidence: 1 },
        );
        return { ok: true, kind, pages };
      }
      case "png":
      case "jpeg":
      case "tiff":
        return { ok: true, kind, pages: readImageFrames(bytes, kind, limits).map((_, i) => ({ number: i + 1, needsOcr: true })) };
      default:
        return { ok: true, kind, pages: readTextPages(bytes, kind).map((page) => ({ ...page, needsOcr: false })) };
    }
  } catch (error) {
    return toExtractionFailure(error, kind);
  }
}

/**
 * OCRs one page: a PDF page rendered at `limits.ocrDpi`, the image, or one TIFF frame. Throws
 * ExtractionError for a page that cannot be read (timeout, undecodable) and OcrFailedError when the
 * engine itself fails (worth a retry); `toExtractionFailure` turns the former into a failure.
 */
export async function readPageWithOcr(
  bytes: Uint8Array,
  kind: PagedKind,
  pageNumber: number,
  options: { limits?: Partial<ExtractionLimits>; ocr: OcrProvider },
): Promise<PageText> {
  const limits = resolveExtractionLimits(options.limits);
  const { image, dpi, label } = await cutPage(bytes, kind, pageNumber, limits);
  const result = await runOcr(options.ocr, image, { timeoutMs: limits.ocrTimeoutMs, ...(dpi ? { dpi } : {}), label });
  return { number: pageNumber, text: result.text, method: "ocr", confidence: result.confidence };
}

/** The page image before straightening: a PDF page rendered at `limits.ocrDpi`, or the image's frame. */
async function cutPage(bytes: Uint8Array, kind: PagedKind, pageNumber: number, limits: Required<ExtractionLimits>) {
  if (kind === "pdf") {
    const image = await renderPdfPageToPng(bytes, pageNumber, { dpi: limits.ocrDpi, maxPixels: limits.maxPixels });
    return { image, dpi: limits.ocrDpi, label: `page ${pageNumber}` };
  }
  const frames = readImageFrames(bytes, kind, limits);
  const frame = frames[pageNumber - 1];
  if (!frame) throw new ExtractionError("corrupt", `The image has no page ${pageNumber}.`);
  return { image: frame.bytes, dpi: undefined, label: frames.length === 1 ? "the image" : `image page ${pageNumber}` };
}

/** readPageWithOcr's first half: the page cut and straightened, ready for any engine (readPreparedPage). */
export async function preparePageForOcr(bytes: Uint8Array, kind: PagedKind, pageNumber: number, options: { limits?: Partial<ExtractionLimits> } = {}) {
  const limits = resolveExtractionLimits(options.limits);
  const { image, dpi, label } = await cutPage(bytes, kind, pageNumber, limits);
  return { prepared: await prepareOcrImage(image, dpi), label };
}

/** readPageWithOcr's second half, on a page preparePageForOcr made ready (the same page for each engine). */
export async function readPreparedPage(
  page: { prepared: ReusablePreparedImage; label: string },
  pageNumber: number,
  options: { limits?: Partial<ExtractionLimits>; ocr: OcrProvider },
): Promise<PageText> {
  const limits = resolveExtractionLimits(options.limits);
  const result = await runOcrOnPrepared(options.ocr, page.prepared, { timeoutMs: limits.ocrTimeoutMs, label: page.label });
  return { number: pageNumber, text: result.text, method: "ocr", confidence: result.confidence };
}

export function isPagedKind(kind: SupportedKind): kind is PagedKind {
  return kind === "pdf" || kind === "png" || kind === "jpeg" || kind === "tiff";
}

/** The document result from all its pages, in page order. */
export function assemblePages(pages: readonly PageText[], kind: SupportedKind): ExtractionResult {
  return assembleExtraction([...pages].sort((a, b) => a.number - b.number), kind);
}

export { toExtractionFailure };
