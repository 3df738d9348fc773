import { ExtractionError, type ExtractionLimits } from "../extraction-result";
import { createSemaphore } from "../ocr/create-semaphore";
import type { OcrProvider } from "../ocr/ocr-provider";
import { runOcr } from "../ocr/run-ocr";
import { readImageSize } from "./read-image-size";
import { splitTiffFrames } from "./split-tiff-frames";

export type ImagePageText = { number: number; text: string; confidence: number };

export type Frame = { bytes: Uint8Array; width: number; height: number };

function readFrames(bytes: Uint8Array, kind: "png" | "jpeg" | "tiff", maxPages: number): Frame[] {
  if (kind === "tiff") return splitTiffFrames(bytes, maxPages);
  const size = readImageSize(bytes, kind);
  if (!size) throw new ExtractionError("corrupt", `The ${kind.toUpperCase()} image header is damaged.`);
  return [{ bytes, ...size }];
}

/**
 * The pages of an image (one, or each TIFF frame), checked against the limits from their headers
 * alone; the seam for reading each page in its own job step. Throws ExtractionError.
 */
export function readImageFrames(bytes: Uint8Array, kind: "png" | "jpeg" | "tiff", limits: Required<ExtractionLimits>): Frame[] {
  const frames = readFrames(bytes, kind, limits.maxPages);
  if (frames.length === 0) throw new ExtractionError("empty", "The image has no pages.");
  for (const frame of frames) {
    if (frame.width * frame.height > limits.maxPixels) {
      throw new ExtractionError("too_large", `The image is ${frame.width}×${frame.height} pixels; the limit is ${limits.maxPixels} pixels.`);
    }
  }
  return frames;
}

/**
 * OCRs a PNG, a JPEG or every page of a TIFF. Sizes are checked from headers before anything is
 * decoded, so a small file that claims a gigapixel canvas fails as too_large instead of exhausting memory.
 */
export async function extractImagePages(
  bytes: Uint8Array,
  kind: "png" | "jpeg" | "tiff",
  limits: Required<ExtractionLimits>,
  ocr: OcrProvider,
): Promise<ImagePageText[]> {
  const frames = readImageFrames(bytes, kind, limits);
  const semaphore = createSemaphore(2);
  const pages = frames.map((frame, i) =>
    semaphore.run(async (): Promise<ImagePageText> => {
      const label = frames.length === 1 ? "the image" : `image page ${i + 1}`;
      const result = await runOcr(ocr, frame.bytes, { timeoutMs: limits.ocrTimeoutMs, label });
      return { number: i + 1, text: result.text, confidence: result.confidence };
    }),
  );
  pages.forEach((page) => page.catch(() => {}));
  return Promise.all(pages);
}
