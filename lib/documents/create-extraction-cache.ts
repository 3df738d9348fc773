import { hashContent } from "./content-hash";
import { cacheableFailureReasons, type ExtractionResult } from "./extraction-result";

/** Where extraction results live; the app's implementation is a table keyed by content hash. */
export interface ExtractionStore {
  get(contentHash: string): Promise<ExtractionResult | undefined>;
  set(contentHash: string, result: ExtractionResult): Promise<void>;
}

export type ExtractionCache = {
  /** Returns the stored result for these bytes, or runs `extract` once and stores what it returns. */
  getOrExtract(bytes: Uint8Array, extract: () => Promise<ExtractionResult>): Promise<CachedExtraction>;
};

export type CachedExtraction = { contentHash: string; result: ExtractionResult; cached: boolean };

export function createExtractionCache(store: ExtractionStore): ExtractionCache {
  // Concurrent requests for the same bytes share one extraction instead of OCRing twice.
  const inFlight = new Map<string, Promise<ExtractionResult>>();
  return {
    async getOrExtract(bytes, extract) {
      const contentHash = hashContent(bytes);
      const stored = await store.get(contentHash);
      if (stored) return { contentHash, result: stored, cached: true };
      const running = inFlight.get(contentHash);
      if (running) return { contentHash, result: await running, cached: true };
      const promise = extract().then(async (result) => {
        // Limit and timeout failures depend on settings and load, not on the bytes: retry those later.
        if (result.ok || cacheableFailureReasons.has(result.reason)) await store.set(contentHash, result);
        return result;
      });
      inFlight.set(contentHash, promise);
      try {
        return { contentHash, result: await promise, cached: false };
      } finally {
        inFlight.delete(contentHash);
      }
    },
  };
}

export function createMemoryExtractionStore(): ExtractionStore & { readonly size: number } {
  const results = new Map<string, ExtractionResult>();
  return {
    get: async (contentHash) => results.get(contentHash),
    set: async (contentHash, result) => {
      results.set(contentHash, result);
    },
    get size() {
      return results.size;
    },
  };
}
