import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Worker } from "tesseract.js";
import { OcrFailedError, OcrTimeoutError, toUnitConfidence, type OcrProvider } from "../ocr-provider";
import { withTimeout } from "../with-timeout";

export type TesseractJsOptions = {
  /** Workers in the pool; defaults to the number of cores. Each costs ~100 MB with best_int. */
  poolSize?: number;
  /** Folder holding eng.traineddata.gz; defaults to @tesseract.js-data/eng's 4.0.0_best_int. */
  langPath?: string;
};

const workerStartTimeoutMs = 30_000;

/** best_int (LSTM only) reads as well as the 4.0.0 legacy+LSTM data with half the memory. */
async function resolveLangPath(): Promise<string> {
  const { default: engData } = await import("@tesseract.js-data/eng");
  return path.join(path.dirname(engData.langPath), "4.0.0_best_int");
}

async function startWorker(langPath: string): Promise<Worker> {
  // A missing traineddata file crashes the process from inside the worker thread, so check first.
  if (!existsSync(path.join(langPath, "eng.traineddata.gz"))) {
    throw new OcrFailedError(`eng.traineddata.gz not found in ${langPath}`, "engine");
  }
  const { createWorker, OEM } = await import("tesseract.js");
  const starting = createWorker("eng", OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    // The default cache writes an unzipped traineddata into the working directory.
    cacheMethod: "none",
    // Without a handler tesseract.js rethrows a failed job inside a message callback: an uncaught
    // exception that kills the process. The job's promise still rejects, which is what we use.
    errorHandler: () => {},
  });
  let gaveUp = false;
  starting.then((worker) => (gaveUp ? worker.terminate() : undefined)).catch(() => {});
  return withTimeout(starting, workerStartTimeoutMs, () => {
    gaveUp = true;
    return new OcrFailedError("tesseract.js worker did not start", "engine");
  });
}

/** tesseract.js (WebAssembly) with a pool of reused workers: no system dependency, no network. */
export function createTesseractJsProvider(options: TesseractJsOptions = {}): OcrProvider {
  const poolSize = Math.max(1, options.poolSize ?? availableParallelism());
  const langPathPromise = options.langPath ? Promise.resolve(options.langPath) : resolveLangPath();
  const idle: Worker[] = [];
  const waiting: (() => void)[] = [];
  let live = 0;
  let closed = false;
  const wakeOne = () => waiting.shift()?.();

  async function acquire(): Promise<Worker> {
    for (;;) {
      if (closed) throw new OcrFailedError("OCR provider is closed", "engine");
      const worker = idle.pop();
      if (worker) return worker;
      if (live < poolSize) {
        live++;
        try {
          return await startWorker(await langPathPromise);
        } catch (error) {
          live--;
          wakeOne();
          throw error;
        }
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  function release(worker: Worker) {
    if (closed) void worker.terminate().catch(() => {});
    else idle.push(worker);
    wakeOne();
  }

  function discard(worker: Worker) {
    live--;
    void worker.terminate().catch(() => {});
    wakeOne();
  }

  return {
    name: "tesseract-js",
    async recognize(image, opts = {}) {
      const worker = await acquire();
      try {
        await worker.setParameters({ user_defined_dpi: String(opts.dpi ?? 0) });
        const job = worker.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
        const { data } = opts.timeoutMs ? await withTimeout(job, opts.timeoutMs, () => new OcrTimeoutError(opts.timeoutMs ?? 0)) : await job;
        release(worker);
        return { text: data.text, confidence: toUnitConfidence(data.confidence) };
      } catch (error) {
        // A timed-out worker is still busy with the page: terminate it and let the pool start another.
        if (error instanceof OcrTimeoutError) discard(worker);
        else release(worker);
        if (error instanceof OcrTimeoutError || error instanceof OcrFailedError) throw error;
        throw new OcrFailedError("tesseract.js could not read the image", "unreadable_image", { cause: error });
      }
    },
    async close() {
      closed = true;
      const workers = idle.splice(0);
      live -= workers.length;
      waiting.splice(0).forEach((wake) => wake());
      await Promise.all(workers.map((worker) => worker.terminate().catch(() => {})));
    },
  };
}
