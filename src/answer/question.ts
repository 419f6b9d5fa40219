import { QaError } from "../errors.js";

/** Longest question accepted, in characters. Longer input is almost always a pasted article. */
export const MAX_QUESTION_CHARS = 500;

const HAN = /\p{Script=Han}/u;
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Trims and checks a question: empty, punctuation/emoji-only and over-long input get a QaError
 * with a hint, so every front end can show a clear message instead of a stack trace.
 */
export function validateQuestion(raw: string): string {
  const question = (raw ?? "").normalize("NFKC").replace(/\s+/g, " ").trim();
  if (!question) {
    throw new QaError("EMPTY_QUESTION", "The question is empty.", 'Ask about the news, e.g. "昌吉州今年新增城镇就业多少人？"');
  }
  if (!WORDISH.test(question)) {
    throw new QaError("EMPTY_QUESTION", "The question has no words, only symbols or emoji.", 'Ask in words, e.g. "How many jobs did Changji add this year?"');
  }
  if (question.length > MAX_QUESTION_CHARS) {
    throw new QaError(
      "QUESTION_TOO_LONG",
      `The question is ${question.length} characters long; the limit is ${MAX_QUESTION_CHARS}.`,
      "Ask one short question at a time.",
    );
  }
  return question;
}

/** Chinese when the question has any Han character (mixed-script questions are about Chinese text). */
export function questionLanguage(question: string): "zh" | "en" {
  return HAN.test(question) ? "zh" : "en";
}
