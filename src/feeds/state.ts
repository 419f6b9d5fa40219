/**
 * What the feed poller remembers, in `<INDEX_DIR>/feeds.json` beside the builds: per feed its
 * validators (ETag, Last-Modified) and its last result; per item its URL and the SHA-256 of its page,
 * so a restart adds nothing again, and the same page under a new URL is not added twice.
 */
import fs from "node:fs";
import path from "node:path";

export const FEEDS_FILE = "feeds.json";

/** One item's page, remembered by its URL. */
export interface RememberedItem {
  sha256: string;
  /** The seed page it became; null when it was refused (its error in the feed's last result). */
  page: string | null;
  at: string;
}

/** The last poll of one feed. */
export interface FeedResult {
  at: string;
  /** True when the feed answered 304 (or the same bytes): nothing was fetched beyond it. */
  unchanged: boolean;
  /** Items whose pages went into the index, as seed page names. */
  added: string[];
  /** Items refused or not fetched, with the coded error. */
  failed: { url: string; code: string; message: string }[];
  /** The feed itself could not be fetched or read; it is tried again at the next poll. */
  error?: { code: string; message: string };
}

export interface FeedMemory {
  etag: string | null;
  lastModified: string | null;
  /** SHA-256 of the feed's last body: a server without validators still costs no page fetches when unchanged. */
  sha256: string | null;
  last: FeedResult | null;
}

export interface FeedsState {
  version: 1;
  feeds: Record<string, FeedMemory>;
  items: Record<string, RememberedItem>;
}

export function readFeedsState(indexDir: string): FeedsState {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(indexDir, FEEDS_FILE), "utf8")) as FeedsState;
    if (state.version === 1 && state.feeds && state.items) return state;
  } catch {
    // none yet, or unreadable: start afresh (the index still refuses a same-name page with the same content)
  }
  return { version: 1, feeds: {}, items: {} };
}

/** Written aside, then renamed over: never half-written. */
export function writeFeedsState(indexDir: string, state: FeedsState): void {
  fs.mkdirSync(indexDir, { recursive: true });
  const temp = path.join(indexDir, `.${FEEDS_FILE}.tmp-${process.pid}`);
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 1)}\n`);
  fs.renameSync(temp, path.join(indexDir, FEEDS_FILE));
}
