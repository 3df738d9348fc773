import { ExtractionError } from "../extraction-result";
import { prepareOcrImage, type PreparedOcrImage } from "../images/prepare-ocr-image";
import { OcrFailedError, OcrTimeoutError, ocrResultSchema, type OcrProvider, type OcrResult } from "./ocr-provider";

export type RunOcrOptions = { timeoutMs: number; dpi?: number; label: string };

/**
 * Below this mean confidence a page that has text is read again turned over: print read upside
 * down scores far lower than the same print upright, which no layout statistic told apart as well.
 */
const turnOverBelowConfidence = 0.75;
const minCharsToJudge = 40;

/**
 * One OCR call as the extraction pipeline needs it: the image straightened first (prepareOcrImage),
 * output validated, a timeout or an unreadable image turned into a terminal reason. Engine failures
 * stay thrown so the job is retried.
 */
export async function runOcr(ocr: OcrProvider, image: Uint8Array, options: RunOcrOptions): Promise<OcrResult> {
  return withOcrErrors(options, async () => readPrepared(ocr, await prepareOcrImage(image, options.dpi), options));
}

/**
 * runOcr on an image prepareOcrImage already made ready, for a caller that reads one page with
 * several engines (eval:ocr) and so prepares it once. `turnedOver` may be rebuilt on demand.
 */
export async function runOcrOnPrepared(ocr: OcrProvider, prepared: ReusablePreparedImage, options: RunOcrOptions): Promise<OcrResult> {
  return withOcrErrors(options, () => readPrepared(ocr, prepared, options));
}

/** A prepared page whose turned-over copy may come later (rebuilt rather than kept in memory). */
export type ReusablePreparedImage = Omit<PreparedOcrImage, "turnedOver"> & { turnedOver: (() => Uint8Array | Promise<Uint8Array>) | null };

async function readPrepared(ocr: OcrProvider, prepared: ReusablePreparedImage, options: RunOcrOptions): Promise<OcrResult> {
  const read = async (bytes: Uint8Array) =>
    ocrResultSchema.parse(await ocr.recognize(bytes, { timeoutMs: options.timeoutMs, ...(prepared.dpi ? { dpi: prepared.dpi } : {}) }));
  const result = await read(prepared.image);
  if (!prepared.turnedOver || result.confidence >= turnOverBelowConfidence || result.text.trim().length < minCharsToJudge) return result;
  const turned = await read(await prepared.turnedOver());
  return turned.confidence > result.confidence ? turned : result;
}

async function withOcrErrors(options: RunOcrOptions, run: () => Promise<OcrResult>): Promise<OcrResult> {
  try {
    return await run();
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
