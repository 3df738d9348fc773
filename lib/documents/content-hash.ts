import { createHash } from "node:crypto";

/**
 * SHA-256 of the raw document bytes, lowercase hex. This is the extraction cache key: identical
 * bytes (the same scan attached to two DocumentReferences, a re-sync) are extracted once.
 */
export function hashContent(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
