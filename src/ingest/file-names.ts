/**
 * File names as they may be stored and shown. Light on purpose (no readers imported): the CLI's
 * answer rendering uses it too.
 */
import path from "node:path";
import { QaError } from "../errors.js";

/** Characters that would break a line or reorder text where the name is shown (ask output, a chat): controls, line separators. */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]+/gu;
/** Bidirectional overrides and marks (U+202E makes `gpj.pdf` read `fdp.jpg`): removed. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A file name as it may be stored and shown: no line breaks or control characters, no bidi overrides. */
export function cleanFileName(fileName: string): string {
  return path.basename(fileName).replace(BIDI, "").replace(LINE_BREAKING, "_");
}

const KNOWN_EXTENSION = /\.(?:pdf|html?|xhtml|txt|text|md)$/i;

/** Longest seed file name, in UTF-8 bytes: file systems allow 255, and the index and its staging add a few. */
export const MAX_NAME_BYTES = 200;
/**
 * The seed file name for a document: `2024-11-07_p1.pdf` → `2024-11-07_p1.txt`, cleaned by
 * `cleanFileName`. Throws FILE_NAME_INVALID for a name over MAX_NAME_BYTES.
 */
export function seedNameFor(fileName: string): string {
  const base = cleanFileName(fileName).replace(KNOWN_EXTENSION, "") || "page";
  const name = `${base}.txt`;
  const bytes = Buffer.byteLength(name);
  if (bytes > MAX_NAME_BYTES) {
    const shown = [...base].slice(0, 40).join("");
    throw new QaError(
      "FILE_NAME_INVALID",
      `Cannot add ${shown}…: its file name is ${bytes} bytes long, over the ${MAX_NAME_BYTES} a page's name may have.`,
      "Rename the file to something short that says the paper, date and page, e.g. 2024-11-07_p1.pdf, and add it again.",
    );
  }
  return name;
}
