/**
 * Keeps SEEDS_DIR and the live index in step across an update (`index --add/--remove`, uploads, the
 * inbox): the seed changes are staged in a journal in INDEX_DIR, the new build is swapped in, then
 * the journal is applied to SEEDS_DIR and removed. A process killed anywhere leaves a journal; the
 * next writer (or the next start) settles it: the build it names is live → the change is replayed,
 * else it is rolled back. Either way seeds and index agree again.
 *
 *   INDEX_DIR/seeds-journal/journal.json   what to change, and the build that makes it live
 *   INDEX_DIR/seeds-journal/pages/<name>   the bytes each added page gets
 *   INDEX_DIR/seeds-journal/before/<name>  the bytes a replaced or removed page had
 */
import fs from "node:fs";
import path from "node:path";
import { QaError } from "../errors.js";
import { acquireWriteLock } from "./lock.js";
import { currentBuildId, syncPath, writeSynced } from "./store.js";

const JOURNAL = "seeds-journal";
const STAGING = `.${JOURNAL}.tmp`;

interface Journal {
  /** SEEDS_DIR, absolute. */
  seedsDir: string;
  /** The id of the build that carries the change (`builds/<id>`). */
  build: string;
  /** Pages written into SEEDS_DIR (their bytes under pages/). */
  add: string[];
  /** Pages deleted from SEEDS_DIR. */
  remove: string[];
  /** Pages SEEDS_DIR held before, among those (their bytes under before/): restored on a roll-back. */
  before: string[];
}

/** Named points of an update, for `crashAt` (a test kills the process there: QA_TEST_CRASH_AT). */
export type UpdateStage = "staged" | "swapped" | "seeds" | "committed";

/** Test only: SIGKILLs this process at the named stage, to prove a kill there leaves seeds and index in step. */
export function crashPoint(crashAt: string | undefined, stage: UpdateStage): void {
  if (crashAt === stage) process.kill(process.pid, "SIGKILL");
}

/** A page to write into SEEDS_DIR: its name there and the file holding its bytes. */
export interface JournalPage {
  name: string;
  file: string;
}

/**
 * Writes the journal of one update — call it after the new build is written, before it is swapped
 * in. The journal appears whole or not at all (written aside, then renamed).
 */
export function stageSeedChanges(indexDir: string, journal: { seedsDir: string; build: string; add: JournalPage[]; remove: string[] }): void {
  const staging = path.join(indexDir, STAGING);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(path.join(staging, "pages"), { recursive: true });
  fs.mkdirSync(path.join(staging, "before"));
  const seedsDir = path.resolve(journal.seedsDir);
  for (const page of journal.add) fs.copyFileSync(page.file, path.join(staging, "pages", page.name));
  const before: string[] = [];
  for (const name of new Set([...journal.add.map((p) => p.name), ...journal.remove])) {
    try {
      fs.copyFileSync(path.join(seedsDir, name), path.join(staging, "before", name));
      before.push(name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  const content: Journal = { seedsDir, build: journal.build, add: journal.add.map((p) => p.name), remove: journal.remove, before };
  writeSynced(path.join(staging, "journal.json"), Buffer.from(JSON.stringify(content, null, 2)));
  for (const dir of ["pages", "before", ""]) syncPath(path.join(staging, dir));
  fs.rmSync(path.join(indexDir, JOURNAL), { recursive: true, force: true });
  fs.renameSync(staging, path.join(indexDir, JOURNAL));
  syncPath(indexDir);
}

/** What settling found: no journal, a change replayed onto SEEDS_DIR, or one rolled back. */
export type Settled = "none" | "committed" | "rolled-back";

/**
 * Brings SEEDS_DIR in step with the live build after an update, under the writer lock: replays the
 * journal when its build is live, rolls it back otherwise (a failed or killed swap). Idempotent, so
 * a kill while settling is settled again next time. `crashAt`: see `crashPoint`.
 */
export function settleSeedChanges(indexDir: string, crashAt?: string): Settled {
  fs.rmSync(path.join(indexDir, STAGING), { recursive: true, force: true });
  const dir = path.join(indexDir, JOURNAL);
  const journal = readJournal(dir);
  if (!journal) return "none";
  const live = currentBuildId(indexDir) === journal.build;
  const put = (from: string, name: string) => {
    const temp = path.join(journal.seedsDir, `.${name}.tmp-${process.pid}`);
    fs.copyFileSync(from, temp);
    fs.renameSync(temp, path.join(journal.seedsDir, name));
  };
  try {
    if (live) {
      journal.add.forEach((name, i) => {
        put(path.join(dir, "pages", name), name);
        if (i === 0) crashPoint(crashAt, "seeds");
      });
      for (const name of journal.remove) fs.rmSync(path.join(journal.seedsDir, name), { force: true });
    } else {
      for (const name of journal.before) put(path.join(dir, "before", name), name);
      for (const name of journal.add.filter((n) => !journal.before.includes(n))) fs.rmSync(path.join(journal.seedsDir, name), { force: true });
    }
    syncPath(journal.seedsDir);
  } catch (cause) {
    throw new QaError(
      "SEEDS_UNWRITABLE",
      `The index is ${live ? "updated" : "unchanged"}, but ${journal.seedsDir} could not be brought in step with it: ${(cause as Error).message}.`,
      `Make SEEDS_DIR writable (free disk space, permissions); the next index command finishes the change (kept in ${dir}).`,
      { cause },
    );
  }
  crashPoint(crashAt, "committed");
  fs.rmSync(dir, { recursive: true, force: true });
  return live ? "committed" : "rolled-back";
}

/** At start-up: settles a journal left by a killed update, unless a live writer holds the lock (it settles it then). */
export function settleAtStart(indexDir: string): Settled {
  if (!fs.existsSync(path.join(indexDir, JOURNAL))) return "none";
  let release: () => void;
  try {
    release = acquireWriteLock(indexDir);
  } catch (err) {
    if (err instanceof QaError && err.code === "INDEX_LOCKED") return "none";
    throw err;
  }
  try {
    return settleSeedChanges(indexDir);
  } finally {
    release();
  }
}

function readJournal(dir: string): Journal | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, "journal.json"), "utf8");
  } catch {
    return null; // none (the staging folder is renamed in whole, so a journal folder always has its file)
  }
  const journal = JSON.parse(text) as Journal;
  if (!journal || typeof journal.seedsDir !== "string" || !Array.isArray(journal.add) || !Array.isArray(journal.remove) || !Array.isArray(journal.before)) {
    throw new QaError("INDEX_CORRUPT", `The seeds journal ${dir} is damaged.`, `Compare SEEDS_DIR with \`npm run -s cli -- status\`, then delete ${dir} and rebuild: npm run -s cli -- index`);
  }
  return journal;
}
