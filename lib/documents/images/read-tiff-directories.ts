import { ExtractionError } from "../extraction-result";

/** Bytes per value of each classic TIFF field type (1 BYTE … 13 IFD). */
export const tiffTypeSizes: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

export type TiffEntry = { tag: number; type: number; count: number; fieldAt: number; valueOffset: number };
export type TiffDirectory = { entries: TiffEntry[]; values: Map<number, number[]> };

const maxValuesPerTag = 1_000_000;

/**
 * Reads the chain of image file directories (one per page) of a classic TIFF, with bounds checks
 * and loop detection so a hostile file ends as `corrupt` rather than hanging or throwing RangeError.
 */
export function readTiffDirectories(bytes: Uint8Array, maxFrames: number): { littleEndian: boolean; directories: TiffDirectory[] } {
  if (bytes.length < 8) throw new ExtractionError("corrupt", "The TIFF file is truncated.");
  const littleEndian = bytes[0] === 0x49;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint16(2, littleEndian);
  if (magic === 43) throw new ExtractionError("unsupported_type", "BigTIFF images are not supported.");
  if (magic !== 42) throw new ExtractionError("corrupt", "The TIFF header is invalid.");
  const directories: TiffDirectory[] = [];
  const seen = new Set<number>();
  let offset = view.getUint32(4, littleEndian);
  while (offset !== 0) {
    if (seen.has(offset)) throw new ExtractionError("corrupt", "The TIFF page list loops back on itself.");
    seen.add(offset);
    if (offset + 2 > bytes.length) throw new ExtractionError("corrupt", "The TIFF file is truncated.");
    const count = view.getUint16(offset, littleEndian);
    if (offset + 2 + count * 12 + 4 > bytes.length) throw new ExtractionError("corrupt", "The TIFF file is truncated.");
    if (directories.length >= maxFrames) {
      throw new ExtractionError("too_many_pages", `The TIFF image has more than ${maxFrames} pages.`);
    }
    directories.push(readDirectory(view, offset, count, littleEndian));
    offset = view.getUint32(offset + 2 + count * 12, littleEndian);
  }
  if (directories.length === 0) throw new ExtractionError("corrupt", "The TIFF file has no pages.");
  return { littleEndian, directories };
}

function readDirectory(view: DataView, offset: number, count: number, littleEndian: boolean): TiffDirectory {
  const entries: TiffEntry[] = [];
  const values = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    const entry = {
      tag: view.getUint16(at, littleEndian),
      type: view.getUint16(at + 2, littleEndian),
      count: view.getUint32(at + 4, littleEndian),
      fieldAt: at + 8,
      valueOffset: view.getUint32(at + 8, littleEndian),
    };
    const size = tiffTypeSizes[entry.type];
    if (size === undefined) continue; // unknown field types are skippable by the spec
    entries.push(entry);
    if ((entry.type === 3 || entry.type === 4) && entry.count <= maxValuesPerTag) {
      values.set(entry.tag, readNumbers(view, entry, size, littleEndian));
    }
  }
  return { entries, values };
}

function readNumbers(view: DataView, entry: TiffEntry, size: number, littleEndian: boolean): number[] {
  const start = size * entry.count <= 4 ? entry.fieldAt : entry.valueOffset;
  if (start + size * entry.count > view.byteLength) throw new ExtractionError("corrupt", "A TIFF tag points past the end of the file.");
  return Array.from({ length: entry.count }, (_, i) =>
    size === 2 ? view.getUint16(start + i * 2, littleEndian) : view.getUint32(start + i * 4, littleEndian),
  );
}
