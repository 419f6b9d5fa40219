import type { Citation } from "../answer/types.js";
import {
  answerNumbers,
  compact,
  extractDates,
  extractQuotes,
  findMarkers,
  normalise,
  sourceNumbers,
  withoutMarkers,
  type DateClaim,
} from "./claims.js";
import { verifySupport } from "./support.js";

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface VerifyOptions {
  /**
   * Checking a prefix of a streamed answer: no [n] marker is required yet, an unclosed quote is
   * ignored, and passages count as cited until the text cites some. Default false.
   */
  partial?: boolean;
}

/**
 * Whether an LLM answer says nothing the cited passages do not: every [n] names an existing source
 * (1-based); every number, date and quoted Chinese span appears in a cited passage (or its paper,
 * date or headline, which the prompt shows with it); and every sentence is supported by its passage
 * (`verifySupport`: wording, contact details, no instructions to the reader). A complete answer must cite at least one
 * source — an uncited reply ("the passages don't say") is not an answer to send.
 */
export function verifyGrounded(text: string, citations: Citation[], options: VerifyOptions = {}): Verdict {
  if (!text.trim()) return fail("empty answer");
  const markers = findMarkers(text);
  const missing = markers.find((n) => n < 1 || n > citations.length);
  if (missing !== undefined) return fail(`cites [${missing}] but there ${citations.length === 1 ? "is 1 source" : `are ${citations.length} sources`}`);
  if (!markers.length && !options.partial) return fail("cites no source with [n]");

  const cited = markers.length ? [...new Set(markers)].map((n) => citations[n - 1] as Citation) : citations;
  const sources = cited.map(sourceText);

  // Dates first: their digits are checked as dates (year/month/day), not as loose numbers.
  const body = withoutMarkers(text).replace(/^\s*\d{1,2}[.)、]\s/gm, " "); // list numbering "1. " is layout
  const { dates, rest } = extractDates(body);
  const known = sources.flatMap((s, i) => sourceDates(s, cited[i]?.date ?? null));
  const badDate = dates.find((d) => !known.some((k) => sameDate(d, k)));
  if (badDate) return fail(`date “${badDate.text}” is in no cited passage`);

  const numbers = new Set(sources.flatMap((s) => [...sourceNumbers(s)]));
  const badNumber = answerNumbers(rest).find((n) => !numbers.has(n.value));
  if (badNumber) return fail(`number “${badNumber.text}” (${badNumber.value}) is in no cited passage`);

  const haystack = sources.map(compact);
  const quotes = options.partial ? extractQuotes(closedQuotesOnly(text)) : extractQuotes(text);
  const badQuote = quotes.find((q) => !quoteFound(q, haystack));
  if (badQuote !== undefined) return fail(`quote “${badQuote}” is not verbatim in a cited passage`);
  return verifySupport(text, citations);
}

/**
 * Whether the answer is written in the question's language: Chinese needs more Han characters than
 * Latin letters, English the reverse. Quoted spans and titles do not count (an English answer may
 * quote the Chinese original).
 */
export function matchesLanguage(text: string, lang: "zh" | "en"): boolean {
  const unquoted = normalise(text).replace(/“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|"[^"\n]*"/g, " ");
  const han = unquoted.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = unquoted.match(/[A-Za-z]/g)?.length ?? 0;
  return lang === "zh" ? han > 0 && han >= latin : latin > 0 && latin >= han;
}

/** What the prompt shows for a source: the passage plus the paper, date and headline above it. */
function sourceText(c: Citation): string {
  return [c.paper ?? "", c.date ?? "", c.headline, c.passage].join("\n");
}

/** Dates a source states; a date without a year ("今年3月") takes the article's year. */
function sourceDates(text: string, articleDate: string | null): DateClaim[] {
  const year = articleDate ? Number(/^(\d{4})/.exec(articleDate)?.[1] ?? NaN) : NaN;
  return extractDates(normalise(text)).dates.map((d) => (d.year === null && !Number.isNaN(year) ? { ...d, year } : d));
}

/** The answer's date matches when every part it states (year, month, day) is the source's. */
function sameDate(claim: DateClaim, known: DateClaim): boolean {
  return (["year", "month", "day"] as const).every((k) => claim[k] === null || claim[k] === known[k]);
}

/** Verbatim up to width and whitespace; "……" marks an omission, and edge punctuation may differ. */
function quoteFound(quote: string, haystack: string[]): boolean {
  const pieces = quote.split(/…+|\.{3,}/).map((p) => compact(p).replace(/^[。，,.!！?？;；:：、]+|[。，,.!！?？;；:：、]+$/g, ""));
  return pieces.filter(Boolean).every((p) => haystack.some((h) => h.includes(p)));
}

/** A streamed prefix may end inside a quote; only quotes already closed are checked. */
function closedQuotesOnly(text: string): string {
  let t = text.replace(/“[^”]*$/, "").replace(/「[^」]*$/, "").replace(/『[^』]*$/, "").replace(/《[^》]*$/, "");
  if ((t.match(/"/g)?.length ?? 0) % 2) t = t.slice(0, t.lastIndexOf('"'));
  return t;
}

function fail(reason: string): Verdict {
  return { ok: false, reason };
}
