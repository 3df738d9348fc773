import { inkThreshold, type PageBitmap } from "./page-bitmap";

/**
 * How a page lies: turned a quarter clockwise when `sideways`, then by `skewDegrees` (clockwise
 * positive), its text lines run level. Found from projection profiles: lines of print make sharp
 * peaks in the ink profile across them, which a wrong axis or a wrong angle smears out. Up versus
 * down is not decided here: an ascender/descender count was tried and misread ruled forms and
 * all-capitals pages (10 of 38 fax pages), so the OCR engine's confidence decides that (run-ocr).
 */
export type PageOrientation = {
  sideways: boolean;
  skewDegrees: number;
  /** Profile sharpness along the chosen axis ÷ across it; near 1 means no clear text lines. */
  axisContrast: number;
};

type Points = { x: Float32Array; y: Float32Array; count: number };

/** Ink pixel centres in square units (the coarser axis stretched), at most ~`maxPoints` of them. */
function collectInk(bitmap: PageBitmap, maxPoints: number): Points & { width: number; height: number } {
  const { width, height, gray } = bitmap;
  const yScale = bitmap.xDpi && bitmap.yDpi ? bitmap.xDpi / bitmap.yDpi : 1;
  let ink = 0;
  for (let i = 0; i < gray.length; i++) if ((gray[i] ?? 255) < inkThreshold) ink++;
  const step = Math.max(1, Math.ceil(ink / maxPoints));
  const count = Math.ceil(ink / step);
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  let n = 0;
  let seen = 0;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      if ((gray[row * width + col] ?? 255) >= inkThreshold) continue;
      if (seen++ % step !== 0 || n >= count) continue;
      x[n] = col;
      y[n] = row * yScale;
      n++;
    }
  }
  return { x, y, count: n, width, height: height * yScale };
}

/** Ink per row of the page sheared by `angle` (radians): y − x·tan(angle), one bin per unit. */
function profile(points: Points, angle: number, span: number, pad: number): Float64Array {
  const bins = new Float64Array(Math.ceil(span + 2 * pad) + 1);
  const t = Math.tan(angle);
  for (let i = 0; i < points.count; i++) {
    const bin = Math.round((points.y[i] ?? 0) - (points.x[i] ?? 0) * t + pad);
    if (bin >= 0 && bin < bins.length) bins[bin] = (bins[bin] ?? 0) + 1;
  }
  return bins;
}

/** Mean square of the profile ÷ its squared mean over occupied bins: higher = crisper lines. */
function sharpness(bins: Float64Array): number {
  let sum = 0;
  let squares = 0;
  let occupied = 0;
  for (const c of bins) {
    if (c === 0) continue;
    sum += c;
    squares += c * c;
    occupied++;
  }
  return sum === 0 ? 0 : (squares * occupied) / (sum * sum);
}

const maxSkew = (8 * Math.PI) / 180;

/** The shear angle that makes the sharpest profile: coarse sweep, then two finer ones around the best. */
function findSkew(points: Points, span: number, width: number) {
  const pad = Math.ceil(Math.tan(maxSkew) * width) + 2;
  let best = { angle: 0, score: sharpness(profile(points, 0, span, pad)) };
  for (const [step, range] of [
    [0.5, 8],
    [0.1, 0.5],
    [0.02, 0.1],
  ] as const) {
    const center = best.angle;
    for (let d = -range; d <= range + 1e-9; d += step) {
      const angle = center + (d * Math.PI) / 180;
      if (Math.abs(angle) > maxSkew) continue;
      const score = sharpness(profile(points, angle, span, pad));
      if (score > best.score) best = { angle, score };
    }
  }
  return { ...best, pad };
}

/** Quarter-turn the points clockwise (image coordinates, y down). */
function turnClockwise(points: Points, height: number): Points {
  const x = new Float32Array(points.count);
  const y = new Float32Array(points.count);
  for (let i = 0; i < points.count; i++) {
    x[i] = height - (points.y[i] ?? 0);
    y[i] = points.x[i] ?? 0;
  }
  return { x, y, count: points.count };
}

export function findPageOrientation(bitmap: PageBitmap, options: { maxPoints?: number } = {}): PageOrientation {
  const ink = collectInk(bitmap, options.maxPoints ?? 60_000);
  const level = { points: ink as Points, span: ink.height, width: ink.width };
  const turned = { points: turnClockwise(ink, ink.height), span: ink.width, width: ink.height };
  const levelSkew = findSkew(level.points, level.span, level.width);
  const turnedSkew = findSkew(turned.points, turned.span, turned.width);
  const sideways = turnedSkew.score > levelSkew.score;
  const chosen = sideways ? { ...turned, skew: turnedSkew } : { ...level, skew: levelSkew };
  const other = sideways ? levelSkew.score : turnedSkew.score;
  // Shearing by +angle levels lines that fall to the right, i.e. the page needs turning by −angle;
  // after a half turn the same lines rise, so the sign holds.
  const skewDegrees = Math.round(((-chosen.skew.angle * 180) / Math.PI) * 100) / 100;
  return { sideways, skewDegrees, axisContrast: other > 0 ? chosen.skew.score / other : Number.POSITIVE_INFINITY };
}
