import { spawn } from "node:child_process";
import { createSemaphore } from "@/lib/documents/ocr/create-semaphore";

/**
 * The reference the fax figures are compared with: the tesseract command line as a user would run
 * it on the original (multi-page) TIFF, with orientation detection (`--psm 1`), nothing of ours in
 * between. Page texts per document id (tesseract ends each page with a form feed).
 */
export async function readFaxesWithPlainTesseract(files: { id: string; file: string }[], concurrency: number, binary = "tesseract") {
  const semaphore = createSemaphore(concurrency);
  const texts = await Promise.all(
    files.map(({ file }) =>
      semaphore.run(
        () =>
          new Promise<string[]>((resolve) => {
            const child = spawn(binary, [file, "stdout", "--psm", "1", "--oem", "1", "-l", "eng"], {
              env: { ...process.env, OMP_THREAD_LIMIT: "1" },
              stdio: ["ignore", "pipe", "ignore"],
            });
            const out: Buffer[] = [];
            child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
            child.once("error", () => resolve([]));
            child.once("close", () => {
              const parts = Buffer.concat(out).toString("utf8").split("\f");
              resolve(parts.at(-1)?.trim() ? parts : parts.slice(0, -1));
            });
          }),
      ),
    ),
  );
  return new Map(files.map(({ id }, i) => [id, texts[i] ?? []]));
}
