/**
 * Pages that arrive by themselves: the inbox (INBOX_DIR) and the news feeds (FEEDS), started
 * together for a long-running front end — the bot, or `cli watch` without it. Either is off when
 * its setting is not set; their module code loads only when it is.
 */
import type { Config } from "../config/index.js";
import type { FeedPoller, FeedPollerOptions } from "../feeds/watch.js";
import type { InboxRun } from "../inbox/state.js";
import type { InboxWatcher, InboxWatchOptions } from "../inbox/watch.js";
import type { Logger } from "../log.js";

export interface ArrivalsOptions {
  /** The inbox's poll and settle times (tests; `intervalMs: 0` for `watch --once`). */
  inbox?: Pick<InboxWatchOptions, "intervalMs" | "settleMs">;
  /** Between feed polls, in ms (default FEED_MINUTES; 0: only `feeds.poll()`). */
  feedIntervalMs?: number;
  /** The caller prints every file's and feed's result (`cli watch`): refusals are logged at info. */
  printsFiles?: boolean;
  onInboxRun?: (run: InboxRun) => void | Promise<void>;
  onFeedPoll?: FeedPollerOptions["onPoll"];
  /** Called after a run or poll swapped in a new build (the bot reloads at once instead of within 2 s). */
  onIndexChanged?: () => Promise<void>;
}

export interface Arrivals {
  inbox: InboxWatcher | null;
  feeds: FeedPoller | null;
  /** Stops both; a run or poll in progress finishes first (files moved, state written). */
  close(): Promise<void>;
}

export async function startArrivals(config: Config, logger: Logger, options: ArrivalsOptions = {}): Promise<Arrivals> {
  const changed = async () => {
    await options.onIndexChanged?.().catch((err: unknown) => logger.warn({ err }, "a new build could not be loaded yet; the index watcher retries"));
  };
  const inbox = config.inboxDir
    ? await (await import("../inbox/watch.js")).startInboxWatcher(config, logger, {
        ...options.inbox,
        ...(options.printsFiles ? { printsFiles: true } : {}),
        onRun: async (run) => {
          await options.onInboxRun?.(run);
          if (run.indexChanged) await changed();
        },
      })
    : null;
  const feeds = config.feeds.urls.length
    ? await (await import("../feeds/watch.js")).startFeedPoller(config, logger, {
        ...(options.feedIntervalMs !== undefined ? { intervalMs: options.feedIntervalMs } : {}),
        ...(options.printsFiles ? { printsResults: true } : {}),
        onPoll: async (results) => {
          await options.onFeedPoll?.(results);
          if (Object.values(results).some((r) => r.added.length)) await changed();
        },
      })
    : null;
  return {
    inbox,
    feeds,
    async close() {
      await Promise.all([inbox?.close(), feeds?.close()]);
    },
  };
}
