import { z } from "zod";

export type OcrProviderName = "tesseract-js" | "tesseract-native";

export type OcrWord = { text: string; confidence: number };

export type OcrResult = {
  text: string;
  /** 0–1 mean word confidence as reported by the engine. */
  confidence: number;
  words?: OcrWord[];
};

export type RecognizeOptions = {
  /** Abort the page after this long; the provider frees the engine and throws OcrTimeoutError. */
  timeoutMs?: number;
  /** Resolution of the image when known (rendered PDF pages), so tesseract need not guess. */
  dpi?: number;
};

/**
 * One OCR engine. `image` is a PNG, JPEG or single-frame TIFF. Implementations own their worker
 * processes or threads, bound their own concurrency, and must be safe to call concurrently.
 */
export interface OcrProvider {
  readonly name: OcrProviderName;
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<OcrResult>;
  close(): Promise<void>;
}

export class OcrTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`OCR did not finish within ${timeoutMs} ms`);
    this.name = "OcrTimeoutError";
  }
}

/**
 * OCR did not produce a result. `unreadable_image`: this input is bad (the document's fault);
 * `engine`: the engine could not start or run (the server's fault, worth a retry).
 */
export class OcrFailedError extends Error {
  readonly kind: "unreadable_image" | "engine";
  constructor(message: string, kind: "unreadable_image" | "engine", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OcrFailedError";
    this.kind = kind;
  }
}

// OCR output is a boundary (house style B1.4): check its shape before trusting it.
export const ocrResultSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(1),
  words: z.array(z.object({ text: z.string(), confidence: z.number().min(0).max(1) })).optional(),
});

/** tesseract reports 0–100 and sometimes −1 for "no text"; callers want 0–1. */
export function toUnitConfidence(percent: number): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  return Math.min(1, percent / 100);
}
