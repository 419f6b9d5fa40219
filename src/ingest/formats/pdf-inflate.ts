/**
 * How much a PDF's compressed streams inflate to, measured before pdf.js reads it: a 3 MB PDF can
 * hold a content stream that inflates to 1 GB (a "zip bomb"), which pdf.js would inflate and parse
 * in full. Every Flate stream is inflated here with zlib's output cap, against one budget for the
 * whole file, and the bytes are thrown away. Image streams are left out: reading the text never
 * decodes them. The check holds at most `maxInflatedBytes` at a time.
 */
import { constants as bufferConstants } from "node:buffer";
import zlib from "node:zlib";
import type { ReadLimits } from "./limits.js";
import { tooComplex } from "./limits.js";

const STREAM = /stream\r?\n/g;
const END = Buffer.from("endstream");
const DICT_BEFORE = 2048;

/** Bytes the PDF's Flate streams inflate to, up to `limit` + 1 (it stops counting past the limit). */
export function inflatedSize(pdf: Uint8Array, limit: number): number {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  const text = bytes.toString("latin1");
  let total = 0;
  STREAM.lastIndex = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    const start = m.index + m[0].length;
    if (text.slice(Math.max(0, m.index - 3), m.index) === "end") continue; // "endstream\n"
    const dict = text.slice(Math.max(0, m.index - DICT_BEFORE), m.index);
    const end = bytes.indexOf(END, start);
    if (end < 0) break;
    STREAM.lastIndex = end + END.length;
    const own = dict.slice(dict.lastIndexOf("obj")); // this object's dictionary, from its `N 0 obj` header
    // Images are never decoded to read the text (pdf.js's getTextContent skips them): an e-paper's photos do not count.
    if (!/\/FlateDecode|\/Fl\b/.test(own) || /\/Subtype\s*\/Image\b/.test(own)) continue;
    total += inflateCapped(bytes.subarray(start, end), limit - total + 1);
    if (total > limit) return total;
  }
  return total;
}

/** The stream's inflated length, at most `cap` (a damaged stream counts what inflates before the damage). */
function inflateCapped(data: Buffer, cap: number): number {
  try {
    const maxOutputLength = Math.max(1, Math.min(Math.floor(cap), bufferConstants.MAX_LENGTH));
    return zlib.inflateSync(data, { maxOutputLength, finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return cap;
    return 0; // not zlib data (encrypted, or another filter first): pdf.js judges it
  }
}

/** PDF_TOO_COMPLEX when the PDF's streams inflate to more than `maxInflatedBytes`. */
export function checkInflatedSize(pdf: Uint8Array, name: string, limits: Pick<ReadLimits, "maxInflatedBytes">): void {
  if (inflatedSize(pdf, limits.maxInflatedBytes) > limits.maxInflatedBytes) {
    const mb = Math.round(limits.maxInflatedBytes / 1024 / 1024);
    throw tooComplex("pdf", name, `its compressed content inflates to more than ${mb} MB`);
  }
}
