/**
 * Watching INBOX_DIR: every few seconds the files that have finished being written are added as one
 * run (`addInboxFiles`). Polling, not fs.watch or chokidar: a listing every 5 s costs nothing, sees
 * files that arrived while nothing was watching, works on network and synced folders where change
 * events are unreliable, and the settle check needs repeated looks at each file anyway.
 */
import fs from "node:fs";
import { addInboxFiles, type InboxOptions } from "./inbox.js";
import { readyFiles, type ReadyOptions } from "./ready.js";
import type { InboxRun } from "./state.js";

export interface InboxWatchOptions extends InboxOptions, ReadyOptions {
  /** How often the inbox is listed, in ms. Default 5000: a dropped page is answerable well within a minute. */
  intervalMs?: number;
  /** Called after each run that found files (log it, reload the index). */
  onRun?: (run: InboxRun) => void | Promise<void>;
  /** Called when a run fails unexpectedly (the inbox unreadable); the next poll tries again. Default: ignore. */
  onError?: (err: unknown) => void;
}

export interface InboxWatcher {
  /** Adds what is ready now; resolves with the run, or null when nothing was ready. Never overlaps another run. */
  poll(): Promise<InboxRun | null>;
  /** Stops polling; resolves once a run in progress has finished (its files moved, its state written). */
  close(): Promise<void>;
}

export const DEFAULT_INBOX_INTERVAL_MS = 5000;

/** Creates the inbox folders and starts polling (unless `intervalMs` is 0: then only `poll()` runs it). */
export function watchInbox(options: InboxWatchOptions): InboxWatcher {
  const { intervalMs = DEFAULT_INBOX_INTERVAL_MS, onRun, onError, settleMs, ...inbox } = options;
  fs.mkdirSync(inbox.inboxDir, { recursive: true });
  const tracker = readyFiles(inbox.inboxDir, { ...(settleMs !== undefined ? { settleMs } : {}), ...(inbox.now ? { now: inbox.now } : {}) });
  let running: Promise<InboxRun | null> = Promise.resolve(null);
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const once = async (): Promise<InboxRun | null> => {
    const files = tracker.ready();
    if (!files.length) return null;
    const run = await addInboxFiles(files, inbox);
    for (const file of files) tracker.forget(file);
    await onRun?.(run);
    return run;
  };
  const poll = () => (running = running.then(once, once));
  const schedule = () => {
    if (closed || intervalMs <= 0) return;
    timer = setTimeout(() => {
      poll()
        .catch((err: unknown) => onError?.(err))
        .finally(schedule);
    }, intervalMs);
  };
  schedule();
  return {
    poll,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => null);
    },
  };
}
