/**
 * PDF pages through pdfjs-dist (its legacy build runs on Node without a browser). The CJK CMaps
 * and the standard fonts come from the installed package, so nothing is fetched: a paper set in
 * a non-embedded Chinese font still decodes offline.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { QaError } from "../../errors.js";
import { dateInText } from "../page-dates.js";
import { layoutPage, type TextPiece } from "./pdf-layout.js";

/** What a PDF gave: its text in reading order and what its metadata says. */
export interface PdfText {
  text: string;
  pages: number;
  title: string | null;
  /** ISO date from the title when it holds one, else from CreationDate; null when neither does. */
  date: string | null;
  dateFrom: string | null;
}

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** Fewer readable characters than this on all pages together: there is no text layer to read. */
const MIN_TEXT_CHARS = 20;
/** Private-use and replacement characters: glyphs the PDF gives no Unicode for. */
const UNDECODABLE = /[\uE000-\uF8FF\uFFFD]/gu;

/**
 * Extracts the text of every page, column by column. Throws PDF_DAMAGED (truncated or broken),
 * PDF_ENCRYPTED (password protected) or PDF_NO_TEXT (a scan: needs OCR first).
 */
export async function readPdf(bytes: Uint8Array, name: string): Promise<PdfText> {
  const damaged = (why: string, cause?: unknown) =>
    new QaError("PDF_DAMAGED", `Cannot add ${name}: ${why}.`, "Download or export the PDF again and add the complete file.", { cause });
  // A complete PDF ends with %%EOF; pdf.js would quietly read what it can of a cut-off download.
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).includes("%%EOF")) throw damaged("the PDF is truncated (no %%EOF end marker)");

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
    const pages: string[] = [];
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
    }
    const text = pages.filter(Boolean).join("\n\n\n");
    const visible = text.replace(/\s|#/g, "");
    const undecodable = visible.match(UNDECODABLE)?.length ?? 0;
    if (visible.length - undecodable < MIN_TEXT_CHARS || undecodable > visible.length / 2) {
      throw new QaError(
        "PDF_NO_TEXT",
        `Cannot add ${name}: the PDF has no ${visible.length ? "decodable " : ""}text layer (a scanned or image-only page).`,
        "Run OCR on it first (e.g. ocrmypdf --language chi_sim in.pdf out.pdf) and add the OCR'd PDF, or add the page as text.",
      );
    }
    const { info } = (await doc.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const title = typeof info.Title === "string" && info.Title.trim() ? info.Title.trim() : null;
    const titleDate = title ? dateInText(title) : null;
    const created = typeof info.CreationDate === "string" ? pdfDate(info.CreationDate) : null;
    return {
      text,
      pages: doc.numPages,
      title,
      date: titleDate ?? created,
      dateFrom: titleDate ? "PDF metadata (Title)" : created ? "PDF metadata (CreationDate)" : null,
    };
  } finally {
    await doc.destroy();
  }
}

/** `D:20241107083000+08'00'` → 2024-11-07 (the date as written, in the PDF's own time zone). */
function pdfDate(value: string): string | null {
  const m = value.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})/);
  return m ? dateInText(`${m[1]}-${m[2]}-${m[3]}`) : null;
}
