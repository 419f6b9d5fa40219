import type { Article } from "../ingest/types.js";
import { mentions, type Concept } from "./concepts.js";
import { bodyOf, headingOf, splitSentences } from "./select.js";

/**
 * Within-article evidence: once the article is right, the question's topic words (its name, in
 * the headline and half the sentences) no longer tell its sentences apart; the words the article
 * rarely uses do (校长 in the one sentence naming the principal). Each question term weighs its
 * corpus weight times its rarity among the article's sentences, as BM25 weighs terms across
 * documents — one step down, sentences of one article instead of articles of the corpus.
 */
export interface LocalWeights {
  /** Share of the question's locally weighted words the text mentions, 0–1 (0 when the question has none). */
  coverage(text: string): number;
  /** The same over the question's Chinese character pairs. */
  pairRecall(text: string): number;
}

/** A weighted term: a concept (any spelling) or a character pair. */
interface Term {
  weight: number;
  in: (text: string) => boolean;
}

/** Local weights of one article for one question's concepts and character pairs. */
export function localWeights(article: Article, concepts: Concept[], pairs: { pair: string; weight: number }[]): LocalWeights {
  const sentences = splitSentences(bodyOf(article)).map((s) => s.text);
  const headline = headingOf(article);
  const words = concepts.filter((c) => !c.date).map((c): Term => ({ weight: c.weight, in: (t) => mentions(t, c) }));
  const chars = pairs.map((p): Term => ({ weight: p.weight, in: (t) => t.includes(p.pair) }));
  return { coverage: recallOver(localise(words, sentences, headline)), pairRecall: recallOver(localise(chars, sentences, headline)) };
}

/**
 * Each term the article uses, its weight times log((S + 1) / (s + 0.5)) over the S sentences, s of
 * them naming it. A term the headline names is what the whole article is about (本鱼, 其, 该校 stand
 * for it): every sentence counts as naming it.
 */
function localise(terms: Term[], sentences: string[], headline: string): Term[] {
  const n = sentences.length;
  return terms.map((t) => {
    const naming = t.in(headline) ? n : sentences.filter((s) => t.in(s)).length;
    // A term the article never uses weighs most: no sentence of it can cover the question fully.
    return { weight: t.weight * Math.log((n + 1) / (naming + 0.5)), in: t.in };
  });
}

function recallOver(terms: Term[]): (text: string) => number {
  const total = terms.reduce((s, t) => s + t.weight, 0);
  return (text) => (total > 0 ? terms.reduce((s, t) => s + (t.in(text) ? t.weight : 0), 0) / total : 0);
}
