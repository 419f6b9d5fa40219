/**
 * Bounds on reading one untrusted file (an upload, `index --add`, an inbox or feed page): a PDF
 * that inflates to gigabytes, a PDF of 50,000 blank pages, a web page of 100,000 nested elements
 * or a 20 MB line of text must cost a bounded time and memory and end in a coded error, never
 * freeze the bot. One options object, defaults in one constant (docs/adding-papers.md lists them).
 */
import { QaError } from "../../errors.js";
import type { PageFormat } from "./detect.js";

export interface ReadLimits {
  /** Wall-clock deadline for reading one file, in ms (time spent in OCR is not counted: it has its own per-page timeout). Default 60 s. */
  timeoutMs: number;
  /** JavaScript heap of the worker that reads the file, in MB. Default 768. */
  memoryMb: number;
  /** Pages of one PDF read at most (an e-paper issue has 4–48). Default 200. */
  maxPdfPages: number;
  /** Bytes all of a PDF's compressed (Flate) streams may inflate to together: a "zip bomb" PDF stops here. Default 256 MB. */
  maxInflatedBytes: number;
  /** Characters of text one file may make (a newspaper page holds 5,000–50,000). Default 2,000,000. */
  maxTextChars: number;
  /** Elements of one web page, counted before it is parsed. Default 30,000. */
  maxHtmlElements: number;
  /** Nesting depth of one web page, measured before it is parsed (Readability over linkedom slows about cubically with depth). Default 200. */
  maxHtmlDepth: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = {
  timeoutMs: 60_000,
  memoryMb: 768,
  maxPdfPages: 200,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxTextChars: 2_000_000,
  maxHtmlElements: 30_000,
  maxHtmlDepth: 200,
};

/** The limits with `given` over the defaults. */
export function readLimits(given: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...given };
}

const TOO_COMPLEX_HINT: Record<PageFormat, string> = {
  pdf: "Export or print the page again to a plain PDF (one issue page per file), or add its text as a .txt page.",
  html: "Save the article with the browser's reader view (or as text) and add that, or add its text as a .txt page.",
  text: "Split the text into pages (one newspaper page per file) and add those.",
};

/** PDF_TOO_COMPLEX, HTML_TOO_COMPLEX or PAGE_TOO_LARGE (text) for `name`: reading it would cross a bound. */
export function tooComplex(format: PageFormat, name: string, why: string): QaError {
  const code = format === "pdf" ? "PDF_TOO_COMPLEX" : format === "html" ? "HTML_TOO_COMPLEX" : "PAGE_TOO_LARGE";
  return new QaError(code, `Cannot add ${name}: ${why}.`, TOO_COMPLEX_HINT[format]);
}

/** PAGE_TOO_LARGE when a reader made more text than `maxTextChars`. */
export function checkTextSize(text: string, name: string, limits: Pick<ReadLimits, "maxTextChars">): void {
  if (text.length > limits.maxTextChars) {
    throw new QaError(
      "PAGE_TOO_LARGE",
      `Cannot add ${name}: it makes ${text.length.toLocaleString("en")} characters of text, over the ${limits.maxTextChars.toLocaleString("en")} a page may hold.`,
      TOO_COMPLEX_HINT.text,
    );
  }
}

/** FILE_TOO_LARGE for a file of `size` bytes over `limit` (also used before reading a file from disk). */
export function tooLarge(name: string, size: number, limit: number): QaError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new QaError(
    "FILE_TOO_LARGE",
    `Cannot add ${name}: it is ${mb(size)}, over the ${mb(limit)} limit.`,
    "Split the document into pages, or raise ADD_MAX_MB if such files are expected.",
  );
}
