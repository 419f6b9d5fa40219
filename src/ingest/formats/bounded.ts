/**
 * Reads an untrusted document off the caller's thread: a worker thread per file, with a heap cap
 * (`limits.memoryMb`) and a wall-clock deadline (`limits.timeoutMs`); the page, inflated-size, HTML
 * and text caps apply inside it (readDocument). The bot's event loop stays free — other chats are
 * answered while a page is read — and a file over a bound ends in a coded error, the worker gone.
 */
import { QaError } from "../../errors.js";
import { spawnWorker } from "../../worker-thread.js";
import { detectFormat } from "./detect.js";
import { cleanFileName } from "../file-names.js";
import type { ReadDocumentOptions, SeedPage } from "./index.js";
import { readLimits, tooComplex } from "./limits.js";
import type { ArticleSummary, ReadWorkerData, ReadWorkerMessage } from "./read-worker.js";

export type { ArticleSummary } from "./read-worker.js";

/** A document read into a seed page, with the articles found on it. */
export interface ReadPage extends SeedPage {
  articles: ArticleSummary[];
}

/**
 * `readDocument` in a bounded worker: the same result and coded errors, plus PDF_TOO_COMPLEX,
 * HTML_TOO_COMPLEX or PAGE_TOO_LARGE (by the file's format) when the deadline or the memory cap is hit.
 */
export function readDocumentBounded(fileName: string, bytes: Uint8Array, options: ReadDocumentOptions): Promise<ReadPage> {
  const limits = readLimits(options.limits);
  const name = cleanFileName(fileName);
  const over = (why: string) => tooComplex(detectFormat(bytes, name) ?? "text", name, why);
  const data: ReadWorkerData = { name: fileName, bytes, maxBytes: options.maxBytes, limits, ocr: Boolean(options.ocr) };
  const worker = spawnWorker(new URL("./read-worker.ts", import.meta.url), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    stdout: true, // pdf.js warnings stay out of the bot's output
  });
  worker.stdout.resume();
  return new Promise<ReadPage>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let left = limits.timeoutMs;
    let since = Date.now();
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const startClock = () => {
      since = Date.now();
      timer = setTimeout(() => finish(() => reject(over(`reading it takes more than ${Math.round(limits.timeoutMs / 1000)} s`))), left);
    };
    const pauseClock = () => {
      clearTimeout(timer);
      left = Math.max(0, left - (Date.now() - since));
    };
    worker.on("message", (m: ReadWorkerMessage) => {
      if (m.kind === "done") finish(() => resolve({ name: m.name, format: m.format, bytes: Buffer.from(m.bytes), articles: m.articles }));
      else if (m.kind === "failed") finish(() => reject(m.error.code ? new QaError(m.error.code, m.error.message, m.error.hint) : new Error(m.error.message)));
      else {
        // OCR runs Tesseract per page with its own timeout; it does not count against the deadline.
        pauseClock();
        options.ocr!(m.pdf).then(
          (pages) => !settled && (startClock(), worker.postMessage({ pages })),
          (err: unknown) => !settled && (startClock(), worker.postMessage({ error: err instanceof Error ? err.message : String(err) })),
        );
      }
    });
    worker.on("error", (err: Error & { code?: string }) => {
      finish(() => reject(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? over(`reading it needs more than ${limits.memoryMb} MB of memory`) : err));
    });
    worker.on("exit", (code) => finish(() => reject(new Error(`the reading worker stopped (exit code ${code})`))));
    startClock();
  });
}
