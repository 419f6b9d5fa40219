import * as OpenCC from "opencc-js/t2cn";
import { QaError } from "../errors.js";
import { QUESTION_WORD_VARIANTS } from "./question-words.js";

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

/**
 * What readers put around a question that asks nothing: greetings, politeness, "can you tell me",
 * thanks. One table; each entry is stripped where it stands (opening or closing the question), with
 * the punctuation after or before it.
 */
export const FILLERS = {
  opening: [
    // …with the particle a reader may add (你好呀, 您好啊).
    /^(?:你好|您好|哈喽|嗨|早上好|晚上好|小编|编辑|在吗|打扰了|打扰一下|请问一下|请问|麻烦问一下|麻烦问下|麻烦|想问一下|想问下|问一下|我想问一下|我想问|我想知道|想知道|能告诉我|可以告诉我|告诉我|帮我查一下|帮我查查|查一下)(?:呀|啊|哈|哦|啦)?/u,
    /^(?:(?:hi|hello|hey)(?: there)?|good (?:morning|afternoon|evening)|excuse me|sorry|quick question)\b/iu,
    // "Tell me" only before a question word: "tell me about…" asks for an overview (intent.ts).
    /^(?:please )?(?:(?:can|could|would) you (?:please )?(?:tell me|find out|check)|tell me|i(?:'d| would) like to know|i want to know|i wonder|do you know)(?=\s+(?:how|what|who|whom|whose|when|where|which|why|is|are|was|were|did|does|do)\b)/iu,
    /^please\b(?!\s+(?:tell me|give me|summari[sz]e)\b)/iu,
  ],
  closing: [/(?:谢谢你|谢谢您|谢谢|多谢|感谢|麻烦了|辛苦了)(?:啦|呀|啊|哈|哦|了)?$/u, /\b(?:please|(?:many )?thanks(?: a lot| so much)?|thank you(?: very much| so much)?|thx|cheers)$/iu],
};

const SEPARATORS = /^[\s,，、。.!！~～:：;；]+|[\s,，、~～:：;；]+$/gu;

let converter: ((text: string) => string) | null = null;
/** Built on first use (about 10 ms): most questions are asked in Simplified or English. */
const toSimplified = (text: string) => (converter ??= OpenCC.Converter({ from: "t", to: "cn" }))(text);

/**
 * The question as the papers would print it: Traditional characters read as Simplified (the seeds
 * are Simplified; opencc-js maps characters, so a Simplified question is unchanged), and the
 * greetings and fillers around it taken off (你好，请问… / Hi, can you tell me… / …谢谢). A message
 * that is nothing but a greeting stays as it is.
 */
export function readerQuestion(question: string): string {
  let text = HAN.test(question) ? QUESTION_WORD_VARIANTS.reduce((t, [variant, word]) => t.replace(variant, word), toSimplified(question)) : question;
  for (let changed = true; changed; ) {
    const before = text;
    for (const filler of FILLERS.opening) text = text.replace(filler, "").replace(SEPARATORS, "");
    for (const filler of FILLERS.closing) text = text.replace(/[\s,，。.!！~～]+$/u, "").replace(filler, "").replace(SEPARATORS, "");
    changed = text !== before;
  }
  if (!WORDISH.test(text)) return question;
  // "Hi, could you tell me how many…" asks "How many…": the question's first word as it would open it.
  return text === question ? text : text.replace(/^[a-z]/, (c: string) => c.toUpperCase());
}
