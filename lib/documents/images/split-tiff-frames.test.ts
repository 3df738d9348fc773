import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeTestTiff } from "@/tests/fixtures/documents/encode-test-tiff";
import { ExtractionError } from "../extraction-result";
import { readTiffDirectories } from "./read-tiff-directories";
import { splitTiffFrames } from "./split-tiff-frames";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/documents", name)));
const gray = (width: number, height: number, seed: number) => ({
  width,
  height,
  gray: Uint8Array.from({ length: width * height }, (_, i) => ((i * seed) % 7 === 0 ? 0 : 255)),
});

describe("splitTiffFrames", () => {
  it.each([
    ["discharge-fax.tif", 2, 1000, 300],
    ["consult-fax-be.tif", 1, 900, 200],
    ["mammogram-lzw.tif", 1, 1100, 420],
    ["mammogram-g4.tif", 1, 1100, 420],
  ])("%s → %i frame(s)", (name, frames, width, height) => {
    const result = splitTiffFrames(fixture(name), 10);
    expect(result).toHaveLength(frames);
    for (const frame of result) {
      expect(frame).toMatchObject({ width, height });
      expect(readTiffDirectories(frame.bytes, 1).directories).toHaveLength(1);
    }
  });

  it("copies strips byte for byte, in both byte orders", () => {
    for (const littleEndian of [true, false]) {
      const frames = [gray(40, 30, 3), gray(20, 10, 5)];
      const tiff = encodeTestTiff(frames, { littleEndian, packBits: true, rowsPerStrip: 7 });
      const [first, second] = splitTiffFrames(tiff, 5);
      expect(second).toMatchObject({ width: 20, height: 10 });
      const again = splitTiffFrames(first?.bytes ?? new Uint8Array(), 5);
      expect(again[0]?.bytes).toEqual(first?.bytes);
    }
  });

  it("fails with too_many_pages above the limit", () => {
    const tiff = encodeTestTiff([gray(8, 8, 1), gray(8, 8, 2), gray(8, 8, 3)], { littleEndian: true });
    expect(() => splitTiffFrames(tiff, 2)).toThrowError(expect.objectContaining({ reason: "too_many_pages" }));
  });

  it("fails as corrupt on truncation and on a directory loop", () => {
    const tiff = encodeTestTiff([gray(8, 8, 1)], { littleEndian: true });
    expect(() => splitTiffFrames(tiff.subarray(0, 20), 5)).toThrowError(expect.objectContaining({ reason: "corrupt" }));
    const looped = tiff.slice();
    const view = new DataView(looped.buffer);
    const ifd = view.getUint32(4, true);
    view.setUint32(ifd + 2 + view.getUint16(ifd, true) * 12, ifd, true);
    expect(() => splitTiffFrames(looped, 5)).toThrowError(expect.objectContaining({ reason: "corrupt" }));
  });

  it("only ever throws ExtractionError on random data after a TIFF header", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 600 }), (le, rest) => {
        const header = le ? [0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0] : [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8];
        try {
          splitTiffFrames(Uint8Array.from([...header, ...rest]), 20);
        } catch (error) {
          expect(error).toBeInstanceOf(ExtractionError);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
