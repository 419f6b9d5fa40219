/**
 * PDF pages through pdfjs-dist (its legacy build runs on Node without a browser). The CJK CMaps
 * and the standard fonts come from the installed package, so nothing is fetched: a paper set in
 * a non-embedded Chinese font still decodes offline.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { QaError } from "../../errors.js";
import { dateInText } from "../page-dates.js";
import { DEFAULT_READ_LIMITS, tooComplex, type ReadLimits } from "./limits.js";
import { OCR_INSTALL_HINT, type PdfOcr } from "./ocr.js";
import { checkInflatedSize } from "./pdf-inflate.js";
import { layoutPage, type TextPiece } from "./pdf-layout.js";

/** What a PDF gave: its text in reading order and what its metadata says. */
export interface PdfText {
  text: string;
  pages: number;
  title: string | null;
  /** ISO date from the title when it holds one, else from CreationDate; null when neither does. */
  date: string | null;
  dateFrom: string | null;
  /** True when the text was read by OCR (the PDF had no text layer). */
  ocr: boolean;
}

export interface ReadPdfOptions {
  /** Reads a PDF without a text layer (a scan); null or absent: such a PDF is refused with PDF_NO_TEXT and the install hint. */
  ocr?: PdfOcr | null;
  /** Page, inflated-size and text caps (see limits.ts). Default DEFAULT_READ_LIMITS. */
  limits?: Pick<ReadLimits, "maxPdfPages" | "maxInflatedBytes" | "maxTextChars">;
}

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** Fewer readable characters than this on all pages together: there is no text layer to read. */
const MIN_TEXT_CHARS = 20;
/** Lines at the top of an OCR'd page where its printed date is looked for. */
const OCR_TOP_LINES = 15;
/** Private-use and replacement characters: glyphs the PDF gives no Unicode for. */
const UNDECODABLE = /[\uE000-\uF8FF\uFFFD]/gu;

/**
 * Extracts the text of every page, column by column; a scan is read by `options.ocr` when given.
 * Throws PDF_DAMAGED (truncated or broken), PDF_ENCRYPTED (password protected) or PDF_NO_TEXT (a
 * scan without OCR, or one OCR finds no text in), or PDF_TOO_COMPLEX (more pages, inflated bytes
 * or text than `options.limits` allow; checked before the pages are read).
 */
export async function readPdf(bytes: Uint8Array, name: string, options: ReadPdfOptions = {}): Promise<PdfText> {
  const damaged = (why: string, cause?: unknown) =>
    new QaError("PDF_DAMAGED", `Cannot add ${name}: ${why}.`, "Download or export the PDF again and add the complete file.", { cause });
  // A complete PDF ends with %%EOF; pdf.js would quietly read what it can of a cut-off download.
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes("%%EOF")) throw damaged("the PDF is truncated (no %%EOF end marker)");
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  checkInflatedSize(bytes, name, limits);

  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (cause) {
    const kind = cause instanceof Error ? cause.name : "";
    if (kind === "PasswordException") {
      throw new QaError("PDF_ENCRYPTED", `Cannot add ${name}: the PDF is password protected.`, "Export or print the page to a PDF without a password and add that.", { cause });
    }
    throw damaged(`the PDF structure is broken (${cause instanceof Error ? cause.message : String(cause)})`, cause);
  }
  try {
    if (doc.numPages > limits.maxPdfPages) throw tooComplex("pdf", name, `it has ${doc.numPages.toLocaleString("en")} pages, over the ${limits.maxPdfPages} read from one file`);
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [, , c, d, x, y] = item.transform as number[];
        pieces.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) });
      }
      pages.push(layoutPage(pieces));
      page.cleanup();
      chars += pages[pages.length - 1]!.length;
      if (chars > limits.maxTextChars) throw tooComplex("pdf", name, `its text is over the ${limits.maxTextChars.toLocaleString("en")} characters a page may hold`);
    }
    let text = pages.filter(Boolean).join("\n\n\n");
    const ocr = !hasText(text) && options.ocr ? options.ocr : null;
    if (ocr) text = (await ocr(bytes)).map((page) => page.trim()).filter(Boolean).join("\n\n\n");
    if (!hasText(text)) {
      const hint = ocr
        ? "Scan the page again (straight, 300 dpi or more), or add the page as text."
        : `To read scanned pages here, install Tesseract (${OCR_INSTALL_HINT}); or run OCR on it first (e.g. ocrmypdf --language chi_sim in.pdf out.pdf) and add the OCR'd PDF, or add the page as text.`;
      const decodable = text.replace(/\s|#/g, "").length ? "decodable " : "";
      const why = ocr ? "; OCR (Tesseract chi_sim) found no text in it either" : "";
      throw new QaError("PDF_NO_TEXT", `Cannot add ${name}: the PDF has no ${decodable}text layer (a scanned or image-only page)${why}.`, hint);
    }
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const title = typeof info.Title === "string" && info.Title.trim() ? info.Title.trim() : null;
    const titleDate = title ? dateInText(title) : null;
    // OCR often misreads a masthead's display type, so the cleaner may not find the paper's date
    // line; a date printed in the top lines of a scanned page beats when the scan was made.
    const scanDate = ocr ? dateInText(text.split("\n").slice(0, OCR_TOP_LINES).join("\n")) : null;
    const created = typeof info.CreationDate === "string" ? pdfDate(info.CreationDate) : null;
    return {
      text,
      pages: doc.numPages,
      title,
      date: titleDate ?? scanDate ?? created,
      dateFrom: titleDate ? "PDF metadata (Title)" : scanDate ? "OCR text (top of the page)" : created ? "PDF metadata (CreationDate)" : null,
      ocr: ocr !== null,
    };
  } finally {
    await doc.destroy();
  }
}

/** Enough readable characters, mostly with a Unicode mapping: a text layer (or OCR) worth indexing. */
function hasText(text: string): boolean {
  const visible = text.replace(/\s|#/g, "");
  const undecodable = visible.match(UNDECODABLE)?.length ?? 0;
  return visible.length - undecodable >= MIN_TEXT_CHARS && undecodable <= visible.length / 2;
}

/** `D:20241107083000+08'00'` → 2024-11-07 (the date as written, in the PDF's own time zone). */
function pdfDate(value: string): string | null {
  const m = value.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})/);
  return m ? dateInText(`${m[1]}-${m[2]}-${m[3]}`) : null;
}
