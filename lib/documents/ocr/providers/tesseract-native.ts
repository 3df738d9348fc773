import { childProcessEnv } from "@/lib/env";
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { OcrFailedError, OcrTimeoutError, type OcrProvider, type OcrResult } from "../ocr-provider";
import { parseTesseractTsv } from "../parse-tesseract-tsv";
import { createSemaphore } from "../create-semaphore";

export type TesseractNativeOptions = {
  /** The `tesseract` executable (Debian: tesseract-ocr + tesseract-ocr-eng). */
  binaryPath?: string;
  /** Processes at once; defaults to the number of cores, each single-threaded. */
  concurrency?: number;
};

const maxOutputBytes = 32 * 1024 * 1024;

/** Runs `tesseract --version`; false when it is not installed or does not answer in 5 s. */
export function isNativeTesseractAvailable(binaryPath = "tesseract"): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(binaryPath, ["--version"], { stdio: "ignore", timeout: 5_000 });
    child.once("error", () => resolve(false));
    child.once("close", (code) => resolve(code === 0));
  });
}

/** The tesseract CLI, one short-lived process per image, image on stdin and TSV on stdout. */
export function createTesseractNativeProvider(options: TesseractNativeOptions = {}): OcrProvider {
  const binaryPath = options.binaryPath ?? "tesseract";
  const semaphore = createSemaphore(Math.max(1, options.concurrency ?? availableParallelism()));

  function run(image: Uint8Array, timeoutMs: number | undefined, dpi: number | undefined): Promise<OcrResult> {
    const args = ["stdin", "stdout", "--oem", "1", "-l", "eng"];
    if (dpi) args.push("--dpi", String(dpi));
    args.push("tsv");
    return new Promise((resolve, reject) => {
      // OpenMP's default of one thread per core makes tesseract ~7x slower when several run at once.
      // One OpenMP thread per process: on 2 cores the default oversubscribes (6.4 s vs 0.9 s a page).
      const child = spawn(binaryPath, args, { env: childProcessEnv({ OMP_THREAD_LIMIT: "1" }), stdio: ["pipe", "pipe", "pipe"] });
      const stdout: Buffer[] = [];
      let stdoutBytes = 0;
      let stderr = "";
      let timedOut = false;
      const timer = timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
          }, timeoutMs)
        : undefined;
      child.stdout.on("data", (chunk: Buffer) => {
        stdoutBytes += chunk.length;
        if (stdoutBytes > maxOutputBytes) child.kill("SIGKILL");
        else stdout.push(chunk);
      });
      child.stderr.on("data", (chunk: Buffer) => {
        if (stderr.length < 4096) stderr += chunk.toString("utf8");
      });
      // EPIPE when tesseract exits before reading all input (unreadable image): the exit code reports it.
      child.stdin.on("error", () => {});
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(new OcrFailedError(`could not start ${binaryPath}`, "engine", { cause: error }));
      });
      child.once("close", (code) => {
        clearTimeout(timer);
        if (timedOut) return reject(new OcrTimeoutError(timeoutMs ?? 0));
        if (code !== 0) {
          const detail = stderr.split("\n").find((l) => /error|cannot|unsupported|unknown/i.test(l)) ?? "";
          return reject(new OcrFailedError(`tesseract exited with ${code}${detail ? `: ${detail.slice(0, 200)}` : ""}`, "unreadable_image"));
        }
        resolve(parseTesseractTsv(Buffer.concat(stdout).toString("utf8")));
      });
      child.stdin.end(image);
    });
  }

  return {
    name: "tesseract-native",
    recognize: (image, opts = {}) => semaphore.run(() => run(image, opts.timeoutMs, opts.dpi)),
    async close() {
      // Nothing pooled: each recognition is its own process and ends with it.
    },
  };
}
