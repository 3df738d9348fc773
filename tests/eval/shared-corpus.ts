import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Where the corpus-backed tests find ../shared/corpus (beside the project, HARNESS.md). With CI=true a
 * missing folder is a failure; on a user's clone without it the tests are skipped and say why.
 */
export const sharedCorpusRoot = process.env.SHARED_CORPUS_DIR ?? path.resolve(import.meta.dirname, "../../../shared/corpus");

export function findCorpusFolder(name: string): { dir: string; available: boolean } {
  const dir = path.join(sharedCorpusRoot, name);
  const available = existsSync(dir);
  if (!available && process.env.CI === "true") throw new Error(`${dir} is missing: corpus-backed tests are required in CI`);
  if (!available) console.warn(`skipped: ${dir} not found (the shared test corpus is not beside this clone)`);
  return { dir, available };
}
