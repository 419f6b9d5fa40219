/**
 * Adds documents as they come — e-paper PDF pages, saved web articles, text pages — to the live
 * index: each is read into a seed page (src/ingest/formats), then the pages go through the same
 * incremental update as `index --add` of text pages. Every document is read before the index is
 * touched, so one bad file stops the whole batch and leaves index and SEEDS_DIR as they were.
 */
import fs from "node:fs";
import path from "node:path";
import { QaError } from "../errors.js";
import { readDocumentBounded } from "../ingest/formats/bounded.js";
import type { PageFormat, ReadDocumentOptions } from "../ingest/formats/index.js";
import { tooLarge, type ReadLimits } from "../ingest/formats/limits.js";
import type { PdfOcr } from "../ingest/formats/ocr.js";
import { updateIndex, type UpdateOptions, type UpdateReport } from "../index/update.js";
import { checkIndexWritable } from "../index/writable.js";
import { cleanStaleStaging, makeStaging } from "../staging.js";

export interface AddDocumentsOptions extends Omit<UpdateOptions, "add"> {
  /** Documents to add (PDF, HTML or UTF-8 text; any name, any path). Default none. */
  add?: string[];
  /** Largest document taken, in bytes (ADD_MAX_MB). */
  maxBytes: number;
  /** Reads scanned PDF pages (`systemOcr()`); null or absent: they are refused with PDF_NO_TEXT. */
  ocr?: PdfOcr | null;
  /** Bounds on reading each document (deadline, memory, pages, inflated size, HTML shape, text); default DEFAULT_READ_LIMITS. */
  limits?: Partial<ReadLimits>;
}

/** One document added, as the seed page it became. */
export interface AddedDocument {
  /** The path given. */
  given: string;
  /** Seed file name in SEEDS_DIR and in the index (`.txt`). */
  name: string;
  format: PageFormat;
  /** The page's articles as the index holds them: headline, paper and date. */
  articles: { headline: string; paper: string | null; date: string | null }[];
}

export interface AddDocumentsReport {
  update: UpdateReport;
  documents: AddedDocument[];
}

/** Reads every document, then updates the index with the seed pages (see `updateIndex`). */
export async function addDocuments(options: AddDocumentsOptions): Promise<AddDocumentsReport> {
  const { add = [], maxBytes, ocr = null, limits, ...update } = options;
  checkIndexWritable(update.indexDir);
  cleanStaleStaging(); // what a killed run left behind
  const staging = makeStaging("docs");
  try {
    const documents: PreparedDocument[] = [];
    for (const given of add) {
      const document = await prepareDocument(given, { maxBytes, ocr, ...(limits ? { limits } : {}) }, staging);
      const same = documents.find((d) => d.name === document.name);
      if (same) {
        throw new QaError("SEED_UNREADABLE", `Cannot add ${given}: ${same.given} becomes the same page ${document.name}.`, "Pages are known by file name; rename one of them.");
      }
      documents.push(document);
    }
    return { update: await updateIndex({ ...update, add: documents.map((d) => d.page) }), documents: documents.map(({ page: _page, ...added }) => added) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** A document read into a seed page, ready for `updateIndex`. */
export interface PreparedDocument extends AddedDocument {
  /** The seed page to index: the given file itself (a `.txt` page), else its converted copy in the staging folder. */
  page: string;
}

/**
 * Reads one document into a seed page (its converted copy written to `staging`) and lists its
 * articles. Throws the document's coded error (FILE_TOO_LARGE, FORMAT_UNKNOWN, PDF_…, HTML_NO_ARTICLE,
 * SEED_UNREADABLE); the index is not touched.
 */
export async function prepareDocument(given: string, read: ReadDocumentOptions, staging: string): Promise<PreparedDocument> {
  const page = await readDocumentBounded(given, readLimited(given, read.maxBytes), read);
  // A text page named .txt is indexed from where it is, exactly as before; others from their converted copy.
  const asIs = page.format === "text" && path.basename(given) === page.name;
  const file = asIs ? given : path.join(staging, page.name);
  if (!asIs) fs.writeFileSync(file, page.bytes);
  return { given, name: page.name, format: page.format, articles: page.articles, page: file };
}

/** The file's bytes, refusing one over the limit before reading it. */
function readLimited(file: string, maxBytes: number): Buffer {
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes) throw tooLarge(path.basename(file), size, maxBytes);
    return fs.readFileSync(file);
  } catch (cause) {
    if (cause instanceof QaError) throw cause;
    throw new QaError("SEED_UNREADABLE", `Cannot add ${file}: the file cannot be read.`, "Check the path and its permissions.", { cause });
  }
}
