import { decodeText, normalizeExtractedText } from "./decode-text";
import { describeUnsupportedType } from "./describe-unsupported-type";
import {
  ExtractionError,
  defaultExtractionLimits,
  failExtraction,
  type ExtractedPage,
  type ExtractionFailure,
  type ExtractionLimits,
  type ExtractionResult,
  type PageMethod,
} from "./extraction-result";
import { convertHtmlToText } from "./html-to-text";
import { extractImagePages } from "./images/extract-image-pages";
import { OcrFailedError, type OcrProvider } from "./ocr/ocr-provider";
import { extractPdfPages } from "./pdf/extract-pdf-pages";
import { countMeaningfulChars } from "./pdf/read-text-layer";
import { convertRtfToText } from "./rtf-to-text";
import { isSupportedKind, sniffContentType, type SupportedKind } from "./sniff-content-type";

export type ExtractDocumentTextOptions = {
  /** What the EHR said the type is; only used to explain a failure, never to choose a reader. */
  declaredContentType?: string | null;
  limits?: Partial<ExtractionLimits>;
  ocr: OcrProvider;
};

export type PageText = { number: number; text: string; method: PageMethod; confidence: number };

async function readPages(bytes: Uint8Array, kind: SupportedKind, limits: Required<ExtractionLimits>, ocr: OcrProvider): Promise<PageText[]> {
  switch (kind) {
    case "pdf":
      return extractPdfPages(bytes, limits, ocr);
    case "png":
    case "jpeg":
    case "tiff":
      return (await extractImagePages(bytes, kind, limits, ocr)).map((page) => ({ ...page, method: "ocr" }));
    case "html":
    case "rtf":
    case "text":
      return readTextPages(bytes, kind);
  }
}

/** Documents that are text already (no OCR): one page. */
export function readTextPages(bytes: Uint8Array, kind: "html" | "rtf" | "text"): PageText[] {
  switch (kind) {
    case "html":
      return [{ number: 1, text: convertHtmlToText(decodeText(bytes)), method: "html", confidence: 1 }];
    case "rtf":
      return [{ number: 1, text: convertRtfToText(decodeText(bytes)), method: "rtf", confidence: 1 }];
    case "text":
      return [{ number: 1, text: decodeText(bytes), method: "plain", confidence: 1 }];
  }
}

/** Character-weighted confidence, so a near-empty page does not drag down a long good document. */
export function scoreQuality(pages: readonly ExtractedPage[]): number {
  const weight = (page: ExtractedPage) => Math.max(page.chars, 1);
  const total = pages.reduce((sum, page) => sum + weight(page), 0);
  if (total === 0) return 0;
  return Math.round((pages.reduce((sum, page) => sum + page.confidence * weight(page), 0) / total) * 1000) / 1000;
}

/** The configured limits with defaults filled in and the OCR resolution kept to a useful range. */
export function resolveExtractionLimits(limits?: Partial<ExtractionLimits>): Required<ExtractionLimits> {
  const merged = { ...defaultExtractionLimits, ...limits };
  // Outside 72–600 dpi OCR is either unreadable or needlessly slow; a bad setting must not fail documents.
  return { ...merged, ocrDpi: Math.min(600, Math.max(72, merged.ocrDpi || defaultExtractionLimits.ocrDpi)) };
}

/** Size and type checks before any parser runs: the kind to read, or why the bytes are refused. */
export function checkDocumentBytes(bytes: Uint8Array, limits: Required<ExtractionLimits>, declaredContentType?: string | null): SupportedKind | ExtractionFailure {
  if (bytes.length > limits.maxBytes) {
    return failExtraction("too_large", `The document is ${bytes.length} bytes; the limit is ${limits.maxBytes} bytes.`);
  }
  const kind = sniffContentType(bytes);
  if (kind === "empty") return failExtraction("empty", "The document has no content (0 bytes).", kind);
  if (!isSupportedKind(kind)) return failExtraction("unsupported_type", describeUnsupportedType(kind, declaredContentType), kind);
  return kind;
}

/** Joins read pages into the document result: normalised text, per-page methods and confidence, quality. */
export function assembleExtraction(pageTexts: readonly PageText[], kind: SupportedKind): ExtractionResult {
  const texts = pageTexts.map((page) => normalizeExtractedText(page.text));
  const pages = pageTexts.map((page, i): ExtractedPage => ({
    number: page.number,
    method: page.method,
    confidence: Math.round(page.confidence * 1000) / 1000,
    chars: texts[i]?.length ?? 0,
  }));
  const text = texts.filter((t) => t.length > 0).join("\n\n");
  if (countMeaningfulChars(text) === 0) return failExtraction("empty", "No text was found in the document.", kind);
  return { ok: true, text, pages, quality: scoreQuality(pages), detectedType: kind };
}

/** What a reader's exception means for the document; an OCR engine that cannot run is rethrown (retry). */
export function toExtractionFailure(error: unknown, kind: SupportedKind): ExtractionFailure {
  if (error instanceof ExtractionError) return failExtraction(error.reason, error.message, kind);
  if (error instanceof OcrFailedError && error.kind === "engine") throw error;
  // Anything else a parser throws on hostile input still ends the document, without its details.
  return failExtraction("corrupt", `The ${kind.toUpperCase()} document could not be read.`, kind);
}

/**
 * Reads the text of one document whatever its real type. Bad input never throws: it ends in
 * `{ ok: false, reason }`. Only an OCR engine that cannot run throws, so the job can be retried.
 */
export async function extractDocumentText(bytes: Uint8Array, options: ExtractDocumentTextOptions): Promise<ExtractionResult> {
  const limits = resolveExtractionLimits(options.limits);
  const kind = checkDocumentBytes(bytes, limits, options.declaredContentType);
  if (typeof kind !== "string") return kind;
  try {
    return assembleExtraction(await readPages(bytes, kind, limits, options.ocr), kind);
  } catch (error) {
    return toExtractionFailure(error, kind);
  }
}
