/**
 * One run of the inbox: the files that are ready are added to the index as one update, through the
 * same path as `index --add` (each read into a seed page, then `updateIndex` under the writer lock).
 * Unlike `index --add`, one bad file does not stop the others: it goes to `failed/` with its coded
 * error in `<name>.reason.txt`, and the rest are added. Added files go to `done/`, and so does a
 * file whose content was added before (by its SHA-256): nothing is lost, nothing is added twice.
 */
import fs from "node:fs";
import path from "node:path";
import { prepareDocument, type PreparedDocument } from "../core/add-documents.js";
import { describeError, QaError, type ErrorCode } from "../errors.js";
import { hashFile } from "../index/store.js";
import type { PdfOcr } from "../ingest/formats/ocr.js";
import { updateIndex, type UpdateOptions, type UpdateReport } from "../index/update.js";
import { freeName, readInboxState, recordRun, type InboxFileResult, type InboxRun } from "./state.js";
import { checkIndexWritable } from "../index/writable.js";
import { cleanStaleStaging, makeStaging } from "../staging.js";

export interface InboxOptions extends Omit<UpdateOptions, "add" | "remove"> {
  inboxDir: string;
  /** Largest file taken, in bytes (ADD_MAX_MB). */
  maxBytes: number;
  /** Reads scanned PDF pages (`systemOcr()`); null or absent: they go to failed/ with PDF_NO_TEXT. */
  ocr?: PdfOcr | null;
  /** Clock in ms, for the run's time. Default `Date.now`. */
  now?: () => number;
}

/** Errors that belong to one file (it goes to failed/); any other error fails the run, and its files are tried again. */
const FILE_ERRORS = new Set<ErrorCode>(["SEED_UNREADABLE", "FILE_TOO_LARGE", "FORMAT_UNKNOWN", "PDF_NO_TEXT", "PDF_ENCRYPTED", "PDF_DAMAGED", "HTML_NO_ARTICLE", "PDF_TOO_COMPLEX", "HTML_TOO_COMPLEX", "PAGE_TOO_LARGE", "FILE_NAME_INVALID"]);
const isFileError = (err: unknown): err is QaError => err instanceof QaError && FILE_ERRORS.has(err.code);

interface Candidate {
  file: string;
  sha256: string;
  document: PreparedDocument;
}

/** Runs of this process, one after another: the inbox and the feeds add through here, and would else meet at the writer lock (INDEX_LOCKED). */
let writing: Promise<unknown> = Promise.resolve();

/** Adds `files` (full paths inside the inbox) and moves each to done/ or failed/; returns what became of them. */
export function addInboxFiles(files: string[], options: InboxOptions): Promise<InboxRun> {
  const run = writing.then(() => addNow(files, options));
  writing = run.catch(() => null);
  return run;
}

async function addNow(files: string[], options: InboxOptions): Promise<InboxRun> {
  const { inboxDir, maxBytes, ocr = null, now = Date.now, ...update } = options;
  const state = readInboxState(inboxDir);
  const results: InboxFileResult[] = [];
  const hashes = new Map<string, InboxFileResult>();
  cleanStaleStaging(); // what a killed run left behind
  const staging = makeStaging("inbox");
  let runError: InboxRun["error"];
  let indexChanged = false;
  try {
    checkIndexWritable(update.indexDir); // files stay in the inbox, to be tried again
    const candidates: Candidate[] = [];
    for (const file of files) {
      const sha256 = hashFile(file).sha256;
      const known = state.added[sha256]?.page ?? candidates.find((c) => c.sha256 === sha256)?.document.name;
      if (known) {
        results.push(moveTo(inboxDir, file, "done", { outcome: "duplicate", page: known }));
        continue;
      }
      try {
        const document = await prepareDocument(file, { maxBytes, ocr }, fs.mkdtempSync(path.join(staging, "d-")));
        // Two files that become the same page (a.pdf, a.html): the second waits for the next run, and replaces it then.
        if (!candidates.some((c) => c.document.name === document.name)) candidates.push({ file, sha256, document });
      } catch (err) {
        results.push(refuse(inboxDir, file, err));
      }
    }
    const addAll = async (batch: Candidate[]): Promise<void> => {
      let report: UpdateReport;
      try {
        report = await updateIndex({ ...update, add: batch.map((c) => c.document.page) });
      } catch (err) {
        if (!isFileError(err)) throw err;
        // A page the seed reader refuses: found by adding them one at a time.
        if (batch.length === 1) results.push(refuse(inboxDir, batch[0]!.file, err));
        else for (const c of batch) await addAll([c]);
        return;
      }
      indexChanged ||= report.changed;
      for (const c of batch) {
        const { name } = c.document;
        const outcome = report.added.some((s) => s.name === name) ? "added" : report.replaced.some((s) => s.name === name) ? "replaced" : "duplicate";
        const result = moveTo(inboxDir, c.file, "done", { outcome, page: name });
        hashes.set(c.sha256, result);
        results.push(result);
      }
    };
    // All at once: one new build for the whole run.
    if (candidates.length) await addAll(candidates);
  } catch (err) {
    runError = { code: err instanceof QaError ? err.code : "UNEXPECTED", message: describeError(err) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  const order = (r: InboxFileResult) => files.findIndex((f) => path.basename(f) === r.file);
  results.sort((a, b) => order(a) - order(b));
  const run: InboxRun = { at: new Date(now()).toISOString(), files: results, indexChanged, ...(runError ? { error: runError } : {}) };
  recordRun(inboxDir, run, hashes);
  return run;
}

/** Moves a refused file to failed/ with `<name>.reason.txt`: the coded error and its hint, as `index --add` prints them. */
function refuse(inboxDir: string, file: string, err: unknown): InboxFileResult {
  const error = err instanceof QaError ? { code: err.code, message: err.message, hint: err.hint } : { code: "UNEXPECTED", message: describeError(err), hint: "Add it with npm run -s cli -- index --add to see the whole error." };
  const result = moveTo(inboxDir, file, "failed", { outcome: "failed", page: null, error });
  fs.writeFileSync(path.join(inboxDir, `${result.movedTo}.reason.txt`), `${describeError(err)}\n`);
  return result;
}

function moveTo(inboxDir: string, file: string, folder: "done" | "failed", result: Omit<InboxFileResult, "file" | "movedTo">): InboxFileResult {
  const dir = path.join(inboxDir, folder);
  fs.mkdirSync(dir, { recursive: true });
  const name = freeName(dir, path.basename(file));
  fs.renameSync(file, path.join(dir, name));
  return { file: path.basename(file), movedTo: `${folder}/${name}`, ...result };
}
