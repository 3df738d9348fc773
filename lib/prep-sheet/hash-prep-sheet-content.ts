import { createHash } from "node:crypto";
import type { PrepSheet } from "./prep-sheet-model";

/** JSON with keys sorted, so a value read back from jsonb (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * A hash of what the sheet says, leaving out when and as which id it was generated, so a
 * regenerated sheet with the same content is recognised and not written to Epic again.
 */
export function hashPrepSheetContent(sheet: PrepSheet): string {
  const { id: _id, generatedAt: _generatedAt, header, ...rest } = sheet;
  const { generatedDisplay: _display, ...stableHeader } = header;
  return createHash("sha256").update(canonicalJson({ ...rest, header: stableHeader })).digest("hex");
}
