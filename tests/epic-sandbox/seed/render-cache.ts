import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

type Kind = "text-pdf" | "scan-png" | "scan-jpeg" | "scanned-pdf";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
/** Under .data/ (git-ignored, the app's local state folder); one file per rendered document. */
export const defaultRenderCacheDir = path.join(repoRoot, ".data", "epic-sandbox", "renders");
const maxAgeMs = 30 * 86_400_000;

async function fileText(file: string): Promise<string> {
  return readFile(file, "utf8").catch(() => "");
}

let rendererVersion: Promise<string> | undefined;

/**
 * The drawing code and the libraries that draw are part of every key, so editing render-documents.ts
 * or upgrading pdf-lib / @napi-rs/canvas never serves a stale scan.
 */
function currentRendererVersion(): Promise<string> {
  rendererVersion ??= Promise.all([
    fileText(path.join(import.meta.dirname, "render-documents.ts")),
    fileText(path.join(repoRoot, "node_modules/pdf-lib/package.json")),
    fileText(path.join(repoRoot, "node_modules/@napi-rs/canvas/package.json")),
  ]).then((parts) => createHash("sha256").update(parts.join("\0")).digest("hex").slice(0, 16));
  return rendererVersion;
}

async function render(kind: Kind, title: string, lines: readonly string[]): Promise<Uint8Array> {
  // Loaded only on a miss: pdf-lib and the canvas binding are the slowest part of a cold start.
  const r = await import("./render-documents");
  if (kind === "text-pdf") return r.textPdf(title, lines);
  if (kind === "scanned-pdf") return r.scannedPdf(title, lines);
  return r.scanImage(title, lines, kind === "scan-png" ? "png" : "jpeg");
}

async function pruneOld(dir: string): Promise<void> {
  const cutoff = Date.now() - maxAgeMs;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
  }
}

/**
 * Seed scans and PDFs, rendered once and then read from disk. Their text holds dates relative to
 * "today", so a new day (or a new `now`) misses once; every later start that day is a read.
 */
export function createRenderCache(dir: string = defaultRenderCacheDir) {
  const stats = { hits: 0, misses: 0 };
  async function cached(kind: Kind, title: string, lines: readonly string[]): Promise<Uint8Array> {
    const version = await currentRendererVersion();
    const key = createHash("sha256").update(JSON.stringify([version, kind, title, lines])).digest("hex");
    const file = path.join(dir, `${key}.bin`);
    try {
      const bytes = new Uint8Array(await readFile(file));
      stats.hits += 1;
      return bytes;
    } catch {
      stats.misses += 1;
    }
    const bytes = await render(kind, title, lines);
    try {
      await mkdir(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
      await pruneOld(dir);
    } catch {
      // A read-only checkout only costs speed.
    }
    return bytes;
  }
  return {
    stats,
    textPdf: (title: string, lines: readonly string[]) => cached("text-pdf", title, lines),
    scannedPdf: (title: string, lines: readonly string[]) => cached("scanned-pdf", title, lines),
    scanImage: (title: string, lines: readonly string[], format: "png" | "jpeg") =>
      cached(format === "png" ? "scan-png" : "scan-jpeg", title, lines),
  };
}

export type RenderCache = ReturnType<typeof createRenderCache>;
