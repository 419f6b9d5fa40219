/**
 * Turns a file given to `index --add` (or sent to the bot) into a seed page: the text the cleaner
 * reads, with a front matter block for what the document's metadata says. PDF and HTML are
 * converted; UTF-8 text is taken as it is. The format is found from the bytes (see detect.ts).
 */
import { QaError } from "../../errors.js";
import { decodeText } from "../encoding.js";
import { renderFrontMatter, type FrontMatter } from "../front-matter.js";
import { detectFormat, type PageFormat } from "./detect.js";
import { cleanFileName, seedNameFor } from "../file-names.js";
import { decodeHtml, readHtml } from "./html.js";
import { checkTextSize, readLimits, tooLarge, type ReadLimits } from "./limits.js";
import type { PdfOcr } from "./ocr.js";
import { readPdf } from "./pdf.js";

export type { PageFormat } from "./detect.js";
export { cleanFileName, MAX_NAME_BYTES, seedNameFor } from "../file-names.js";
export { tooLarge } from "./limits.js";

/** A document made into a seed page. */
export interface SeedPage {
  /** Seed file name: the document's name with `.txt` in place of its extension. */
  name: string;
  format: PageFormat;
  /** The seed page's bytes: the text unchanged for a text file, else front matter + converted text. */
  bytes: Buffer;
}

export interface ReadDocumentOptions {
  /** Largest file taken, in bytes (ADD_MAX_MB). */
  maxBytes: number;
  /** Reads scanned PDF pages (see ocr.ts); null or absent: they are refused with PDF_NO_TEXT. */
  ocr?: PdfOcr | null;
  /** Bounds on what reading may cost (limits.ts); missing fields take DEFAULT_READ_LIMITS. */
  limits?: Partial<ReadLimits>;
}

/**
 * Reads one document into a seed page, in this thread. Throws FILE_TOO_LARGE, FORMAT_UNKNOWN,
 * PDF_DAMAGED, PDF_ENCRYPTED, PDF_NO_TEXT, HTML_NO_ARTICLE, or — over a bound of `options.limits` —
 * PDF_TOO_COMPLEX, HTML_TOO_COMPLEX or PAGE_TOO_LARGE, each with a hint; nothing is written.
 * An untrusted file is read through `readDocumentBounded` (bounded.ts), which adds a deadline and a memory cap.
 */
export async function readDocument(fileName: string, bytes: Uint8Array, options: ReadDocumentOptions): Promise<SeedPage> {
  const given = cleanFileName(fileName);
  if (bytes.length > options.maxBytes) throw tooLarge(given, bytes.length, options.maxBytes);
  const format = detectFormat(bytes, given);
  const name = seedNameFor(given);
  const limits = readLimits(options.limits);
  if (format === "text") {
    checkTextSize(decodeText(bytes)?.text ?? "", given, limits);
    return { name, format, bytes: Buffer.from(bytes) };
  }
  if (format === null) {
    const claimed = given.match(/\.(pdf|html?)$/i)?.[1]?.toUpperCase();
    throw new QaError(
      "FORMAT_UNKNOWN",
      claimed
        ? `Cannot add ${given}: it is named .${claimed.toLowerCase()} but is not ${claimed === "PDF" ? "a PDF (no %PDF- header)" : "an HTML page"}; its bytes look binary.`
        : `Cannot add ${given}: it is not a PDF, an HTML page or UTF-8 text.`,
      "Add the e-paper page as PDF, the web article as HTML, or the text as a UTF-8 .txt file (a damaged download: fetch it again).",
    );
  }
  const fields: FrontMatter = { source: given, format };
  let text: string;
  if (format === "pdf") {
    const pdf = await readPdf(bytes, given, { ocr: options.ocr ?? null, limits });
    Object.assign(fields, { date: pdf.date ?? undefined, "date-from": pdf.dateFrom ?? undefined, title: pdf.title ?? undefined, "text-from": pdf.ocr ? "OCR (Tesseract chi_sim): the PDF has no text layer" : undefined });
    text = pdf.text;
  } else {
    const html = readHtml(decodeHtml(bytes), given, limits);
    Object.assign(fields, { paper: html.site ?? undefined, byline: html.byline ?? undefined, date: html.date ?? undefined, "date-from": html.dateFrom ?? undefined });
    text = html.text;
  }
  checkTextSize(text, given, limits);
  return { name, format, bytes: Buffer.from(`${renderFrontMatter(fields)}${text}\n`, "utf8") };
}
