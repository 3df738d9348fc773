import { decodeRasterBitmap } from "./decode-raster-bitmap";
import { decodeTiffBitmap } from "./decode-tiff-bitmap";
import { encodeGrayPng } from "./encode-gray-png";
import { findPageOrientation } from "./find-page-orientation";
import type { PageBitmap } from "./page-bitmap";
import { straightenPage } from "./straighten-page";

export type PreparedOcrImage = {
  image: Uint8Array;
  dpi: number | undefined;
  /** The same page turned half a turn, for when the engine reads the first one poorly (run-ocr). */
  turnedOver: (() => Uint8Array) | null;
};

/** Tesseract reads a couple of tenths of a degree of skew as well as none; resampling costs more. */
const minSkewDegrees = 0.2;
/** Text lines must be this much crisper across the other axis before a page is turned sideways. */
const minAxisContrast = 1.15;

function sniff(bytes: Uint8Array): "png" | "jpeg" | "tiff" | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "jpeg";
  if ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d)) return "tiff";
  return null;
}

/**
 * A page image made ready for OCR: decoded (fax TIFFs by our own CCITT decoder, since tesseract.js
 * reads no fax compression), turned upright if its lines run sideways, deskewed, and brought to
 * square pixels (a 204×98 dpi fax is stretched to 204×204). An image that needs none of it is passed
 * on untouched. `dpi` is what the caller knows (a rendered PDF page) or what the file says.
 */
export async function prepareOcrImage(image: Uint8Array, dpi?: number): Promise<PreparedOcrImage> {
  const kind = sniff(image);
  // A PNG or JPEG the canvas cannot decode goes to the engine as it is: its error says what is wrong.
  const bitmap: PageBitmap | null =
    kind === "tiff" ? decodeTiffBitmap(image) : kind === "png" || kind === "jpeg" ? await decodeRasterBitmap(image, kind, dpi).catch(() => null) : null;
  if (!bitmap) return { image, dpi, turnedOver: null };
  const orientation = findPageOrientation(bitmap);
  const sideways = orientation.sideways && orientation.axisContrast >= minAxisContrast;
  const skewDegrees = Math.abs(orientation.skewDegrees) >= minSkewDegrees ? orientation.skewDegrees : 0;
  const unequal = bitmap.xDpi !== null && bitmap.yDpi !== null && Math.abs(bitmap.xDpi - bitmap.yDpi) > 1;
  const targetDpi = bitmap.xDpi !== null && bitmap.yDpi !== null ? Math.max(bitmap.xDpi, bitmap.yDpi) : null;
  const render = (halfTurn: boolean) =>
    encodeGrayPng(straightenPage(bitmap, { quarterTurns: ((sideways ? 1 : 0) + (halfTurn ? 2 : 0)) as 0 | 1 | 2 | 3, skewDegrees, dpi: targetDpi }));
  const outDpi = targetDpi ?? dpi;
  const untouched = kind !== "tiff" && !sideways && skewDegrees === 0 && !unequal;
  return { image: untouched ? image : render(false), dpi: outDpi ? Math.round(outDpi) : undefined, turnedOver: () => render(true) };
}
