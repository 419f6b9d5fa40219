/**
 * Reads an untrusted document off the caller's process: a child process per file, with a heap cap
 * (`limits.memoryMb`, as `--max-old-space-size`) and a wall-clock deadline (`limits.timeoutMs`);
 * the page, inflated-size, HTML and text caps apply inside it (readDocument). The bot's event loop
 * stays free — other chats are answered while a page is read — and a file over a bound ends in a
 * coded error, the child gone. A child, not a worker thread: a worker's heap cap is best-effort, and
 * some allocations over it abort the whole process (see child.ts).
 */
import { QaError } from "../../errors.js";
import { spawnChild, stopChild } from "../../child.js";
import { detectFormat } from "./detect.js";
import { cleanFileName } from "../file-names.js";
import type { ReadDocumentOptions, SeedPage } from "./index.js";
import { readLimits, tooComplex } from "./limits.js";
import type { ArticleSummary, ReadWorkerData, ReadWorkerMessage } from "./read-worker.js";

export type { ArticleSummary } from "./read-worker.js";

/** How much of the child's stderr is kept, to tell a heap overflow from another crash. */
const STDERR_TAIL_CHARS = 4_000;

/** A document read into a seed page, with the articles found on it. */
export interface ReadPage extends SeedPage {
  articles: ArticleSummary[];
}

/**
 * `readDocument` in a bounded child process: the same result and coded errors, plus PDF_TOO_COMPLEX,
 * HTML_TOO_COMPLEX or PAGE_TOO_LARGE (by the file's format) when the deadline or the memory cap is hit.
 */
export function readDocumentBounded(fileName: string, bytes: Uint8Array, options: ReadDocumentOptions): Promise<ReadPage> {
  const limits = readLimits(options.limits);
  const name = cleanFileName(fileName);
  const over = (why: string) => tooComplex(detectFormat(bytes, name) ?? "text", name, why);
  const data: ReadWorkerData = { name: fileName, bytes, maxBytes: options.maxBytes, limits, ocr: Boolean(options.ocr) };
  const child = spawnChild(new URL("./read-worker.ts", import.meta.url), { nodeFlags: [`--max-old-space-size=${limits.memoryMb}`], stderr: true });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr = (stderr + s).slice(-STDERR_TAIL_CHARS)));
  return new Promise<ReadPage>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let left = limits.timeoutMs;
    // A duration, not a date: the monotonic clock (the injected "today" is for dates).
    let since = performance.now();
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopChild(child, 0);
      fn();
    };
    const startClock = () => {
      since = performance.now();
      timer = setTimeout(() => finish(() => reject(over(`reading it takes more than ${Math.round(limits.timeoutMs / 1000)} s`))), left);
    };
    const pauseClock = () => {
      clearTimeout(timer);
      left = Math.max(0, left - (performance.now() - since));
    };
    child.on("message", (m: ReadWorkerMessage) => {
      if (m.kind === "done") finish(() => resolve({ name: m.name, format: m.format, bytes: Buffer.from(m.bytes), articles: m.articles }));
      else if (m.kind === "failed") finish(() => reject(m.error.code ? new QaError(m.error.code, m.error.message, m.error.hint) : new Error(m.error.message)));
      else {
        // OCR runs Tesseract per page with its own timeout; it does not count against the deadline.
        pauseClock();
        options.ocr!(m.pdf).then(
          (pages) => !settled && (startClock(), child.send({ pages })),
          (err: unknown) => !settled && (startClock(), child.send({ error: err instanceof Error ? err.message : String(err) })),
        );
      }
    });
    child.on("error", (err) => finish(() => reject(err)));
    // "close", not "exit": by then the whole of stderr has been read.
    child.on("close", (code, signal) =>
      finish(() =>
        reject(
          /heap out of memory|Allocation failed/.test(stderr)
            ? over(`reading it needs more than ${limits.memoryMb} MB of memory`)
            : new Error(`the reading process stopped (${signal ?? `exit code ${code}`})`),
        ),
      ),
    );
    child.send(data);
    startClock();
  });
}
