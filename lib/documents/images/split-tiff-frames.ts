import { ExtractionError } from "../extraction-result";
import { readTiffDirectories, tiffTypeSizes, type TiffDirectory, type TiffEntry } from "./read-tiff-directories";

export type TiffFrame = { bytes: Uint8Array; width: number; height: number };

/**
 * Splits a multi-page TIFF into single-frame TIFFs without decoding pixels: each page's directory
 * and its strips (or tiles) are copied as they are, whatever the compression (none, PackBits, LZW,
 * Deflate, CCITT G3/G4, JPEG). Both OCR engines read a single-frame TIFF but only its first page,
 * which is why multi-page faxes are split here. Thumbnails (NewSubfileType bit 0) are skipped.
 */
export function splitTiffFrames(bytes: Uint8Array, maxFrames: number): TiffFrame[] {
  const { littleEndian, directories } = readTiffDirectories(bytes, maxFrames);
  return directories.filter((dir) => (dir.values.get(254)?.[0] ?? 0) % 2 === 0).map((dir) => writeFrame(bytes, littleEndian, dir));
}

/** Pointers into the rest of the file that a single frame cannot keep. */
const droppedTags = new Set([330, 513, 514, 34665, 34853, 40965]);
const dataPairs = [
  [273, 279],
  [324, 325],
] as const;

function writeFrame(bytes: Uint8Array, littleEndian: boolean, dir: TiffDirectory): TiffFrame {
  const width = dir.values.get(256)?.[0] ?? 0;
  const height = dir.values.get(257)?.[0] ?? 0;
  if (!width || !height) throw new ExtractionError("corrupt", "A TIFF page has no width or height.");
  const chunks: { at: number; data: Uint8Array }[] = [];
  let end = 8;
  const place = (data: Uint8Array) => {
    end += end % 2;
    chunks.push({ at: end, data });
    end += data.length;
    return end - data.length;
  };
  const longs = (values: number[]) => {
    const out = new Uint8Array(values.length * 4);
    const view = new DataView(out.buffer);
    values.forEach((v, i) => view.setUint32(i * 4, v, littleEndian));
    return out;
  };
  const entries: { tag: number; type: number; count: number; value: Uint8Array }[] = [];
  const inline = (data: Uint8Array) => (data.length <= 4 ? Uint8Array.from([...data, 0, 0, 0, 0].slice(0, 4)) : longs([place(data)]));
  const rewritten = new Set<number>();
  for (const [offsetsTag, countsTag] of dataPairs) {
    const offsets = dir.values.get(offsetsTag);
    const counts = dir.values.get(countsTag);
    if (!offsets || !counts) continue;
    if (offsets.length !== counts.length) throw new ExtractionError("corrupt", "A TIFF page's strip table is inconsistent.");
    const moved = offsets.map((offset, i) => {
      const length = counts[i] ?? 0;
      if (offset + length > bytes.length) throw new ExtractionError("corrupt", "A TIFF page points past the end of the file.");
      return place(bytes.subarray(offset, offset + length));
    });
    entries.push({ tag: offsetsTag, type: 4, count: moved.length, value: inline(longs(moved)) });
    entries.push({ tag: countsTag, type: 4, count: counts.length, value: inline(longs(counts)) });
    rewritten.add(offsetsTag).add(countsTag);
  }
  if (rewritten.size === 0) throw new ExtractionError("corrupt", "A TIFF page has no image data.");
  for (const entry of dir.entries) {
    if (rewritten.has(entry.tag) || droppedTags.has(entry.tag)) continue;
    entries.push({ tag: entry.tag, type: entry.type, count: entry.count, value: inline(readEntryBytes(bytes, entry)) });
  }
  entries.sort((a, b) => a.tag - b.tag);
  end += end % 2;
  const ifdAt = end;
  const out = new Uint8Array(ifdAt + 2 + entries.length * 12 + 4);
  const view = new DataView(out.buffer);
  out.set(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d]);
  view.setUint16(2, 42, littleEndian);
  view.setUint32(4, ifdAt, littleEndian);
  for (const chunk of chunks) out.set(chunk.data, chunk.at);
  view.setUint16(ifdAt, entries.length, littleEndian);
  entries.forEach((entry, i) => {
    const at = ifdAt + 2 + i * 12;
    view.setUint16(at, entry.tag, littleEndian);
    view.setUint16(at + 2, entry.type, littleEndian);
    view.setUint32(at + 4, entry.count, littleEndian);
    out.set(entry.value, at + 8);
  });
  return { bytes: out, width, height };
}

function readEntryBytes(bytes: Uint8Array, entry: TiffEntry): Uint8Array {
  const size = (tiffTypeSizes[entry.type] ?? 1) * entry.count;
  if (size <= 4) return bytes.subarray(entry.fieldAt, entry.fieldAt + 4);
  if (entry.valueOffset + size > bytes.length) throw new ExtractionError("corrupt", "A TIFF tag points past the end of the file.");
  return bytes.subarray(entry.valueOffset, entry.valueOffset + size);
}
