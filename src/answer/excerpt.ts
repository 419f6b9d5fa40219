import type { Article } from "../ingest/types.js";
import { bodyOf, type Sentence } from "./select.js";

/** Characters of context on each side of a sentence in an excerpt. */
const MARGIN = 120;

/**
 * The article text around a sentence, verbatim: the passage shown for a citation when no indexed
 * passage holds the whole sentence (it runs across two, or the passage holding it was not retrieved).
 */
export function excerptAround(article: Article, sentence: Sentence): string {
  return bodyOf(article).slice(Math.max(0, sentence.start - MARGIN), sentence.end + MARGIN);
}
