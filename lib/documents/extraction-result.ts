import type { DocumentKind } from "./sniff-content-type";

export type PageMethod = "text-layer" | "ocr" | "plain" | "html" | "rtf";

export type ExtractedPage = {
  number: number;
  method: PageMethod;
  /** 0–1: OCR engine confidence; 1 for text that was read, not recognised. */
  confidence: number;
  chars: number;
};

export const failureReasons = [
  "encrypted",
  "corrupt",
  "unsupported_type",
  "too_large",
  "too_many_pages",
  "ocr_timeout",
  "empty",
] as const;
export type FailureReason = (typeof failureReasons)[number];

export type ExtractionSuccess = {
  ok: true;
  text: string;
  pages: ExtractedPage[];
  /** 0–1, character-weighted page confidence; the UI flags low values for review. */
  quality: number;
  detectedType: DocumentKind;
};

export type ExtractionFailure = {
  ok: false;
  reason: FailureReason;
  /** For people and logs: says what went wrong, never contains document text. */
  message: string;
  detectedType?: DocumentKind;
};

export type ExtractionResult = ExtractionSuccess | ExtractionFailure;

export type ExtractionLimits = {
  maxBytes: number;
  maxPages: number;
  /** Per OCR call (one page or image frame); a slower page fails the document with ocr_timeout. */
  ocrTimeoutMs: number;
  /** Resolution PDF pages are rendered at before OCR (200–300 is the useful range). */
  ocrDpi: number;
  /** Decoded pixels per page or image; guards memory against decompression bombs. */
  maxPixels?: number;
};

export const defaultExtractionLimits: Required<ExtractionLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 200,
  ocrTimeoutMs: 60_000,
  ocrDpi: 200,
  maxPixels: 60_000_000,
};

/** Failure reasons that depend only on the bytes, so a cached failure stays true. */
export const cacheableFailureReasons: ReadonlySet<FailureReason> = new Set(["encrypted", "corrupt", "unsupported_type", "empty"]);

export class ExtractionError extends Error {
  readonly reason: FailureReason;
  constructor(reason: FailureReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExtractionError";
    this.reason = reason;
  }
}

export function failExtraction(reason: FailureReason, message: string, detectedType?: DocumentKind): ExtractionFailure {
  return detectedType === undefined ? { ok: false, reason, message } : { ok: false, reason, message, detectedType };
}
