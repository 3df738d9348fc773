import { ExtractionError } from "../extraction-result";
import { OcrFailedError, OcrTimeoutError, ocrResultSchema, type OcrProvider, type OcrResult } from "./ocr-provider";

export type RunOcrOptions = { timeoutMs: number; dpi?: number; label: string };

/**
 * One OCR call as the extraction pipeline needs it: output validated, a timeout or an unreadable
 * image turned into a terminal reason. Engine failures stay thrown so the job is retried.
 */
export async function runOcr(ocr: OcrProvider, image: Uint8Array, options: RunOcrOptions): Promise<OcrResult> {
  try {
    const result = await ocr.recognize(image, { timeoutMs: options.timeoutMs, ...(options.dpi ? { dpi: options.dpi } : {}) });
    return ocrResultSchema.parse(result);
  } catch (error) {
    if (error instanceof OcrTimeoutError) {
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      throw new ExtractionError("ocr_timeout", `OCR of ${options.label} took longer than ${seconds} s.`, { cause: error });
    }
    if (error instanceof OcrFailedError && error.kind === "unreadable_image") {
      throw new ExtractionError("corrupt", `Could not decode ${options.label}.`, { cause: error });
    }
    throw error;
  }
}
