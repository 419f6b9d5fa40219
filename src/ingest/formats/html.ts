/**
 * Web articles: @mozilla/readability (Firefox's Reader View) finds the article in the page and
 * leaves out navigation, ads, related links and the footer; linkedom gives it a DOM without a
 * browser. The headline, the site and the date come from the page's meta tags.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { QaError } from "../../errors.js";
import { dateInText } from "../page-dates.js";
import { hasBylineLabel, webByline } from "./web-byline.js";
import { checkHtmlShape } from "./html-shape.js";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits.js";
import { webHeadline } from "./web-title.js";

/** What a web page gave: its article as seed text lines, and what its markup says about it. */
export interface HtmlArticle {
  headline: string | null;
  /** The site's name (og:site_name), used as the paper. */
  site: string | null;
  /** Who wrote it (作者：李文, 记者：王芳, the author meta tags), or null: see web-byline.ts. */
  byline: string | null;
  date: string | null;
  dateFrom: string | null;
  /** Headline and paragraphs, one block per line pair (blank line between), subheadings marked `##`. */
  text: string;
}

/** Fewer characters of article text than this: the page is an index, a login wall or an error page. */
const MIN_ARTICLE_CHARS = 80;
/** More of the text in links than this: a list of headlines (a section front), not a story. */
const MAX_LINK_SHARE = 0.5;
/** Where pages put their publication date, most specific first. */
const DATE_SOURCES: { selector: string; attribute: string; label: string }[] = [
  { selector: 'meta[property="article:published_time"]', attribute: "content", label: "article:published_time" },
  { selector: 'meta[itemprop="datePublished"]', attribute: "content", label: "datePublished" },
  { selector: 'meta[name="publishdate"], meta[name="PubDate"], meta[name="pubdate"]', attribute: "content", label: "publishdate" },
  { selector: 'meta[name="date"], meta[name="DC.date"], meta[name="dc.date"]', attribute: "content", label: "meta date" },
  { selector: "time[datetime]", attribute: "datetime", label: "<time datetime>" },
];
/** Lines a news site puts inside the article element that are no part of the story. */
const WEB_FURNITURE = /^(?:来源|作者|编辑|责任编辑|责编|审核|校对|分享到|原标题|Source|Editor|Share)\s*[:：]/i;
const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption";

/**
 * The article of an HTML page (already decoded). Throws HTML_TOO_COMPLEX (more elements or deeper
 * nesting than `limits`, measured before parsing) or HTML_NO_ARTICLE when the page holds none.
 */
export function readHtml(html: string, name: string, limits: Pick<ReadLimits, "maxHtmlElements" | "maxHtmlDepth"> = DEFAULT_READ_LIMITS): HtmlArticle {
  checkHtmlShape(html, name, limits);
  const { document } = parseHTML(html);
  const meta = (selector: string, attribute = "content") => document.querySelector(selector)?.getAttribute(attribute)?.trim() || null;
  let date: string | null = null;
  let dateFrom: string | null = null;
  for (const source of DATE_SOURCES) {
    const value = meta(source.selector, source.attribute);
    date = value ? dateInText(value) : null;
    if (date) {
      dateFrom = `HTML ${source.label}`;
      break;
    }
  }
  const statedSite = meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]');
  const ogTitle = meta('meta[property="og:title"]');
  const title = document.querySelector("title")?.textContent ?? null;
  const h1 = storyH1(document, [ogTitle, title]);
  const pageText = document.body?.textContent ?? null;
  const labelled = labelledLines(document);
  const metaAuthor = meta('meta[name="author"]') ?? meta('meta[property="article:author"]');

  // Readability changes the document it reads, so the meta tags are read first.
  const article = new Readability(document as unknown as Document, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  const { blocks: paragraphs, linkShare } = article?.content ? blocksOf(article.content) : { blocks: [], linkShare: 0 };
  const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
  if (!article || chars < MIN_ARTICLE_CHARS || linkShare > MAX_LINK_SHARE) {
    const why = linkShare > MAX_LINK_SHARE ? `its main text is ${Math.round(linkShare * 100)}% links` : `${chars} characters of article text`;
    throw new QaError(
      "HTML_NO_ARTICLE",
      `Cannot add ${name}: no article found in the page (${why}).`,
      "Save the article's own page (not a section front, search result or login page), or copy its text into a .txt file.",
    );
  }
  const named = webHeadline({ ogTitle, h1, title: title ?? article.title ?? null, siteName: statedSite ?? article.siteName ?? null, pageText });
  const headline = named.headline;
  const body = paragraphs.filter((p, i) => !(i === 0 && p.heading && p.text === headline));
  const lines = [...(headline ? [`# ${headline}`] : []), ...body.map((p) => (p.heading ? `## ${p.text}` : p.text))];
  if (!date && article.publishedTime) {
    date = dateInText(article.publishedTime);
    dateFrom = date ? "HTML published time" : null;
  }
  const byline = webByline({ labelled, metaAuthor, readability: article.byline ?? null, site: named.site });
  return { headline, site: named.site, byline, date, dateFrom, text: lines.join("\n\n") };
}

/**
 * The story's own h1 — not a logo's: the first inside <article> or <main>, else one the titles
 * start with, else the page's only h1.
 */
function storyH1(document: ReturnType<typeof parseHTML>["document"], titles: (string | null)[]): string | null {
  const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, " ").trim() || null;
  const inStory = text(document.querySelector("article h1, main h1"));
  if (inStory) return inStory;
  const all = [...document.querySelectorAll("h1")].map((e) => text(e as unknown as Element)).filter((t): t is string => Boolean(t));
  return all.find((h) => titles.some((t) => t?.startsWith(h))) ?? (all.length === 1 ? all[0]! : null);
}

/** Longest line read for a 作者：/记者： label: a longer one is body text. */
const LABELLED_MAX = 120;

/** Short lines of the story (outside nav, aside and footer) that carry a byline label, in page order. */
function labelledLines(document: ReturnType<typeof parseHTML>["document"]): string[] {
  const root = document.querySelector("article") ?? document.querySelector("main") ?? document.body;
  if (!root) return [];
  const out: string[] = [];
  for (const element of root.querySelectorAll("*")) {
    if (element.closest("nav, aside, footer, script, style")) continue;
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text.length <= LABELLED_MAX && hasBylineLabel(text)) out.push(text);
  }
  return out;
}

/** Block elements of the article in document order (outermost only), as one-line texts; and how much of its text is links. */
function blocksOf(content: string): { blocks: { text: string; heading: boolean }[]; linkShare: number } {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${content}</body></html>`);
  const length = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "").length;
  const linked = [...document.querySelectorAll("a")].reduce((n, a) => n + length(a.textContent), 0);
  const linkShare = linked / Math.max(1, length(document.body?.textContent));
  const out: { text: string; heading: boolean }[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    if (element.parentElement?.closest(BLOCKS)) continue;
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text && !WEB_FURNITURE.test(text)) out.push({ text, heading: /^H[1-6]$/.test(element.tagName) });
  }
  if (!out.length) {
    const text = document.body?.textContent ?? "";
    for (const line of text.split(/\n+/)) if (line.trim()) out.push({ text: line.replace(/\s+/g, " ").trim(), heading: false });
  }
  return { blocks: out, linkShare };
}

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The page's text, decoded by its declared charset (GBK pages are common in China), UTF-8 by default. */
export function decodeHtml(bytes: Uint8Array): string {
  const declared = Buffer.from(bytes.subarray(0, 2048)).toString("latin1").match(CHARSET)?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes); // an unknown label: read it as UTF-8
  }
}
