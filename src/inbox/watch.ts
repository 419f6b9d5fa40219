/**
 * Watching INBOX_DIR: every few seconds the files that have finished being written are added as one
 * run (`addInboxFiles`). Polling, not fs.watch or chokidar: a listing every 5 s costs nothing, sees
 * files that arrived while nothing was watching, works on network and synced folders where change
 * events are unreliable, and the settle check needs repeated looks at each file anyway.
 */
import fs from "node:fs";
import type { Config } from "../config/index.js";
import { startPoller } from "../core/poller.js";
import { QaError } from "../errors.js";
import type { Logger } from "../log.js";
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
  const poller = startPoller(
    async (): Promise<InboxRun | null> => {
      const files = tracker.ready();
      if (!files.length) return null;
      const run = await addInboxFiles(files, inbox);
      for (const file of files) tracker.forget(file);
      await onRun?.(run);
      return run;
    },
    { intervalMs, onError: (err) => onError?.(err) },
  );
  return { poll: poller.run, close: poller.close };
}

/**
 * The inbox of INBOX_DIR for a long-running front end (the bot, `cli watch`): every run logged —
 * refused files and failed runs as warnings — then `onRun` (print it, reload the index at once
 * rather than at the index watcher's next check).
 */
export async function startInboxWatcher(
  config: Config,
  logger: Logger,
  options: Pick<InboxWatchOptions, "intervalMs" | "settleMs" | "onRun"> & {
    /** The caller shows every file's result itself (`cli watch` prints them): refusals are logged at info, not warn. */
    printsFiles?: boolean;
  } = {},
): Promise<InboxWatcher> {
  if (!config.inboxDir) throw new QaError("CONFIG_INVALID", "INBOX_DIR is not set, so there is no inbox to watch.", "Set INBOX_DIR to the folder pages are dropped in (see docs/inbox.md).");
  // Loaded on use: the build stack (model, HNSW writer) is needed only once a file arrives.
  const [{ buildOptionsFor }, { systemOcr }] = await Promise.all([import("../index/build.js"), import("../ingest/formats/ocr.js")]);
  const inboxDir = config.inboxDir;
  const { printsFiles, ...watchOptions } = options;
  const refusal = printsFiles ? "info" : "warn";
  return watchInbox({
    ...buildOptionsFor(config),
    ...watchOptions,
    inboxDir,
    maxBytes: config.addMaxBytes,
    ocr: systemOcr(),
    onRun: async (run) => {
      const count = (outcome: string) => run.files.filter((f) => f.outcome === outcome).length;
      logger.info({ inboxDir, added: count("added") + count("replaced"), duplicates: count("duplicate"), failed: count("failed"), indexChanged: run.indexChanged }, "inbox run");
      for (const f of run.files) if (f.error) logger[refusal]({ inboxDir, file: f.file, code: f.error.code, movedTo: f.movedTo }, "inbox file refused");
      if (run.error) logger.warn({ inboxDir, code: run.error.code }, "inbox run failed; its files stay for the next run");
      await options.onRun?.(run);
    },
    onError: (err) => logger.warn({ err, inboxDir }, "inbox could not be read; trying again at the next poll"),
  });
}
