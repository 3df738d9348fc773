import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderCache } from "./seed/render-cache";
import { scanImage, textPdf } from "./seed/render-documents";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "epic-renders-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("render cache", () => {
  it("renders on a miss, stores the bytes, and serves the same bytes from disk afterwards", async () => {
    const cache = createRenderCache(dir);
    const lines = ["HbA1c 6.1 %", "LDL 131 mg/dL"];
    const rendered = await cache.textPdf("Lab panel", lines);
    expect(cache.stats).toEqual({ hits: 0, misses: 1 });
    expect(Buffer.from(rendered)).toEqual(Buffer.from(await textPdf("Lab panel", lines)));
    expect((await readdir(dir)).filter((f) => f.endsWith(".bin"))).toHaveLength(1);

    const again = createRenderCache(dir);
    expect(Buffer.from(await again.textPdf("Lab panel", lines))).toEqual(Buffer.from(rendered));
    expect(again.stats).toEqual({ hits: 1, misses: 0 });
  });

  it("keys on the kind and the text, so another date or format renders anew", async () => {
    const cache = createRenderCache(dir);
    const png = await cache.scanImage("Pathology", ["Tubular adenoma"], "png");
    const jpeg = await cache.scanImage("Pathology", ["Tubular adenoma"], "jpeg");
    await cache.scanImage("Pathology", ["Tubular adenoma, 2026-11-27"], "png");
    expect(cache.stats).toEqual({ hits: 0, misses: 3 });
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe("PNG");
    expect(Buffer.from(jpeg).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(Buffer.from(png)).toEqual(Buffer.from(await scanImage("Pathology", ["Tubular adenoma"], "png")));
  });
});
