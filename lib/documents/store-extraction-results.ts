import "server-only";
import type { Db } from "@/db/client";
import { findExtraction, saveExtraction } from "@/db/queries/documents";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import type { ExtractionStore } from "./create-extraction-cache";
import type { ExtractionResult } from "./extraction-result";

export const extractionAad = (organizationId: string, contentHash: string) => `document_extractions.result:${organizationId}:${contentHash}`;

/**
 * The database behind createExtractionCache: one encrypted row per (clinic, content hash), so the
 * same bytes are extracted once per clinic across processes and restarts.
 */
export function createDbExtractionStore(db: Db, organizationId: Id<"organization">): ExtractionStore {
  const cipher = getCipher();
  return {
    async get(contentHash) {
      const row = await findExtraction(db, organizationId, contentHash);
      if (!row) return undefined;
      return JSON.parse(cipher.decrypt(row.resultEncrypted, extractionAad(organizationId, contentHash))) as ExtractionResult;
    },
    async set(contentHash, result) {
      const resultEncrypted = cipher.encrypt(JSON.stringify(result), extractionAad(organizationId, contentHash));
      await saveExtraction(db, organizationId, { contentHash, ok: result.ok, resultEncrypted });
    },
  };
}
