/** One news article found on a seed page, with the metadata the page gives. */
export interface Article {
  /** Stable id: `<source>#<n>`, n counting articles on the page from 1. */
  id: string;
  /** Seed file name, e.g. `003_2a3bfdafac07cb06.txt`. */
  source: string;
  /** Newspaper name when the page says so (e.g. 昌吉日报), else null. */
  paper: string | null;
  /** ISO date (yyyy-mm-dd) of the issue: from the masthead, else the front matter (PDF / HTML metadata), else the file name; null when none says. */
  date: string | null;
  /** Issue / page number as printed (e.g. 总第12482期), or null. */
  page: string | null;
  headline: string;
  subheadline: string | null;
  byline: string | null;
  /** Kicker / column line printed above the headline (引题, 栏目), when there is one. */
  kicker?: string | null;
  /**
   * True when the page prints no headline for this article (a photo with its caption, a brief):
   * `headline` is then a short title derived from the first clause, ending in "…".
   */
  derived?: boolean;
  /** Same as `derived`; kept because index files written before `derived` carry it. */
  headlineFromLead?: boolean;
  /** Cleaned body paragraphs, in reading order. */
  paragraphs: string[];
  /** Photo captions that belong to this article, kept apart from the body. */
  captions: string[];
}

/** A chunk of an article's body that is embedded and searched on its own. */
export interface Passage {
  /** Dense integer id: the label in the HNSW index and the row in passages.json. */
  id: number;
  articleId: string;
  /** Verbatim slice of the article body (`paragraphs.join("\n")`). */
  text: string;
  /** Character span of `text` in the article body. */
  start: number;
  end: number;
  /** What is embedded and keyword-indexed: headline + passage. */
  embedText: string;
}

export interface ChunkOptions {
  /** Target passage length in characters. Default 300. */
  size: number;
  /** Characters of the previous passage repeated at the start of the next. Default 60. */
  overlap: number;
}
