import type { PageBitmap } from "./page-bitmap";

export type StraightenOptions = {
  quarterTurns: 0 | 1 | 2 | 3;
  /** Clockwise, applied after the quarter turns. */
  skewDegrees: number;
  /** Resolution of the result in both directions; null keeps the pixels' size (square pixels assumed). */
  dpi: number | null;
};

/**
 * Turns, deskews and rescales a page in one bilinear resampling (one pass blurs least). Unequal
 * fax resolutions (204×98 dpi) come out square, which tesseract needs: it sizes text by pixels.
 */
export function straightenPage(bitmap: PageBitmap, options: StraightenOptions): PageBitmap {
  const { width, height, gray } = bitmap;
  const sx = options.dpi && bitmap.xDpi ? options.dpi / bitmap.xDpi : 1;
  const sy = options.dpi && bitmap.yDpi ? options.dpi / bitmap.yDpi : options.dpi && bitmap.xDpi ? sx : 1;
  const phi = ((options.quarterTurns * 90 + options.skewDegrees) * Math.PI) / 180;
  const cos = Math.abs(Math.cos(phi)) < 1e-12 ? 0 : Math.cos(phi);
  const sin = Math.abs(Math.sin(phi)) < 1e-12 ? 0 : Math.sin(phi);
  const scaledW = width * sx;
  const scaledH = height * sy;
  const outW = Math.max(1, Math.round(Math.abs(scaledW * cos) + Math.abs(scaledH * sin)));
  const outH = Math.max(1, Math.round(Math.abs(scaledW * sin) + Math.abs(scaledH * cos)));
  const out = new Uint8Array(outW * outH);
  const cu = outW / 2;
  const cv = outH / 2;
  const cx = width / 2;
  const cy = height / 2;
  for (let v = 0; v < outH; v++) {
    const dv = v + 0.5 - cv;
    for (let u = 0; u < outW; u++) {
      const du = u + 0.5 - cu;
      // Inverse of "scale, then rotate clockwise by phi" (image coordinates, y down).
      const x = (du * cos + dv * sin) / sx + cx - 0.5;
      const y = (-du * sin + dv * cos) / sy + cy - 0.5;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      const at = (px: number, py: number) => (px < 0 || py < 0 || px >= width || py >= height ? 255 : (gray[py * width + px] ?? 255));
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out[v * outW + u] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  const dpi = options.dpi && bitmap.xDpi ? options.dpi : bitmap.xDpi;
  return { width: outW, height: outH, gray: out, xDpi: dpi, yDpi: dpi };
}
