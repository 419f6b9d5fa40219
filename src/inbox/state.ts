/**
 * What the inbox remembers between runs and restarts, in `<INBOX_DIR>/.inbox-state.json` (a
 * dot-file, so the inbox never reads it as a page): the SHA-256 of every file it added — a file
 * with the same content is never added again, whatever its name — and the latest runs, for
 * `cli status` and the bot's /stats.
 */
import fs from "node:fs";
import path from "node:path";

export const STATE_FILE = ".inbox-state.json";
/** Runs kept for status: enough to see the last few days of a daily paper. */
const KEPT_RUNS = 20;

export type InboxOutcome = "added" | "replaced" | "duplicate" | "failed";

/** What became of one file dropped in the inbox. */
export interface InboxFileResult {
  /** The file's name as it was dropped. */
  file: string;
  outcome: InboxOutcome;
  /** The seed page it became, or (duplicate) the page that already holds its content. */
  page: string | null;
  /** Where it was moved, relative to INBOX_DIR (`done/…` or `failed/…`). */
  movedTo: string;
  /** The coded error of a refused file. */
  error?: { code: string; message: string; hint: string };
}

/** One pass over the inbox that found files. */
export interface InboxRun {
  /** ISO time the run ended. */
  at: string;
  files: InboxFileResult[];
  /** True when a new build was swapped in (once for all the files of the run). */
  indexChanged: boolean;
  /** A failure of the whole run (the index locked by another writer, the model missing): its files stay and are tried again. */
  error?: { code: string; message: string };
}

interface Remembered {
  file: string;
  page: string;
  at: string;
}

export interface InboxState {
  version: 1;
  /** Content SHA-256 of each file added (or found already indexed), with the page it became. */
  added: Record<string, Remembered>;
  /** Latest runs, newest last. */
  runs: InboxRun[];
}

const EMPTY: InboxState = { version: 1, added: {}, runs: [] };

/** The inbox's state; an empty one when there is none yet (or it is unreadable: nothing is lost but the dedup memory, and the index itself still refuses same-name pages with the same content). */
export function readInboxState(inboxDir: string): InboxState {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(inboxDir, STATE_FILE), "utf8")) as InboxState;
    return state.version === 1 && state.added && Array.isArray(state.runs) ? state : structuredClone(EMPTY);
  } catch {
    return structuredClone(EMPTY);
  }
}

/** Records a run: its added files' hashes and the run itself. Written aside, then renamed over (never half-written). */
export function recordRun(inboxDir: string, run: InboxRun, hashes: Map<string, InboxFileResult>): void {
  const state = readInboxState(inboxDir);
  for (const [sha256, result] of hashes) {
    if (result.page) state.added[sha256] ??= { file: result.file, page: result.page, at: run.at };
  }
  state.runs = [...state.runs, run].slice(-KEPT_RUNS);
  const temp = path.join(inboxDir, `${STATE_FILE}.tmp-${process.pid}`);
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 1)}\n`);
  fs.renameSync(temp, path.join(inboxDir, STATE_FILE));
}

/** A free name for `name` in `dir`: the name itself, else `name-2.ext`, `name-3.ext`… (an earlier file is never overwritten). */
export function freeName(dir: string, name: string): string {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${base}-${n}${ext}`;
    if (!fs.existsSync(path.join(dir, candidate)) && !fs.existsSync(path.join(dir, `${candidate}.reason.txt`))) return candidate;
  }
}
