import { ExtractionError } from "../extraction-result";
import type { PageBitmap } from "./page-bitmap";

/**
 * Whether the file runs to its end marker (PNG's IEND chunk, JPEG's EOI). The decoder draws a cut-off
 * file as a partly blank page without complaint, and OCR of that would pass for the document's text.
 */
function isComplete(bytes: Uint8Array, kind: "png" | "jpeg"): boolean {
  if (kind === "jpeg") {
    let end = bytes.length;
    while (end > 2 && bytes[end - 1] === 0) end--; // some writers pad after EOI
    return end >= 2 && bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length; at += 12 + view.getUint32(at)) {
    if (String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === "IEND") return true;
  }
  return false;
}

/** pHYs of a PNG (pixels per metre), so a scan's resolution is kept; null when absent or unitless. */
function readPngDpi(bytes: Uint8Array): { x: number; y: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === "IDAT" || type === "IEND") return null;
    if (type === "pHYs" && length === 9 && at + 17 <= bytes.length && bytes[at + 16] === 1) {
      return { x: Math.round(view.getUint32(at + 8) * 0.0254), y: Math.round(view.getUint32(at + 12) * 0.0254) };
    }
    at += 12 + length;
  }
  return null;
}

/** A PNG or JPEG page as grey levels (ITU-R BT.601 luma over a white background for transparency). */
export async function decodeRasterBitmap(bytes: Uint8Array, kind: "png" | "jpeg", dpi?: number): Promise<PageBitmap> {
  if (!isComplete(bytes, kind)) throw new ExtractionError("corrupt", `The ${kind.toUpperCase()} image is cut off before its end.`);
  // The same (deduped) @napi-rs/canvas that pdf.js loads, as render-pdf-page does.
  const { createCanvas, loadImage } = await import("@napi-rs/canvas");
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const rgba = context.getImageData(0, 0, image.width, image.height).data;
  const gray = new Uint8Array(image.width * image.height);
  for (let i = 0; i < gray.length; i++) {
    gray[i] = (rgba[i * 4]! * 299 + rgba[i * 4 + 1]! * 587 + rgba[i * 4 + 2]! * 114) / 1000;
  }
  const stated = kind === "png" ? readPngDpi(bytes) : null;
  const x = dpi ?? stated?.x ?? null;
  const y = dpi ?? stated?.y ?? null;
  return { width: image.width, height: image.height, gray, xDpi: x, yDpi: y };
}
