/**
 * One poll of the news feeds (FEEDS): each feed is fetched (conditional GET), read with
 * @extractus/feed-extractor (RSS, Atom, RDF), and each new item's page is fetched. All new pages of
 * all feeds are then added as one update, through the inbox's run in a private folder — the same
 * reading, coded errors and one-file-at-a-time fallback as a dropped file. A feed that fails is
 * reported and tried again next time; it never stops the others.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { extractFromXml, type FeedEntry } from "@extractus/feed-extractor";
import { QaError } from "../errors.js";
import { addInboxFiles, type InboxOptions } from "../inbox/inbox.js";
import { fetchLimited, type FetchLimits } from "./http.js";
import { readFeedsState, writeFeedsState, type FeedResult, type FeedsState } from "./state.js";
import { makeStaging } from "../staging.js";

export interface FeedPollOptions extends Omit<InboxOptions, "inboxDir"> {
  /** Feed URLs (FEEDS). */
  feeds: string[];
  /** Per request, in ms. Default 30 s. */
  timeoutMs?: number;
  /** Injected fetch (tests). */
  fetch?: typeof fetch;
}

/** Newest items looked at per feed and poll: a first poll of a long archive feed stays bounded. */
const ITEMS_PER_POLL = 50;
const DEFAULT_TIMEOUT_MS = 30_000;
/** The papers' own time zone (Beijing time): an item published at 07:00 +08:00 belongs to that day, not the UTC one before. */
const PAPER_UTC_OFFSET_HOURS = 8;

/** Errors after which an item is not fetched again: its page is what it is. Others (network) are retried. */
const FINAL = new Set(["FILE_TOO_LARGE", "FORMAT_UNKNOWN", "HTML_NO_ARTICLE", "PDF_NO_TEXT", "PDF_ENCRYPTED", "PDF_DAMAGED", "SEED_UNREADABLE", "PDF_TOO_COMPLEX", "HTML_TOO_COMPLEX", "PAGE_TOO_LARGE", "FILE_NAME_INVALID"]);

interface Pending {
  feed: string;
  url: string;
  sha256: string;
  file: string;
}

const sha256 = (data: Buffer | string) => crypto.createHash("sha256").update(data).digest("hex");
const coded = (err: unknown) => ({ code: err instanceof QaError ? err.code : "UNEXPECTED", message: err instanceof Error ? err.message : String(err) });

/** Polls every feed once; returns each feed's result (also kept in INDEX_DIR/feeds.json for status). */
export async function pollFeeds(options: FeedPollOptions): Promise<Record<string, FeedResult>> {
  const { feeds, timeoutMs = DEFAULT_TIMEOUT_MS, fetch, ...inbox } = options;
  const limits: FetchLimits = { timeoutMs, maxBytes: inbox.maxBytes, ...(fetch ? { fetch } : {}) };
  const at = new Date((inbox.now ?? Date.now)()).toISOString();
  const state = readFeedsState(inbox.indexDir);
  const staging = makeStaging("feeds");
  const results: Record<string, FeedResult> = {};
  const pending: Pending[] = [];
  /** Feeds to read again in full next time: an item was not settled. */
  const retry = new Set<string>();
  try {
    for (const feed of feeds) {
      const result: FeedResult = { at, unchanged: false, added: [], failed: [] };
      results[feed] = result;
      try {
        await readFeed(feed, state, limits, staging, result, pending, retry);
      } catch (err) {
        result.error = coded(err);
      }
    }
    if (pending.length) await addPages(pending, { ...inbox, inboxDir: staging }, state, results, retry, at);
    for (const feed of retry) if (state.feeds[feed]) Object.assign(state.feeds[feed], { etag: null, lastModified: null, sha256: null });
    for (const feed of feeds) state.feeds[feed]!.last = results[feed]!;
    writeFeedsState(inbox.indexDir, state);
    return results;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Fetches one feed and its new items' pages into `staging`. Throws the feed's own error. */
async function readFeed(feed: string, state: FeedsState, limits: FetchLimits, staging: string, result: FeedResult, pending: Pending[], retry: Set<string>): Promise<void> {
  const memory = (state.feeds[feed] ??= { etag: null, lastModified: null, sha256: null, last: null });
  const got = await fetchLimited(feed, limits, memory);
  if (got.status === "unchanged" || sha256(got.body) === memory.sha256) {
    result.unchanged = true;
    return;
  }
  let entries: FeedEntry[];
  try {
    entries = extractFromXml(got.body.toString("utf8")).entries ?? [];
  } catch (cause) {
    throw new QaError("FEED_INVALID", `Cannot read the feed ${feed}: ${cause instanceof Error ? cause.message : String(cause)}.`, "Check that FEEDS names the RSS or Atom feed itself, not the site's home page.", { cause });
  }
  Object.assign(memory, { etag: got.etag, lastModified: got.lastModified, sha256: sha256(got.body) });
  for (const entry of entries.slice(0, ITEMS_PER_POLL)) {
    const url = entry.link ? new URL(entry.link, feed).href : null;
    if (!url || state.items[url] || pending.some((p) => p.url === url)) continue;
    try {
      const page = await fetchLimited(url, limits);
      if (page.status !== "ok") continue; // no validators were sent: cannot happen
      const hash = sha256(page.body);
      const same = Object.values(state.items).find((item) => item.sha256 === hash);
      if (same) {
        state.items[url] = { ...same, at: result.at }; // the same page under another URL
        continue;
      }
      const file = path.join(staging, pageFileName(url, entry.published));
      fs.writeFileSync(file, page.body);
      pending.push({ feed, url, sha256: hash, file });
    } catch (err) {
      result.failed.push({ url, ...coded(err) });
      if (err instanceof QaError && FINAL.has(err.code)) state.items[url] = { sha256: "", page: null, at: result.at };
      else retry.add(feed);
    }
  }
}

/** Adds the fetched pages as one update and remembers each item by URL and hash. */
async function addPages(pending: Pending[], options: InboxOptions, state: FeedsState, results: Record<string, FeedResult>, retry: Set<string>, at: string): Promise<void> {
  const run = await addInboxFiles(pending.map((p) => p.file), options);
  for (const item of pending) {
    const result = results[item.feed]!;
    const done = run.files.find((f) => f.file === path.basename(item.file));
    if (!done) {
      // Not settled (the run failed, or another item became the same page): fetched again next time.
      result.failed.push({ url: item.url, ...(run.error ?? { code: "UNEXPECTED", message: "not added in this poll" }) });
      retry.add(item.feed);
      continue;
    }
    if (done.outcome === "failed") {
      result.failed.push({ url: item.url, code: done.error!.code, message: done.error!.message });
      state.items[item.url] = { sha256: item.sha256, page: null, at };
      continue;
    }
    state.items[item.url] = { sha256: item.sha256, page: done.page, at };
    if (done.outcome !== "duplicate") result.added.push(done.page!);
  }
}

/**
 * The file an item's page is read from: named after its URL (host, last path part, a short hash so
 * two items never share a name), with the feed's day for it, so a page that gives no date of its
 * own is dated from the feed (the file-name rule of adding-papers.md).
 */
export function pageFileName(url: string, published: string | undefined): string {
  const { hostname, pathname } = new URL(url);
  const last = pathname.split("/").filter(Boolean).pop()?.replace(/\.[a-z0-9]+$/i, "") ?? "";
  const slug = `${hostname}-${last}`.replace(/[^A-Za-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  const time = published ? Date.parse(published) : NaN;
  const day = Number.isNaN(time) ? "" : `_${new Date(time + PAPER_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10)}`;
  return `${slug}-${sha256(url).slice(0, 6)}${day}.html`;
}
