import type { Article, Passage } from "../ingest/types.js";
import type { ArticleHit } from "../retrieve/hybrid.js";
import { bodyOf } from "./select.js";

/** A sentence's span in its article body (`paragraphs.join("\n")`); start -1 for one outside it (the byline). */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * The passage a citation shows — in /sources and to the LLM — for the sentence it quotes. The
 * answering sentence may come from any part of a retrieved article, not only from its retrieved
 * passages, so the passage is looked up by the sentence's span and always holds the quote.
 */
export type PassageFinder = (hit: ArticleHit, sentence: SentenceSpan) => string;

/** The passage shown for `sentence` of `article`, preferring one of the `retrieved` passages that holds it. */
export type ArticlePassageFinder = (article: Article, sentence: SentenceSpan, retrieved?: readonly Passage[]) => string;

/**
 * Makes the finder over the index's passages (grouped by article once, on first use). Prefers a
 * retrieved passage holding the sentence, then any passage of the article holding it; a sentence
 * cut by the chunker gets the body from the first to the last passage it touches; the byline
 * stands alone.
 */
export function createArticlePassageFinder(passages: readonly Passage[]): ArticlePassageFinder {
  let byArticle: Map<string, Passage[]> | null = null;
  const passagesOf = (articleId: string): Passage[] => {
    if (!byArticle) {
      byArticle = new Map();
      for (const p of passages) {
        const list = byArticle.get(p.articleId);
        if (list) list.push(p);
        else byArticle.set(p.articleId, [p]);
      }
    }
    return byArticle.get(articleId) ?? [];
  };
  const holds = (p: Passage, s: SentenceSpan) => p.start <= s.start && p.end >= s.end;

  return (article, sentence, retrieved = []) => {
    if (sentence.start < 0) return sentence.text;
    const held = retrieved.find((p) => holds(p, sentence)) ?? passagesOf(article.id).find((p) => holds(p, sentence));
    if (held) return held.text;
    return spanningBody(article, passagesOf(article.id).filter((p) => p.start < sentence.end && p.end > sentence.start), sentence);
  };
}

/** The same finder for a retrieved article hit (its retrieved passages first). */
export function createPassageFinder(passages: readonly Passage[]): PassageFinder {
  const find = createArticlePassageFinder(passages);
  return (hit, sentence) => find(hit.article, sentence, hit.passages.map((p) => p.passage));
}

/** The body from the first to the last of `touching` passages, or the sentence alone when none touches it. */
function spanningBody(article: Article, touching: Passage[], sentence: SentenceSpan): string {
  if (!touching.length) return sentence.text;
  const start = Math.min(sentence.start, ...touching.map((p) => p.start));
  const end = Math.max(sentence.end, ...touching.map((p) => p.end));
  return bodyOf(article).slice(start, end);
}
