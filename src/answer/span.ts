import { jiebaSegmenter, taggedWords, type ChineseSegmenter } from "../retrieve/tokenize.js";
import type { Figure } from "./figures.js";
import { SPAN_WORD } from "./question-words.js";
import { DEFAULT_ANSWER_TUNING, type AnswerTuning } from "./tuning.js";

/**
 * The phrase of a sentence that answers a what / which / who / where question: the question
 * restates the sentence with the answer swapped for its question word, so the text the sentence
 * has between the question's words before and after that question word is the answer
 * (玩家以什么泡封敌人 + 玩家以水枪、小枪、锤子或是水炸弹泡封敌人 → 水枪、小枪、锤子或是水炸弹).
 */

/** Words beside the question word that the sentence rarely repeats (是什么, 叫什么, 什么的). */
const FILLER = /^(是|为|叫|有|的|了)+|(是|为|叫|有|的|了)+$/gu;

/**
 * What a lead may not end on while its clause goes on (jieba/ICTCLAS tags): the word wants what
 * follows it, so a phrase cut after it is a fragment (先后赴喀什、和田等地开展 without 劳务对接).
 */
const WANTS_WHAT_FOLLOWS: Record<string, string> = {
  v: "a verb, its object after it (开展, 推动)",
  p: "a preposition, its object after it (在, 由, 对)",
  c: "a conjunction, its second part after it (和, 并)",
  uj: "的, the noun it modifies after it",
};
/** Where a clause ends: a phrase runs on to one of these at most. */
const CLAUSE_BREAK = /[，。；！？,;!?]/u;

/** A Chinese question around its question word, read once by the analysis. */
export interface SpanContext {
  /** The whole question: an answer it already names is no answer. */
  question: string;
  /** Its words before and after the question word. */
  before: string;
  after: string;
  /** Shortest context matched beside the question word, longest phrase (tuning: spanMinContext, spanMaxChars). */
  minContext: number;
  maxChars: number;
  /** The noun a which-question asks for (哪一*学派*, 哪种*语言*): the answer's own head, never its context. */
  head: string | null;
}

/** The question words that ask which one of a kind, the kind named after them (哪一学派, 哪个宗教). */
const WHICH_WORD = /^(?:哪一|哪个|哪家|哪位|哪些|哪)$/u;
/** A classifier between 哪 and the noun (哪*种*语言, 哪一*部*片). */
const CLASSIFIER_TAG = /^(?:q|m)/;

/** The noun right after a which-question word (its classifier aside): its first run of nouns, a verbal noun only first (分类/vn 法则/n), or null. */
function askedHead(after: string, segmenter: ChineseSegmenter): string | null {
  if (!segmenter.tag) return null;
  const words = taggedWords(after, segmenter);
  const from = words[0] && CLASSIFIER_TAG.test(words[0].tag) && [...words[0].word].length === 1 ? 1 : 0;
  let i = from;
  while (i < words.length && words[i]!.start === (words[i - 1]?.end ?? 0) && (/^n(?!r)/.test(words[i]!.tag) || (i === from && words[i]!.tag === "vn"))) i++;
  if (i === from || words[i - 1]!.tag === "vn") return null;
  return after.slice(words[from]!.start, words[i - 1]!.end);
}

/** The question's words on each side of its question word, or null without one. */
export function spanContext(question: string, tuning: Pick<AnswerTuning, "spanMinContext" | "spanMaxChars"> = DEFAULT_ANSWER_TUNING, segmenter: ChineseSegmenter = jiebaSegmenter()): SpanContext | null {
  const asked = SPAN_WORD.exec(question);
  if (!asked) return null;
  const before = question.slice(0, asked.index).replace(/[^\p{Script=Han}\p{N}A-Za-z]+$/u, "");
  const after = question.slice(asked.index + asked[0].length).replace(/^[^\p{Script=Han}\p{N}A-Za-z]+/u, "").replace(/[？?。！!\s]+$/u, "").replace(FILLER, "");
  const head = WHICH_WORD.test(asked[0]) ? askedHead(after, segmenter) : null;
  return { question, before, after, minContext: tuning.spanMinContext, maxChars: tuning.spanMaxChars, head };
}

/**
 * The span run on through the noun a which-question asks for where the sentence writes it right
 * after (受到斯多噶 + *学派*影响 → 斯多噶学派; 柯本气候 + *分类法*: the head's first two characters or
 * more): the question's kind word is the answer's head, not context around it.
 */
function withHead({ head }: SpanContext, sentence: string, span: Figure): Figure {
  if (!head) return span;
  let k = 0;
  while (k < head.length && sentence[span.end + k] === head[k]) k++;
  if (k < Math.min(2, head.length)) return span;
  return { ...span, text: sentence.slice(span.start, span.end + k), end: span.end + k };
}

/**
 * The answering phrase of `sentence` for a Chinese question (its `spanContext`), or null when it
 * cannot be placed. The phrase is whole: one ending on a word that wants what follows it (a verb
 * before its object, a preposition, a conjunction, 的) or inside a word runs on to its clause's
 * end, or is no phrase when that makes it longer than the context's maxChars. Default segmenter: jieba.
 */
export function answerSpan(context: SpanContext | null, sentence: string, segmenter: ChineseSegmenter = jiebaSegmenter()): Figure | null {
  const placed = placedSpan(context, sentence);
  if (!placed) return null;
  const span = withHead(context!, sentence, placed);
  // The head names the kind asked, not the answer: what stands before it must say something (一系列 + 法案 does not).
  if (span.end > placed.end && !phraseThatSays(placed, segmenter)) return null;
  const phrase = wholePhrase(context!, sentence, span, segmenter);
  return phrase && phraseThatSays(afterQuestionWords(context!, phrase, segmenter), segmenter);
}

/** Shorter runs of the question's words are names an answer may hold (昌吉开放大学, 工作队先后赴…). */
const QUESTION_RUN = 4;
/** Words that tie the question's words to the answer after them (受到, 分布在, 为, 使用了): verbs, prepositions, particles, conjunctions, punctuation. */
const TIE_TAG = /^(?:v(?!n)|p|u|c)/;
/** At most this many of them: an adverb or a third verb is the answer's own (私自招诱). */
const MAX_TIE_WORDS = 2;
/** A word with a letter or digit in it; punctuation alone says nothing. */
const saysAnything = (word: string) => /[\p{Script=Han}\p{N}A-Za-z]/u.test(word);

/**
 * The phrase without the question's own words it opens with, and the verb or preposition that ties
 * them to the answer (罗马人的政治哲学受到斯多噶学派 → 斯多噶学派, for 哪一学派影响罗马人的政治哲学):
 * where the question's left words are not in the sentence, the phrase starts at its clause and holds them.
 */
function afterQuestionWords({ question }: SpanContext, phrase: Figure, segmenter: ChineseSegmenter): Figure {
  if (!segmenter.tag) return phrase;
  const words = taggedWords(phrase.text, segmenter);
  let i = 0;
  for (;;) {
    // The longest run of words from i, QUESTION_RUN characters or more, that the question holds.
    let j = words.length;
    while (j > i && !(words[j - 1]!.end - words[i]!.start >= QUESTION_RUN && question.includes(phrase.text.slice(words[i]!.start, words[j - 1]!.end)))) j--;
    if (j === i) break;
    i = j;
    for (let k = 0; k < MAX_TIE_WORDS && i < words.length && (TIE_TAG.test(words[i]!.tag) || !saysAnything(words[i]!.word)); k++) i++;
    while (i < words.length && !saysAnything(words[i]!.word)) i++;
  }
  if (i === 0 || i >= words.length) return phrase;
  const start = words[i]!.start;
  return { ...phrase, text: phrase.text.slice(start), start: phrase.start + start };
}

/** Single-character prepositions before a phrase and particles after it: they tie the answer to its clause (在殖民主义, 不透水等). */
const LOOSE_BEFORE = /^p/;
const LOOSE_AFTER = /^u/;
/** Parts of speech that name nothing on their own: pronouns, numerals, measure words, particles… (其他, 之一, 而已, 一系列, 第二个). */
const SAYS_NOTHING = /^(?:r|m|q|y|u|e|o|c|p|d)/;

/**
 * The phrase without a preposition before it or a particle after it (在殖民主义 → 殖民主义, 不透水等
 * → 不透水), or null when what is left is one character or names nothing — pronouns, numerals and
 * particles alone stand where the answer stood and say nothing.
 */
function phraseThatSays(phrase: Figure, segmenter: ChineseSegmenter): Figure | null {
  if (!segmenter.tag) return phrase;
  const words = taggedWords(phrase.text, segmenter);
  let [from, to] = [0, words.length];
  while (from < to - 1 && words[from]!.word.length === 1 && LOOSE_BEFORE.test(words[from]!.tag)) from++;
  while (to - 1 > from && words[to - 1]!.word.length === 1 && LOOSE_AFTER.test(words[to - 1]!.tag)) to--;
  const kept = words.slice(from, to);
  if (!kept.some((w) => !SAYS_NOTHING.test(w.tag) && /[\p{Script=Han}A-Za-z]/u.test(w.word))) return null;
  if (from === 0 && to === words.length) return phrase;
  const [start, end] = [kept[0]!.start, kept[kept.length - 1]!.end];
  const text = phrase.text.slice(start, end);
  return [...text].length < 2 ? null : { ...phrase, text, start: phrase.start + start, end: phrase.start + end };
}

function placedSpan(context: SpanContext | null, sentence: string): Figure | null {
  if (!context) return null;
  const { before, after, minContext } = context;
  const left = longestSuffixIn(before, sentence, minContext) ?? longestSuffixIn(before.replace(FILLER, ""), sentence, minContext);
  const start = left ? sentence.indexOf(left) + left.length : -1;
  const right = longestPrefixIn(after, sentence, Math.max(0, start), minContext);
  let end: number;
  if (start >= 0 && right) end = sentence.indexOf(right, start);
  else if (start >= 0) end = nextStop(sentence, start);
  else if (right) {
    // Only the words after the question word are in the sentence: the answer ends where they start.
    end = sentence.indexOf(right);
    const stop = Math.max(...["，", "。", "；", "：", ","].map((p) => sentence.lastIndexOf(p, end - 1)));
    return spanOf(context, sentence, stop + 1, end);
  } else return null;
  return spanOf(context, sentence, start, end);
}

function spanOf({ question, maxChars }: SpanContext, sentence: string, start: number, end: number): Figure | null {
  const text = sentence.slice(start, end).replace(/^[，,、：:“”"\s]+|[，,、：:“”"\s]+$/gu, "");
  // One character (于, 下) is a particle or a cut, not an answer.
  if ([...text].length < 2 || text.length > maxChars || !/[\p{Script=Han}\p{N}A-Za-z]/u.test(text)) return null;
  // The answer is not something the question already names (谁…输给了野马队 → not 野马队).
  if (question.includes(text)) return null;
  const at = sentence.indexOf(text, start);
  return { text, kind: "phrase", start: at, end: at + text.length, value: null, unit: "" };
}

/**
 * `span` as a whole phrase: as it is when it ends its clause or ends on a word complete without
 * what follows; else run on to the clause's end (the object the cut left out), or null when too long.
 */
function wholePhrase(context: SpanContext, sentence: string, span: Figure, segmenter: ChineseSegmenter): Figure | null {
  const rest = sentence.slice(span.end);
  if (!rest || /[，。；！？,;!?：:]/u.test(rest[0]!) || !segmenter.tag) return span;
  for (const { tag, end } of taggedWords(sentence, segmenter)) {
    if (end >= span.end) {
      // The span ends inside this word, or on a word that wants what follows it.
      const cut = end > span.end || (end === span.end && WANTS_WHAT_FOLLOWS[tag] !== undefined);
      return cut ? spanOf(context, sentence, span.start, nextStop(sentence, span.end)) : span;
    }
  }
  return span;
}

/** The longest tail of `text` (at least `min` characters) found in `sentence`. */
function longestSuffixIn(text: string, sentence: string, min: number): string | null {
  for (let from = 0; text.length - from >= min; from++) if (sentence.includes(text.slice(from))) return text.slice(from);
  return null;
}

/**
 * The longest head of `text` (at least `min` characters) found in `sentence` at or after
 * `from`, skipping leading words the sentence does not repeat (哪个*单位*承办 → 承办).
 */
function longestPrefixIn(text: string, sentence: string, from: number, min: number): string | null {
  for (let skip = 0; text.length - skip >= min; skip++) {
    const rest = text.slice(skip);
    for (let len = rest.length; len >= min; len--) if (sentence.indexOf(rest.slice(0, len), from) >= from) return rest.slice(0, len);
  }
  return null;
}

/** Where a phrase that starts at `at` ends: the next clause break. */
function nextStop(sentence: string, at: number): number {
  const m = CLAUSE_BREAK.exec(sentence.slice(at));
  return m ? at + m.index : sentence.length;
}
