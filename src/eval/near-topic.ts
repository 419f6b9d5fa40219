import { holdsAnswer } from "./report.js";
import type { SquadArticle } from "./squad.js";

/**
 * Near-topic negatives: a question asked of its own article with the answer taken out. The article
 * stays on topic — same title, same people, the other paragraphs — so retrieval finds it, but the
 * fact asked is gone: the reply a reader deserves is "the articles don't say", never a neighbouring
 * value. This is what readers meet (other years, other branches, other quantities of one event), and
 * what left-out articles, which take the whole topic away, never test.
 */

/** An article written with one question's answer removed, and the questions it no longer answers. */
export interface NearTopicArticle {
  article: SquadArticle;
  /** Ids of questions none of whose gold answers is left anywhere in the written article. */
  unanswerable: Set<string>;
}

const SENTENCE = /[^。！？!?；;\n]+[。！？!?；;]*[”」』"]?/gu;

const sentencesOf = (paragraph: string): string[] => paragraph.match(SENTENCE) ?? [];

/**
 * Takes the article's first question out: its paragraph when the article has several, else the
 * sentences holding its answer — and any other sentence still holding it, so the answer text appears
 * nowhere. Null when that would leave less than half the article (a one-sentence article, an answer
 * as common as a digit): such an article is written whole.
 */
export function withoutAnswer(article: SquadArticle): NearTopicArticle | null {
  const target = article.questions[0];
  if (!target) return null;
  const kept = article.paragraphs.length > 1 ? article.paragraphs.filter((_, i) => i !== target.paragraph) : article.paragraphs;
  const before = article.paragraphs.flatMap(sentencesOf).length;
  const paragraphs = kept.map((p) => sentencesOf(p).filter((s) => !holdsAnswer(s, target.answers)).join("").trim()).filter(Boolean);
  const after = paragraphs.flatMap(sentencesOf).length;
  if (after === 0 || after * 2 < before) return null;
  const body = paragraphs.join("\n");
  const unanswerable = new Set(article.questions.filter((q) => !holdsAnswer(body, q.answers) && !holdsAnswer(article.title, q.answers)).map((q) => q.id));
  return unanswerable.has(target.id) ? { article: { ...article, paragraphs }, unanswerable } : null;
}
