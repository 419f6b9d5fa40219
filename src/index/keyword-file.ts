/**
 * The keyword index on disk: one JSON header line, then its typed arrays byte for byte and the
 * terms as UTF-8 lines. Written and read in sections, so no part is ever one JavaScript string
 * or one Buffer of the whole file (a JSON file stops near 0.9M passages at V8's string limit).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QaError } from "../errors.js";
import type { KeywordSnapshot } from "../retrieve/bm25.js";
import { REBUILD_HINT, type FileSink } from "./store.js";

interface Header {
  version: number;
  k1: number;
  b: number;
  endianness: "LE" | "BE";
  slots: number;
  terms: number;
  postings: number;
  termBytes: number;
}

const bytesOf = (a: Uint32Array | Uint16Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes a snapshot into `sink` (which the caller closes). */
export function writeKeywordFile(sink: FileSink, k: KeywordSnapshot): void {
  // Terms are tokens of cleaned text: they never hold a line break (checked, as a bad split would misnumber every term).
  if (k.terms.some((t) => t.includes("\n"))) throw new Error("a keyword term contains a line break");
  const termChunks = chunked(k.terms).map((part) => Buffer.from(part));
  const header: Header = {
    version: k.version,
    k1: k.k1,
    b: k.b,
    endianness: os.endianness(),
    slots: k.ids.length,
    terms: k.terms.length,
    postings: k.postDocs.length,
    termBytes: termChunks.reduce((s, c) => s + c.length, 0),
  };
  sink.write(Buffer.from(`${JSON.stringify(header)}\n`));
  for (const array of [k.ids, k.lengths, k.offsets, k.postDocs, k.postTfs]) sink.write(bytesOf(array));
  for (const chunk of termChunks) sink.write(chunk);
}

/** Terms joined by line breaks, in pieces of at most 1M terms (each piece one modest string). */
function chunked(terms: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i += 1 << 20) out.push(terms.slice(i, i + (1 << 20)).map((t) => `${t}\n`).join(""));
  return out;
}

/** Reads a keyword file of a verified build back into a snapshot. */
export function readKeywordFile(buildDir: string, name: string): KeywordSnapshot {
  const fd = fs.openSync(path.join(buildDir, name), "r");
  try {
    const head = Buffer.alloc(4096);
    const got = fs.readSync(fd, head, 0, head.length, 0);
    const end = head.subarray(0, got).indexOf(10);
    let h: Header;
    try {
      h = JSON.parse(head.subarray(0, end).toString("utf8")) as Header;
    } catch (err) {
      throw corrupt(name, "unreadable header", err);
    }
    if (end < 0 || !h || typeof h.slots !== "number") throw corrupt(name, "unreadable header");
    if (h.endianness !== os.endianness()) throw corrupt(name, `written on a ${h.endianness} machine`);
    let position = end + 1;
    const fill = <A extends Uint32Array | Uint16Array>(array: A): A => {
      const bytes = bytesOf(array);
      for (let done = 0; done < bytes.length; ) {
        const n = fs.readSync(fd, bytes, done, bytes.length - done, position);
        if (n === 0) throw corrupt(name, "truncated");
        done += n;
        position += n;
      }
      return array;
    };
    const ids = fill(new Uint32Array(h.slots));
    const lengths = fill(new Uint32Array(h.slots));
    const offsets = fill(new Uint32Array(h.terms + 1));
    const postDocs = fill(new Uint32Array(h.postings));
    const postTfs = fill(new Uint16Array(h.postings));
    const terms = readTerms(fd, position, h.termBytes, name);
    if (terms.length !== h.terms) throw corrupt(name, `${terms.length} terms where the header says ${h.terms}`);
    return { version: h.version, k1: h.k1, b: h.b, ids, lengths, terms, offsets, postDocs, postTfs };
  } finally {
    fs.closeSync(fd);
  }
}

function readTerms(fd: number, position: number, bytes: number, name: string): string[] {
  const terms: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const block = Buffer.allocUnsafe(8 << 20);
  let rest = "";
  for (let left = bytes; left > 0; ) {
    const n = fs.readSync(fd, block, 0, Math.min(block.length, left), position);
    if (n === 0) throw corrupt(name, "truncated terms");
    position += n;
    left -= n;
    const lines = (rest + decoder.decode(block.subarray(0, n), { stream: left > 0 })).split("\n");
    rest = lines.pop()!;
    terms.push(...lines);
  }
  if (rest) throw corrupt(name, "the last term has no line end");
  return terms;
}

function corrupt(name: string, why: string, cause?: unknown): QaError {
  return new QaError("INDEX_CORRUPT", `Index file ${name} is damaged (${why}).`, REBUILD_HINT, { cause });
}
