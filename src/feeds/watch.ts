/**
 * Polling FEEDS for a long-running front end (the bot, `cli watch`): a first poll at start, then
 * every FEED_MINUTES; polls never overlap. Failed feeds and refused items are logged as warnings.
 */
import type { Config } from "../config/index.js";
import { startPoller } from "../core/poller.js";
import type { Logger } from "../log.js";
import type { FeedResult } from "./state.js";

export interface FeedPoller {
  /** Polls every feed now (after a poll in progress); resolves with each feed's result. */
  poll(): Promise<Record<string, FeedResult>>;
  /** Stops polling; resolves once a poll in progress has finished. */
  close(): Promise<void>;
}

export interface FeedPollerOptions {
  /** Between polls, in ms. Default FEED_MINUTES; 0: only `poll()` polls. */
  intervalMs?: number;
  /** The caller prints each feed's result (`cli watch`): failures are logged at info, not warn. */
  printsResults?: boolean;
  /** Called after each poll (print it, reload the index). */
  onPoll?: (results: Record<string, FeedResult>) => void | Promise<void>;
}

export async function startFeedPoller(config: Config, logger: Logger, options: FeedPollerOptions = {}): Promise<FeedPoller> {
  // Loaded on use: the build stack and the feed parser are needed only when feeds are set.
  const [{ buildOptionsFor }, { systemOcr }, { pollFeeds }] = await Promise.all([import("../index/build.js"), import("../ingest/formats/ocr.js"), import("./poll.js")]);
  const intervalMs = options.intervalMs ?? config.feeds.minutes * 60_000;
  const failure = options.printsResults ? "info" : "warn";
  const once = async () => {
    const results = await pollFeeds({ ...buildOptionsFor(config), maxBytes: config.addMaxBytes, ocr: systemOcr(), feeds: config.feeds.urls });
    for (const [feed, result] of Object.entries(results)) {
      if (result.error) logger[failure]({ feed, code: result.error.code, error: result.error.message }, "feed could not be read; tried again at the next poll");
      for (const item of result.failed) logger[failure]({ feed, url: item.url, code: item.code }, "feed item not added");
      if (result.added.length) logger.info({ feed, added: result.added }, "feed items added");
    }
    await options.onPoll?.(results);
    return results;
  };
  const poller = startPoller(once, { intervalMs, firstDelayMs: 0, onError: (err) => logger.warn({ err }, "feed poll failed; tried again at the next poll") });
  return { poll: poller.run, close: poller.close };
}
