import { describe, expect, it, vi } from "vitest";
import { hashContent } from "./content-hash";
import { createExtractionCache, createMemoryExtractionStore } from "./create-extraction-cache";
import type { ExtractionResult } from "./extraction-result";

const ok: ExtractionResult = { ok: true, text: "x", pages: [], quality: 1, detectedType: "text" };
const bytes = new TextEncoder().encode("same bytes");

describe("createExtractionCache", () => {
  it("hashes with sha-256", () => {
    expect(hashContent(new Uint8Array())).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("extracts identical bytes once, also when asked concurrently", async () => {
    const store = createMemoryExtractionStore();
    const cache = createExtractionCache(store);
    const extract = vi.fn(async () => ok);
    const [a, b] = await Promise.all([cache.getOrExtract(bytes, extract), cache.getOrExtract(bytes.slice(), extract)]);
    const c = await cache.getOrExtract(bytes.slice(), extract);
    expect(extract).toHaveBeenCalledTimes(1);
    expect([a.cached, b.cached, c.cached]).toEqual([false, true, true]);
    expect(c.contentHash).toBe(hashContent(bytes));
    expect(store.size).toBe(1);
  });

  it("keeps failures caused by the bytes but retries limit and timeout failures", async () => {
    const cache = createExtractionCache(createMemoryExtractionStore());
    const corrupt = vi.fn(async (): Promise<ExtractionResult> => ({ ok: false, reason: "corrupt", message: "bad" }));
    await cache.getOrExtract(bytes, corrupt);
    await cache.getOrExtract(bytes, corrupt);
    expect(corrupt).toHaveBeenCalledTimes(1);
    const other = new TextEncoder().encode("other");
    const timeout = vi.fn(async (): Promise<ExtractionResult> => ({ ok: false, reason: "ocr_timeout", message: "slow" }));
    await cache.getOrExtract(other, timeout);
    await cache.getOrExtract(other, timeout);
    expect(timeout).toHaveBeenCalledTimes(2);
  });
});
