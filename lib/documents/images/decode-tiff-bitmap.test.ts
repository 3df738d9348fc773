import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeTestTiff } from "@/tests/fixtures/documents/encode-test-tiff";
import { decodeCcittFax } from "./decode-ccitt-fax";
import { decodeTiffBitmap } from "./decode-tiff-bitmap";
import { splitTiffFrames } from "./split-tiff-frames";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/documents", name)));
const digest = (gray: Uint8Array) => createHash("sha256").update(gray).digest("hex").slice(0, 16);

describe("decodeTiffBitmap", () => {
  // The same page saved by libtiff's tiffcp as G4, G3 1-D and G3 2-D with byte-aligned EOLs (both
  // lsb-first); the digest is of libtiff's own uncompressed output of that page.
  it.each(["mammogram-g4.tif", "mammogram-g3-1d-lsb.tif", "mammogram-g3-2d-fill-lsb.tif"])("decodes %s exactly as libtiff does", (name) => {
    const bitmap = decodeTiffBitmap(fixture(name));
    expect(bitmap).toMatchObject({ width: 1100, height: 420 });
    expect(digest(bitmap!.gray)).toBe("a4682b4428e14b5b");
    expect(bitmap!.gray.filter((v) => v === 0)).toHaveLength(14579);
  });

  it("decodes each frame of a multi-page fax and reads its resolution", () => {
    const frames = splitTiffFrames(fixture("discharge-fax.tif"), 10);
    const bitmaps = frames.map((frame) => decodeTiffBitmap(frame.bytes));
    expect(bitmaps).toHaveLength(2);
    for (const bitmap of bitmaps) {
      expect(bitmap).toMatchObject({ width: 1000, height: 300 });
      const ink = bitmap!.gray.filter((v) => v === 0).length / bitmap!.gray.length;
      expect(ink).toBeGreaterThan(0.005);
      expect(ink).toBeLessThan(0.3);
    }
  });

  it("returns null for TIFFs the engines read themselves (LZW colour)", () => {
    expect(decodeTiffBitmap(fixture("mammogram-lzw.tif"))).toBeNull();
  });

  it("never throws anything but ExtractionError, and never hangs, on damaged CCITT data", () => {
    const g4 = fixture("mammogram-g4.tif");
    fc.assert(
      fc.property(fc.integer({ min: 8, max: g4.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const damaged = g4.slice();
        damaged[at] = byte;
        try {
          decodeTiffBitmap(damaged);
        } catch (error) {
          expect((error as Error).name).toBe("ExtractionError");
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("decodeCcittFax", () => {
  it("stops at damaged data and says how many rows it decoded", () => {
    const result = decodeCcittFax(Uint8Array.from([0, 0, 0, 0, 0, 0]), { width: 16, rows: 4, mode: "g4" });
    expect(result.rows).toBe(0);
  });

  it.each([
    ["bilevel", { bilevel: true }],
    ["grey", {}],
    ["grey PackBits", { packBits: true }],
  ])("reads %s pages from the test encoder in both byte orders", (_name, options) => {
    const gray = Uint8Array.from({ length: 27 * 9 }, (_, i) => (i % 5 === 0 ? 0 : 255));
    for (const littleEndian of [true, false]) {
      const tiff = encodeTestTiff([{ width: 27, height: 9, gray }], { littleEndian, rowsPerStrip: 4, ...options });
      expect(decodeTiffBitmap(tiff)?.gray).toEqual(gray);
    }
  });
});
