import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config/index.js";
import type { Logger } from "../log.js";
import type { QaService } from "./types.js";

export interface WatchOptions {
  /** How often `<indexDir>/current` is checked, in milliseconds. Default 2000. */
  intervalMs?: number;
  /** Called when `onChange` fails (once per new build); the change is retried at every check. Default: ignore. */
  onError?: (err: unknown) => void;
}

export interface IndexWatcher {
  /** Stops watching; a reload already running finishes. */
  close(): void;
}

const DEFAULT_INTERVAL_MS = 2000;

/**
 * Calls `onChange` whenever the live build of `indexDir` changes (an `index` or `index --add` swapped
 * in a new one). Polls the real path of `current` rather than using fs.watch, which misses symlink
 * swaps on some platforms; one realpath every 2 s costs nothing. Checks never overlap, and a failed
 * `onChange` is retried next time, so a reload that races a second swap still ends on the newest build.
 */
export function watchIndex(indexDir: string, onChange: () => Promise<void>, options: WatchOptions = {}): IndexWatcher {
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let seen = liveBuild(indexDir);
  let reported: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const check = async () => {
    const now = liveBuild(indexDir);
    if (now !== null && now !== seen) {
      try {
        await onChange();
        seen = now;
      } catch (err) {
        if (reported !== now) options.onError?.(err); // once per build, not every few seconds
        reported = now;
      }
    }
    schedule();
  };
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => void check(), interval);
    timer.unref(); // watching alone must not keep a process alive
  };
  schedule();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** The real folder `current` points at, or null while there is none (no index yet, mid-swap on odd platforms). */
function liveBuild(indexDir: string): string | null {
  try {
    return fs.realpathSync(path.join(indexDir, "current"));
  } catch {
    return null;
  }
}

/**
 * Hot reload for long-running front ends (bot, chat): swaps a newly built index into `qa` without a
 * restart. Questions already running finish on the build they started with; a build that fails to
 * load is logged and the previous one keeps answering.
 */
export function startIndexWatcher(qa: QaService, config: Config, logger: Logger, options: Pick<WatchOptions, "intervalMs"> = {}): IndexWatcher {
  return watchIndex(
    config.indexDir,
    async () => {
      if (await qa.reload()) logger.info({ buildDir: qa.info().buildDir }, "index reloaded: a new build is answering");
    },
    {
      ...options,
      onError: (err) => logger.warn({ err }, "a new index build could not be loaded; still answering with the previous one"),
    },
  );
}
