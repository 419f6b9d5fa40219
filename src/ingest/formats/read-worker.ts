/**
 * The child process that reads one untrusted document (started by bounded.ts, one per file, so its
 * memory goes with it). It reads with the same `readDocument` as in-process; OCR is asked of the
 * parent, which holds the OCR function (it runs Tesseract as child processes).
 */
import { firstMessage, onParentGone, toParent } from "../../child.js";
import { QaError } from "../../errors.js";
import { decodeText } from "../encoding.js";
import { parseArticles } from "../index.js";
import { readDocument } from "./index.js";
import type { ReadLimits } from "./limits.js";

/** What bounded.ts sends the reader first. */
export interface ReadWorkerData {
  name: string;
  bytes: Uint8Array;
  maxBytes: number;
  limits: ReadLimits;
  /** Whether the parent can OCR a scanned PDF. */
  ocr: boolean;
}

/** An article of the page read, as the report of what was added names it. */
export interface ArticleSummary {
  headline: string;
  paper: string | null;
  date: string | null;
}

/** Messages from the worker: a request for OCR, then the result or the error. */
export type ReadWorkerMessage =
  | { kind: "ocr"; pdf: Uint8Array }
  | { kind: "done"; name: string; format: "pdf" | "html" | "text"; bytes: Uint8Array; articles: ArticleSummary[] }
  | { kind: "failed"; error: { code: QaError["code"] | null; message: string; hint: string } };

onParentGone();
const data = await firstMessage<ReadWorkerData>();

const ocr = (pdf: Uint8Array) =>
  new Promise<string[]>((resolve, reject) => {
    process.once("message", (reply: { pages?: string[]; error?: string }) => (reply.pages ? resolve(reply.pages) : reject(new Error(reply.error))));
    toParent({ kind: "ocr", pdf } satisfies ReadWorkerMessage);
  });

try {
  const page = await readDocument(data.name, data.bytes, { maxBytes: data.maxBytes, limits: data.limits, ocr: data.ocr ? ocr : null });
  // The page is parsed here too: a long page costs this process, not the caller.
  // A text page is kept in its own encoding (GBK, UTF-16…); the seeds reader decodes it the same way.
  const text = (decodeText(page.bytes)?.text ?? "").replace(/\r\n?/g, "\n");
  const articles = parseArticles(page.name, text).map((a) => ({ headline: a.headline, paper: a.paper, date: a.date }));
  toParent({ kind: "done", name: page.name, format: page.format, bytes: page.bytes, articles } satisfies ReadWorkerMessage);
} catch (err) {
  const error = err instanceof QaError ? { code: err.code, message: err.message, hint: err.hint } : { code: null, message: err instanceof Error ? err.message : String(err), hint: "" };
  toParent({ kind: "failed", error } satisfies ReadWorkerMessage);
}
