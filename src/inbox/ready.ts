/**
 * Which files of the inbox are ready to read: finished being written. A file counts as finished
 * once its size and modification time have stayed the same for `settleMs` — a sync tool or a
 * download still writing keeps changing one of them. Temporary names are never read at all.
 */
import fs from "node:fs";
import path from "node:path";

/** Names a writer uses while a file is incomplete (`.part`, `~`, dot-files such as rsync's), never read. */
const TEMPORARY = [/^\./, /~$/, /\.(?:part|partial|crdownload|download|tmp|swp)$/i];

export function isTemporaryName(name: string): boolean {
  return TEMPORARY.some((pattern) => pattern.test(name));
}

interface Seen {
  size: number;
  mtimeMs: number;
  /** When this size and mtime were first seen, by the tracker's clock. */
  since: number;
}

export interface ReadyFiles {
  /** Files (full paths, sorted) whose size and mtime have not changed for `settleMs`. */
  ready(): string[];
  /** Forgets a file (moved away), so a new file of the same name is watched afresh. */
  forget(file: string): void;
}

export interface ReadyOptions {
  /** How long a file must stay unchanged before it is read, in ms. Default 3000. */
  settleMs?: number;
  /** Clock in ms (tests pass a fake one). Default `Date.now`. */
  now?: () => number;
}

export const DEFAULT_SETTLE_MS = 3000;

/** Tracks the regular files directly in `dir` (not in `done/`, `failed/` or any other folder). */
export function readyFiles(dir: string, options: ReadyOptions = {}): ReadyFiles {
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const now = options.now ?? Date.now;
  const seen = new Map<string, Seen>();
  return {
    ready() {
      const at = now();
      const present = new Set<string>();
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isFile() || isTemporaryName(entry.name)) continue;
        const file = path.join(dir, entry.name);
        let stat: fs.Stats;
        try {
          stat = fs.statSync(file);
        } catch {
          continue; // renamed or deleted since the listing
        }
        present.add(file);
        const before = seen.get(file);
        if (!before || before.size !== stat.size || before.mtimeMs !== stat.mtimeMs) {
          seen.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, since: at });
        }
      }
      for (const file of seen.keys()) if (!present.has(file)) seen.delete(file);
      return [...seen].filter(([, s]) => at - s.since >= settleMs).map(([file]) => file).sort();
    },
    forget(file) {
      seen.delete(file);
    },
  };
}
