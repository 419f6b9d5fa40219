/** One source behind an answer: where it is printed and the verbatim sentence(s) quoted. */
export interface Citation {
  /** Seed file name, e.g. `003_2a3bfdafac07cb06.txt`. */
  source: string;
  paper: string | null;
  date: string | null;
  headline: string;
  /** Verbatim sentence(s) from the article. */
  quote: string;
  /** Retrieval/answer confidence in [0, 1]; citations are ordered best first. */
  score: number;
  articleId: string;
  /** The full passage the quote comes from (for `/sources`). */
  passage: string;
}

import type { QuestionKind } from "./question-words.js";
import type { Intent } from "./intent.js";

export type { QuestionKind };

/**
 * What a reply is: an *answer* leads with the value the question asks for; *evidence* quotes the
 * closest report without stating a value; a *refusal* has nothing on topic.
 */
export type ReplyKind = "answer" | "evidence" | "refusal";

export interface Answer {
  question: string;
  /** Readable answer text: the figure or fact first, in the question's language. */
  answer: string;
  /** False when the articles do not answer the question (citations are then advisory at most). */
  found: boolean;
  /** Answer, evidence or refusal (found is true exactly for an answer). */
  reply?: ReplyKind;
  lang: "zh" | "en";
  kind: QuestionKind;
  /** The figure, date or name the answer leads with, verbatim from the quote (a comparison: the winning side as asked, then its figure). */
  figure: string | null;
  /** The date of the article the answer is taken from ("as of"). */
  asOf: string | null;
  citations: Citation[];
  /** What the reader asked for: the newest paper, a day's paper, an overview of a topic, or a fact (see intent.ts). */
  intent?: Intent;
  /** The next best citations, not shown, for "More" (news answers; fact answers get theirs on request). */
  more?: Citation[];
  /** Milliseconds per stage (embedMs, keywordMs, vectorMs, fusionMs, answerMs), for benchmarks and logs. */
  timings?: Record<string, number>;
}

/** The `ask --json` contract: exactly these fields, in this order (`intent`, then `reply`, added last). */
export function toJsonContract(answer: Answer): object {
  return {
    question: answer.question,
    answer: answer.answer,
    found: answer.found,
    citations: answer.citations.map((c) => ({
      source: c.source,
      paper: c.paper,
      date: c.date,
      headline: c.headline,
      quote: c.quote,
      score: Number(c.score.toFixed(4)),
    })),
    intent: answer.intent ?? "fact",
    reply: replyOf(answer),
  };
}

/**
 * The reply kind of any answer: the answerer's own, else (news and LLM answers) found → answer,
 * quoted but not found → evidence, nothing quoted → refusal.
 */
export function replyOf(answer: Pick<Answer, "reply" | "found" | "citations">): ReplyKind {
  return answer.reply ?? (answer.found ? "answer" : answer.citations.length ? "evidence" : "refusal");
}
