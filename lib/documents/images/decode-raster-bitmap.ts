import type { PageBitmap } from "./page-bitmap";

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
