import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeTiffBitmap } from "./decode-tiff-bitmap";
import { findPageOrientation } from "./find-page-orientation";
import type { PageBitmap } from "./page-bitmap";
import { straightenPage } from "./straighten-page";

// Three lines of print (a mammogram report), 1100×420 at square pixels.
const page = decodeTiffBitmap(new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/documents/mammogram-g4.tif"))))!;

/** Every other row dropped, as a 204×98 dpi "standard" fax stores a page. */
function halveRows(bitmap: PageBitmap): PageBitmap {
  const height = Math.floor(bitmap.height / 2);
  const gray = new Uint8Array(bitmap.width * height);
  for (let y = 0; y < height; y++) gray.set(bitmap.gray.subarray(2 * y * bitmap.width, (2 * y + 1) * bitmap.width), y * bitmap.width);
  return { ...bitmap, height, gray, xDpi: 204, yDpi: 102 };
}

describe("findPageOrientation", () => {
  it("finds a level upright page level", () => {
    expect(findPageOrientation(page)).toMatchObject({ sideways: false, skewDegrees: expect.closeTo(0, 0.15) });
  });

  it.each([-3.5, -1.2, 0.6, 2.4, 6])("measures a skew of %f° and undoes it", (degrees) => {
    const skewed = straightenPage(page, { quarterTurns: 0, skewDegrees: degrees, dpi: null });
    const found = findPageOrientation(skewed);
    expect(found.sideways).toBe(false);
    expect(found.skewDegrees).toBeCloseTo(-degrees, 0);
    // Three lines of print only: a quarter of a degree (faxes with a page of lines come within 0.05°).
    expect(Math.abs(found.skewDegrees + degrees)).toBeLessThan(0.25);
  });

  it.each([1, 3] as const)("sees that lines run sideways after %i quarter turn(s)", (quarterTurns) => {
    const turned = straightenPage(page, { quarterTurns, skewDegrees: 1, dpi: null });
    const found = findPageOrientation(turned);
    expect(found.sideways).toBe(true);
    expect(found.axisContrast).toBeGreaterThan(1.15);
    expect(Math.abs(found.skewDegrees + 1)).toBeLessThan(0.15);
  });

  it("measures a standard-resolution fax in square units", () => {
    const fax = halveRows(straightenPage(page, { quarterTurns: 0, skewDegrees: 2, dpi: null }));
    expect(Math.abs(findPageOrientation(fax).skewDegrees + 2)).toBeLessThan(0.15);
  });
});

describe("straightenPage", () => {
  it("brings unequal resolutions to square pixels", () => {
    const fax = halveRows(page);
    const square = straightenPage(fax, { quarterTurns: 0, skewDegrees: 0, dpi: 204 });
    expect(square).toMatchObject({ width: 1100, height: 420, xDpi: 204, yDpi: 204 });
  });

  it("turns by quarter turns without losing ink", () => {
    const turned = straightenPage(page, { quarterTurns: 1, skewDegrees: 0, dpi: null });
    expect(turned).toMatchObject({ width: 420, height: 1100 });
    const ink = (b: PageBitmap) => b.gray.filter((v) => v < 128).length;
    expect(Math.abs(ink(turned) - ink(page)) / ink(page)).toBeLessThan(0.01);
    const back = straightenPage(straightenPage(turned, { quarterTurns: 3, skewDegrees: 0, dpi: null }), { quarterTurns: 0, skewDegrees: 0, dpi: null });
    expect(back.gray).toEqual(page.gray);
  });
});
