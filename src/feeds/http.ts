/**
 * Fetching feeds and their pages: a deadline, a size cap read as the bytes arrive (a 50 MB page is
 * cut off at the cap, not buffered), a user agent that says who is asking, and conditional GET
 * (If-None-Match / If-Modified-Since) so an unchanged feed costs a 304 and nothing else.
 */
import { QaError } from "../errors.js";
import { tooLarge } from "../ingest/formats/limits.js";

export const USER_AGENT = "changji-news-qa/0.1 (news Q&A bot; fetches feed items to quote them with their source)";

export interface FetchLimits {
  /** Whole request, headers to last byte, in ms. */
  timeoutMs: number;
  /** Largest body taken, in bytes (ADD_MAX_MB). */
  maxBytes: number;
  /** Injected fetch (tests); default the global one. */
  fetch?: typeof fetch;
}

/** What a previous answer said, sent back so an unchanged resource answers 304. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type Fetched = { status: "unchanged" } | { status: "ok"; body: Buffer; etag: string | null; lastModified: string | null };

/** GETs `url`; throws FEED_UNREACHABLE (network, timeout, HTTP error) or FILE_TOO_LARGE. */
export async function fetchLimited(url: string, limits: FetchLimits, validators: Validators = {}): Promise<Fetched> {
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.9, */*;q=0.5" };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  const unreachable = (why: string, cause?: unknown) =>
    new QaError("FEED_UNREACHABLE", `Cannot fetch ${url}: ${why}.`, "It is tried again at the next poll; check the URL and that the site answers (curl -I <url>).", { cause });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await (limits.fetch ?? fetch)(url, { headers, signal, redirect: "follow" });
    if (response.status === 304) return { status: "unchanged" };
    if (!response.ok) throw unreachable(`HTTP ${response.status}`);
    const declared = Number(response.headers.get("content-length") ?? NaN);
    const name = new URL(url).pathname.split("/").pop() || url;
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      throw tooLarge(name, declared, limits.maxBytes);
    }
    return { status: "ok", body: await readBodyLimited(response, name, limits.maxBytes), etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
  } catch (err) {
    if (err instanceof QaError) throw err;
    if (signal.aborted) throw unreachable(`no complete answer within ${Math.round(limits.timeoutMs / 1000)} s`, err);
    throw unreachable(err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err), err);
  }
}

/** The response's body, read as it arrives and refused (FILE_TOO_LARGE) as soon as it passes `maxBytes`: never buffered whole first. */
export async function readBodyLimited(response: Response, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(name, size, maxBytes); // leaving the loop cancels the stream
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
