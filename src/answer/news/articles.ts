/**
 * The article-level view the news answers need: the issues in the index (dated pages grouped by
 * day), an article's lead sentence, and a citation for any sentence of an article whose passage
 * really contains it.
 */
import type { SearchIndex } from "../../index/open.js";
import type { Article } from "../../ingest/types.js";
import { createArticlePassageFinder } from "../passages.js";
import { bodyOf, splitSentences, type Sentence } from "../select.js";
import type { Citation } from "../types.js";

/** One day's paper: its articles in page order. */
export interface Issue {
  date: string;
  paper: string | null;
  /** The printed issue number (总第12124期 → "12124"), when the page gives one. */
  number: string | null;
  articles: Article[];
}

/** What the news answers read from an index, worked out once per loaded index. */
export interface NewsCatalog {
  /** Dated issues, newest first. Undated pages are in no issue: they are never "the latest". */
  issues: Issue[];
  article(id: string): Article | undefined;
  /** A citation of `sentence` of `article` (score 0–1); its passage contains the quote. */
  cite(article: Article, sentence: Sentence, score: number): Citation;
  /** The article's lead: its first sentence of some length, cited. */
  lead(article: Article, score?: number): Citation | null;
}

/** Shorter first sentences ("本报讯", a dateline) are not a lead. */
const MIN_LEAD_CHARS = 12;

/** Article ids are `<source>#<n>`: page order is source, then n. */
function pageOrder(a: Article, b: Article): number {
  const [sa, na] = a.id.split("#");
  const [sb, nb] = b.id.split("#");
  return sa! === sb! ? Number(na) - Number(nb) : sa! < sb! ? -1 : 1;
}

/**
 * The articles less repeats of one already listed: the same story added twice for one day (its
 * e-paper PDF beside the text page, or a web copy) is one headline of that day's paper.
 */
function distinct(articles: Article[]): Article[] {
  const headlines = new Map<string, number>();
  for (const a of articles) headlines.set(a.headline, (headlines.get(a.headline) ?? 0) + 1);
  // Bodies are compared only under a headline that repeats: opening an archive stays one cheap pass.
  const seen = new Set<string>();
  return articles.filter((a) => {
    if (headlines.get(a.headline)! < 2) return true;
    const key = `${a.headline}\n${bodyOf(a).replace(/\s+/g, "")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Builds the catalog of a loaded index (cheap: one pass over articles and passages). */
export function newsCatalog(index: SearchIndex): NewsCatalog {
  const byDate = new Map<string, Article[]>();
  for (const article of index.articles.values()) {
    if (!article.date) continue;
    const day = byDate.get(article.date);
    if (day) day.push(article);
    else byDate.set(article.date, [article]);
  }
  const issues: Issue[] = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([date, articles]) => {
      const sorted = distinct(articles.sort(pageOrder));
      const number = sorted.map((a) => /(\d{3,6})\s*期/.exec(a.page ?? "")?.[1]).find(Boolean) ?? null;
      return { date, paper: sorted.find((a) => a.paper)?.paper ?? null, number, articles: sorted };
    });
  const passageFor = createArticlePassageFinder(index.passages);

  const cite = (article: Article, sentence: Sentence, score: number): Citation => {
    const quote = sentence.text.trim();
    const passage = passageFor(article, sentence);
    return { source: article.source, paper: article.paper, date: article.date, headline: article.headline, quote, score, articleId: article.id, passage };
  };
  return {
    issues,
    article: (id) => index.articles.get(id),
    cite,
    lead(article, score = 1) {
      const sentences = splitSentences(bodyOf(article));
      const lead = sentences.find((s) => s.text.trim().length >= MIN_LEAD_CHARS) ?? sentences[0];
      return lead ? cite(article, lead, score) : null;
    },
  };
}

/** Whole days from `date` (ISO) to `today` (UTC days; negative when the date is after today). */
export function daysBetween(date: string, today: Date): number {
  const start = Date.parse(`${date}T00:00:00Z`);
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((end - start) / 86_400_000);
}
