import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readImageSize } from "./read-image-size";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/documents", name)));

describe("readImageSize", () => {
  it("reads PNG and JPEG headers", () => {
    expect(readImageSize(fixture("mammogram.png"), "png")).toEqual({ width: 1100, height: 420 });
    expect(readImageSize(fixture("pathology.jpg"), "jpeg")).toEqual({ width: 1100, height: 380 });
  });

  it("returns null for damaged headers", () => {
    expect(readImageSize(fixture("mammogram.png").subarray(0, 16), "png")).toBeNull();
    expect(readImageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), "jpeg")).toBeNull();
    expect(readImageSize(Uint8Array.from([0xff, 0xd8, 0x00, 0x00, 0x00]), "jpeg")).toBeNull();
  });
});
