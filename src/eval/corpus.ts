import fs from "node:fs";
import path from "node:path";
import { withoutAnswer } from "./near-topic.js";
import type { SquadArticle } from "./squad.js";

/**
 * Writes a SQuAD file's articles as seed pages, so the real ingest pipeline reads them as it reads
 * a newspaper page: a masthead (paper, issue date, issue number), the title as a marked-up
 * headline, then the paragraphs. Every `leaveOutEvery`-th article is not written: its questions
 * are the ones the bot must refuse. Halfway between two of those, an article is written with its
 * first question's answer taken out (near-topic.ts): the questions it no longer answers must get no
 * value either, although their topic is in the corpus.
 */

/** Paper name printed on every page, so citations read like the real ones. */
export const EVAL_PAPER = "维基日报";
/** Issue date of the first page; page n is dated n days later, so every article has its own date. */
const FIRST_ISSUE = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

/** A question placed in the written corpus. */
export interface PlacedQuestion {
  id: string;
  question: string;
  answers: string[];
  /** Position of its article in the SQuAD file (0-based). */
  article: number;
  /** Seed file name of its article (also for left-out articles, which have no file). */
  source: string;
  /** False when its answer is not in the corpus (article left out, or near-topic): the right reply has no value. */
  kept: boolean;
  /** True when its article is in the corpus but its answer was taken out (a near-topic negative). */
  nearTopic: boolean;
}

export interface WrittenCorpus {
  /** Articles written as pages. */
  kept: number;
  leftOut: number;
  /** Articles written with an answer taken out. */
  nearTopic: number;
  /** Each article as written (a near-topic one without its answer), null where left out; in file order. */
  written: (SquadArticle | null)[];
  questions: PlacedQuestion[];
}

/** Seed file name of article `index` (0-based): its position, so pages sort in file order. */
export const pageName = (index: number) => `${String(index + 1).padStart(5, "0")}.txt`;

/** True for the articles left out of the corpus: the 6th, 12th, … (1-based) with the default 6. */
export const isLeftOut = (index: number, leaveOutEvery: number) => leaveOutEvery > 0 && (index + 1) % leaveOutEvery === 0;

/** True for the articles written without an answer: the 3rd, 9th, … with the default 6 (none below 4). */
export const isNearTopic = (index: number, leaveOutEvery: number) => leaveOutEvery >= 4 && (index + 1) % leaveOutEvery === Math.ceil(leaveOutEvery / 2);

/** The text of one seed page for article `index` (0-based). */
export function seedPageText(article: SquadArticle, index: number): string {
  const date = new Date(FIRST_ISSUE + index * DAY_MS);
  const masthead = [EVAL_PAPER, `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`, `总第${index + 1}期`];
  return `${masthead.join("\n")}\n\n# ${article.title}\n\n${article.paragraphs.map((p) => p.trim()).join("\n\n")}\n`;
}

/** Writes the kept articles into `seedsDir` (which must exist) and places every question. */
export function writeSquadCorpus(articles: SquadArticle[], seedsDir: string, leaveOutEvery = 6): WrittenCorpus {
  const questions: PlacedQuestion[] = [];
  let leftOut = 0;
  let nearTopic = 0;
  const written: (SquadArticle | null)[] = [];
  articles.forEach((article, index) => {
    const kept = !isLeftOut(index, leaveOutEvery);
    const near = kept && isNearTopic(index, leaveOutEvery) ? withoutAnswer(article) : null;
    const source = pageName(index);
    written.push(kept ? (near?.article ?? article) : null);
    if (kept) fs.writeFileSync(path.join(seedsDir, source), seedPageText(written[index]!, index));
    else leftOut++;
    if (near) nearTopic++;
    for (const q of article.questions) {
      const taken = near?.unanswerable.has(q.id) ?? false;
      questions.push({ ...q, article: index, source, kept: kept && !taken, nearTopic: taken });
    }
  });
  return { kept: articles.length - leftOut, leftOut, nearTopic, written, questions };
}
