import { spawn } from "node:child_process";

/** The command line on one file: its page texts (tesseract ends each page with a form feed). */
function readFax(file: string, binary: string): Promise<string[]> {
  return new Promise<string[]>((resolve) => {
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
  });
}

/**
 * The reference the fax figures are compared with: the tesseract command line as a user would run
 * it on the original (multi-page) TIFF, with orientation detection (`--psm 1`), nothing of ours in
 * between. Page texts per document id. Files are read `lanes` at a time; `widen` adds lanes while it
 * runs, so the reading can start on one spare core and take more once they are free.
 */
export function startPlainTesseract(files: { id: string; file: string }[], lanes: number, binary = "tesseract") {
  const texts = new Map<string, string[]>();
  let next = 0;
  let running = 0;
  let finish: (result: Map<string, string[]>) => void = () => {};
  const done = new Promise<Map<string, string[]>>((resolve) => (finish = resolve));
  async function lane() {
    running++;
    while (next < files.length) {
      const { id, file } = files[next++]!;
      texts.set(id, await readFax(file, binary));
    }
    if (--running === 0) finish(new Map(files.map(({ id }) => [id, texts.get(id) ?? []])));
  }
  const widen = (more: number) => {
    for (let i = 0; i < more && next < files.length; i++) void lane();
  };
  if (files.length === 0) finish(new Map());
  else widen(Math.max(1, lanes));
  return { done, widen };
}
