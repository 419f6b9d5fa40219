/**
 * What an operator checks first: which paper the index answers from (the newest issue in it), what
 * the inbox did last, and what it refused. Read from disk — the live build's manifest and articles,
 * the inbox's state and its failed/ folder — so `cli status` needs no model and no lock, and the bot's /stats
 * shows the same lines.
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config/index.js";
import { describeError } from "../errors.js";
import { FILES, type Manifest } from "../index/manifest.js";
import { readJsonFile, readNdjsonFile, resolveCurrentBuild } from "../index/store.js";
import type { Article } from "../ingest/types.js";
import { readFeedsState, type FeedResult } from "../feeds/state.js";
import { isTemporaryName } from "../inbox/ready.js";
import { readInboxState, type InboxRun } from "../inbox/state.js";

export interface Status {
  index: { dir: string; builtAt: string; files: number; articles: number; passages: number; model: string } | null;
  /** Why the index could not be read (its coded error, as the CLI prints it). */
  indexError: string | null;
  /** The newest dated issue: paper, day, printed number (总第…期) and its article count. */
  newestIssue: { paper: string | null; date: string; number: string | null; articles: number } | null;
  /** Null when INBOX_DIR is not set. */
  inbox: {
    dir: string;
    /** Files in the inbox not yet added (still settling, or left by a failed run). */
    waiting: string[];
    lastRun: InboxRun | null;
    /** Files in failed/, newest first, with the first line of their reason. */
    failed: { file: string; reason: string }[];
  } | null;
  /** Each feed of FEEDS with its last poll (null before the first); empty when FEEDS is not set. */
  feeds: { url: string; last: FeedResult | null }[];
  feedMinutes: number;
}

/** Reads the status of the index and the inbox named in `config`. Never throws for a missing index or inbox. */
export function readStatus(config: Pick<Config, "indexDir" | "inboxDir" | "feeds">): Status {
  const remembered = config.feeds.urls.length ? readFeedsState(config.indexDir).feeds : {};
  const status: Status = {
    index: null,
    indexError: null,
    newestIssue: null,
    inbox: config.inboxDir ? readInbox(config.inboxDir) : null,
    feeds: config.feeds.urls.map((url) => ({ url, last: remembered[url]?.last ?? null })),
    feedMinutes: config.feeds.minutes,
  };
  try {
    // Not verified file by file (that hashes the whole vector graph): a status read, not an answer.
    const buildDir = resolveCurrentBuild(config.indexDir);
    const manifest = readJsonFile<Manifest>(buildDir, FILES.manifest);
    status.index = { dir: config.indexDir, builtAt: manifest.builtAt, ...manifest.counts, model: manifest.model.id };
    status.newestIssue = newestIssue(readNdjsonFile<Article>(buildDir, FILES.articles));
  } catch (err) {
    status.indexError = describeError(err);
  }
  return status;
}

/** Headlines of the live build's articles by id (for the question report); every id unknown when the index cannot be read. */
export function headlinesOf(config: Pick<Config, "indexDir">): (articleId: string) => string | null {
  try {
    const articles = readNdjsonFile<Article>(resolveCurrentBuild(config.indexDir), FILES.articles);
    const byId = new Map(articles.map((a) => [a.id, a.headline]));
    return (id) => byId.get(id) ?? null;
  } catch {
    return () => null;
  }
}

function newestIssue(articles: Article[]): Status["newestIssue"] {
  const dated = articles.filter((a): a is Article & { date: string } => a.date !== null);
  const newest = dated.reduce<string | null>((max, a) => (max === null || a.date > max ? a.date : max), null);
  if (!newest) return null;
  const issue = dated.filter((a) => a.date === newest);
  const number = issue.map((a) => a.page).find((p) => p && /期/.test(p)) ?? null;
  return { paper: issue.find((a) => a.paper)?.paper ?? null, date: newest, number, articles: issue.length };
}

function readInbox(dir: string): NonNullable<Status["inbox"]> {
  const list = (folder: string) => {
    try {
      return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return [];
    }
  };
  const failedDir = path.join(dir, "failed");
  const failed = list(failedDir)
    .filter((name) => !name.endsWith(".reason.txt"))
    .map((file) => {
      const reasonFile = path.join(failedDir, `${file}.reason.txt`);
      const reason = fs.existsSync(reasonFile) ? fs.readFileSync(reasonFile, "utf8").split("\n")[0]! : "(no reason file)";
      return { file, reason, mtime: fs.statSync(path.join(failedDir, file)).mtimeMs };
    })
    .sort((a, b) => b.mtime - a.mtime)
    .map(({ file, reason }) => ({ file, reason }));
  return { dir, waiting: list(dir).filter((name) => !isTemporaryName(name)).sort(), lastRun: readInboxState(dir).runs.at(-1) ?? null, failed };
}

/** Failed files listed by name; older ones are counted, not listed (a chat message stays short). */
const LISTED_FAILURES = 10;

/** The status as lines for a terminal or a chat message. */
export function describeStatus(status: Status): string[] {
  const lines: string[] = [];
  const { index, newestIssue: issue, inbox } = status;
  if (index) {
    lines.push(`Index ${index.dir}: ${index.articles} articles, ${index.passages} passages from ${index.files} pages, built ${index.builtAt.replace("T", " ").slice(0, 16)} UTC, model ${index.model}.`);
  } else {
    lines.push(`Index: not readable — ${status.indexError ?? "unknown"}`.replace(/\n/g, " "));
  }
  if (index) lines.push(issue ? `Newest issue: ${issue.paper ?? "(paper not named)"} ${issue.date}${issue.number ? ` (${issue.number})` : ""}, ${issue.articles} articles.` : "Newest issue: none — no page in the index is dated.");
  lines.push(...describeFeeds(status));
  if (!inbox) {
    lines.push("Inbox: off (set INBOX_DIR to add the files dropped in a folder).");
    return lines;
  }
  lines.push(`Inbox ${inbox.dir}: ${inbox.waiting.length} file${inbox.waiting.length === 1 ? "" : "s"} waiting${inbox.waiting.length ? ` (${inbox.waiting.join(", ")})` : ""}.`);
  lines.push(inbox.lastRun ? `Last inbox run ${inbox.lastRun.at.replace("T", " ").slice(0, 19)} UTC:` : "Last inbox run: none yet.");
  if (inbox.lastRun) lines.push(...describeRun(inbox.lastRun).map((line) => `  ${line}`));
  if (inbox.failed.length) {
    lines.push(`Failed (${inbox.failed.length}, in ${path.join(inbox.dir, "failed")}, each with <name>.reason.txt):`);
    lines.push(...inbox.failed.slice(0, LISTED_FAILURES).map((f) => `  ${f.file} — ${f.reason}`));
    if (inbox.failed.length > LISTED_FAILURES) lines.push(`  … and ${inbox.failed.length - LISTED_FAILURES} older.`);
  } else {
    lines.push("Failed: none.");
  }
  return lines;
}

function describeFeeds({ feeds, feedMinutes }: Status): string[] {
  if (!feeds.length) return ["Feeds: none (set FEEDS to add new items of RSS/Atom feeds)."];
  return [`Feeds (every ${feedMinutes} min):`, ...feeds.flatMap(({ url, last }) => (last ? describeFeedResult(url, last) : [`${url}: not polled yet.`])).map((line) => `  ${line}`)];
}

/** A feed's last poll: what it added, what it refused, or why it could not be read. */
export function describeFeedResult(url: string, result: FeedResult): string[] {
  const when = result.at.replace("T", " ").slice(0, 16);
  if (result.error) return [`${url} (${when} UTC): not read — ${result.error.message} (${result.error.code})`];
  const what = result.unchanged ? "unchanged" : `${result.added.length} added${result.added.length ? ` (${result.added.join(", ")})` : ""}, ${result.failed.length} not added`;
  return [`${url} (${when} UTC): ${what}`, ...result.failed.map((f) => `  ${f.url} — ${f.message} (${f.code})`)];
}

/** One line per file of an inbox run, then the run's own failure if it had one. */
export function describeRun(run: InboxRun): string[] {
  const lines = run.files.map((f) => {
    if (f.outcome === "failed") return `Refused ${f.file}: ${f.error?.message ?? "?"} (${f.error?.code ?? "?"}) → ${f.movedTo}`;
    if (f.outcome === "duplicate") return `Already in the index: ${f.file} (as ${f.page}) → ${f.movedTo}`;
    return `${f.outcome === "added" ? "Added" : "Replaced"} ${f.page} from ${f.file} → ${f.movedTo}`;
  });
  if (run.error) lines.push(`The run stopped: ${run.error.message.replace(/\n/g, " ")}; its files stay in the inbox for the next run.`);
  return lines;
}
