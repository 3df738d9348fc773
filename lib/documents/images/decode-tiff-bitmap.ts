import { ExtractionError } from "../extraction-result";
import { decodeCcittFax, type CcittMode } from "./decode-ccitt-fax";
import type { PageBitmap } from "./page-bitmap";
import { readTiffDirectories, type TiffDirectory } from "./read-tiff-directories";

const ccittModes: Record<number, CcittMode> = { 2: "rle", 3: "g3", 4: "g4" };

function readRational(bytes: Uint8Array, littleEndian: boolean, dir: TiffDirectory, tag: number): number | null {
  const entry = dir.entries.find((e) => e.tag === tag && e.type === 5);
  if (!entry || entry.valueOffset + 8 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const denominator = view.getUint32(entry.valueOffset + 4, littleEndian);
  return denominator === 0 ? null : view.getUint32(entry.valueOffset, littleEndian) / denominator;
}

function unpackBits(data: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let at = 0;
  for (let i = 0; i < data.length && at < expected; ) {
    const n = (data[i++] ?? 0) << 24 >> 24;
    if (n >= 0) {
      out.set(data.subarray(i, i + n + 1).subarray(0, expected - at), at);
      at += n + 1;
      i += n + 1;
    } else if (n !== -128) {
      out.fill(data[i++] ?? 0, at, Math.min(expected, at - n + 1));
      at += 1 - n;
    }
  }
  return out;
}

/** Rows of packed 1-bit samples (each row padded to a byte) to one byte per pixel, 1 = bit set. */
function unpackRows(packed: Uint8Array, width: number, rows: number, lsbFirst: boolean): Uint8Array {
  const pixels = new Uint8Array(width * rows);
  const stride = Math.ceil(width / 8);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      const byte = packed[y * stride + (x >> 3)] ?? 0;
      pixels[y * width + x] = lsbFirst ? (byte >> (x & 7)) & 1 : (byte >> (7 - (x & 7))) & 1;
    }
  }
  return pixels;
}

/**
 * Decodes the first page of a bilevel TIFF (CCITT G3/G4/RLE, PackBits or none: every fax) or an
 * 8-bit grey one (PackBits or none) to a PageBitmap. Returns null for other TIFFs (colour, JPEG,
 * LZW, Deflate), which the OCR engines read themselves. Throws ExtractionError("corrupt") when the page's data cannot be found.
 */
export function decodeTiffBitmap(bytes: Uint8Array): PageBitmap | null {
  const { littleEndian, directories } = readTiffDirectories(bytes, Number.MAX_SAFE_INTEGER);
  const dir = directories[0]!;
  const value = (tag: number, fallback: number) => dir.values.get(tag)?.[0] ?? fallback;
  const width = value(256, 0);
  const height = value(257, 0);
  const compression = value(259, 1);
  if (!width || !height) throw new ExtractionError("corrupt", "A TIFF page has no width or height.");
  const bits = value(258, 1);
  if ((bits !== 1 && bits !== 8) || value(277, 1) !== 1 || value(262, 0) > 1) return null;
  if (compression !== 1 && compression !== 32773 && !(bits === 1 && compression in ccittModes)) return null;
  const offsets = dir.values.get(273);
  const counts = dir.values.get(279);
  if (!offsets || !counts || offsets.length !== counts.length) throw new ExtractionError("corrupt", "A TIFF page has no image data.");
  const rowsPerStrip = Math.max(1, Math.min(height, value(278, height)));
  const lsbFirst = value(266, 1) === 2;
  const samples = new Uint8Array(width * height);
  offsets.forEach((offset, strip) => {
    const firstRow = strip * rowsPerStrip;
    const rows = Math.min(rowsPerStrip, height - firstRow);
    if (rows <= 0) return;
    const data = bytes.subarray(offset, Math.min(bytes.length, offset + (counts[strip] ?? 0)));
    const mode = ccittModes[compression];
    const stride = bits === 1 ? Math.ceil(width / 8) : width;
    const raw = compression === 32773 ? unpackBits(data, stride * rows) : data;
    const pixels = mode
      ? decodeCcittFax(data, { width, rows, mode, twoDimensional: (value(292, 0) & 1) === 1, lsbFirst }).pixels
      : bits === 1
        ? unpackRows(raw, width, rows, lsbFirst)
        : raw.subarray(0, width * rows);
    samples.set(pixels, firstRow * width);
  });
  // CCITT "black" is a set bit; PhotometricInterpretation says whether 0 is white (0) or black (1).
  const zeroIsWhite = value(262, 0) === 0;
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) {
    const level = bits === 1 ? (samples[i] ? 255 : 0) : (samples[i] ?? 0);
    gray[i] = zeroIsWhite ? 255 - level : level;
  }
  const unit = value(296, 2);
  const perInch = unit === 3 ? 2.54 : unit === 2 ? 1 : null;
  const dpi = (tag: number) => {
    const raw = readRational(bytes, littleEndian, dir, tag);
    return raw && perInch ? raw * perInch : null;
  };
  return { width, height, gray, xDpi: dpi(282), yDpi: dpi(283) };
}
