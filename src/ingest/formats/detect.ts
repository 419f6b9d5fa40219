/**
 * What a file holds, judged from its bytes — a PDF saved as `.txt` or a web page without an
 * extension is still read as what it is. The file name only breaks ties for plain text.
 */

import { decodeText } from "../encoding.js";

/** The formats `index --add` reads. */
export type PageFormat = "pdf" | "html" | "text";

/** How far into the file the signatures are looked for (PDF allows junk before its header). */
const SNIFF_BYTES = 1024;
const PDF_MAGIC = Buffer.from("%PDF-");
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<article[\s>]|<title[\s>])/i;
const HTML_INSIDE = /<html[\s>]|<body[\s>]|<article[\s>]/i;
const HTML_NAME = /\.(?:html?|xhtml)$/i;

/** The format of `bytes`, or null when they are none of PDF, HTML or text (binary, encodings not read: see encoding.ts). */
export function detectFormat(bytes: Uint8Array, fileName: string): PageFormat | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES));
  if (head.indexOf(PDF_MAGIC) >= 0) return "pdf";
  if (head.includes(0)) return decodeText(bytes) ? "text" : null; // UTF-16 text, else binary
  // Latin-1 keeps every byte, so tags are found whatever the page's charset (GBK, UTF-8…).
  const start = head.toString("latin1").replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "");
  if (HTML_START.test(start) || (HTML_INSIDE.test(start) && (HTML_NAME.test(fileName) || start.trimStart().startsWith("<")))) return "html";
  return decodeText(bytes) ? "text" : null;
}
