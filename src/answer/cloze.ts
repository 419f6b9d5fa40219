import { CLOZE_WORD, QUESTION_CHARACTER } from "./question-words.js";
import { DEFAULT_ANSWER_TUNING } from "./tuning.js";

/**
 * Evidence read from how a question is worded around its question word. Questions are mostly
 * paraphrased cloze: "谁在分区轮输给了野马队" is "野马队在分区轮以23–16击败了___" with the blank
 * turned into a question word, so the sentence holding the answer shares the words on either
 * side of it, in the same order, a few characters apart — and a qualifier the question names (二期,
 * 2019年, 第三届) is not contradicted by another of its kind.
 */


/** Characters of the question on each side of its question word (Han only, nearest first on the left). */
export interface ClozeContext {
  left: string;
  right: string;
}


/** The Han text just before and after the question's question word, or null without one. */
export function clozeContext(question: string, span = DEFAULT_ANSWER_TUNING.clozeSpan): ClozeContext | null {
  const m = CLOZE_WORD.exec(question);
  if (!m) return null;
  const han = (s: string) => (s.match(/\p{Script=Han}+/gu) ?? []).join("");
  // Context stops at punctuation: "，" separates clauses that the sentence may order differently.
  const before = question.slice(0, m.index).split(/[，,；;：:]/).pop() ?? "";
  const after = question.slice(m.index + m[0].length).split(/[，,；;：:？?。]/)[0] ?? "";
  return { left: han(before).replace(/^(请问|那么?)/u, "").slice(-span), right: han(after).replace(/^(的|是|了)/u, "").slice(0, span) };
}

/** The longest run of `context` (≥ 2 characters) the sentence holds: its share of the context and where it sits. */
function longestRun(context: string, sentence: string): { share: number; start: number; end: number } {
  for (let n = context.length; n >= 2; n--) {
    for (let i = 0; i + n <= context.length; i++) {
      const at = sentence.indexOf(context.slice(i, i + n));
      if (at >= 0) return { share: n / context.length, start: at, end: at + n };
    }
  }
  return { share: 0, start: -1, end: -1 };
}

/** Cloze evidence of one sentence: shares of each side matched, and whether both sit in order close by. */
export interface ClozeFit {
  /** Longest run of the left context the sentence holds, as a share of it. */
  left: number;
  /** …of the right context. */
  right: number;
  /** Runs of both sides matched, left before right, a short answer's length apart (1–20 characters). */
  inOrder: number;
}

const NO_FIT: ClozeFit = { left: 0, right: 0, inOrder: 0 };

export function clozeFit(context: ClozeContext | null, sentence: string): ClozeFit {
  if (!context) return NO_FIT;
  const l = context.left.length >= 2 ? longestRun(context.left, sentence) : null;
  const r = context.right.length >= 2 ? longestRun(context.right, sentence) : null;
  const gap = l?.share && r?.share ? r.start - l.end : -1;
  return { left: l?.share ?? 0, right: r?.share ?? 0, inOrder: gap >= 1 && gap <= 20 ? 1 : 0 };
}

/** The question's Han character triples, question words left out. */
export function questionTriples(question: string): string[] {
  const triples = new Set<string>();
  for (const run of question.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 2 < run.length; i++) {
      const t = run.slice(i, i + 3);
      if (!CLOZE_WORD.test(t)) triples.add(t);
    }
  }
  return [...triples];
}

/** Share of the question's character triples (`questionTriples`) found in the sentence. */
export function trigramRecall(triples: string[], sentence: string): number {
  if (!triples.length) return 0;
  let found = 0;
  for (const t of triples) if (sentence.includes(t)) found++;
  return found / triples.length;
}

/** Weighted character pairs of a question: rarer pairs weigh more. */
export interface WeightedPair {
  pair: string;
  weight: number;
}

/** The question's Chinese character pairs, pairs of question words left out, weighed by their rarity in the corpus. */
export function questionPairs(question: string, idf: (pair: string) => number): WeightedPair[] {
  const pairs = new Map<string, number>();
  for (const run of question.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const pair = run.slice(i, i + 2);
      if (!QUESTION_CHARACTER.test(pair)) pairs.set(pair, idf(pair));
    }
  }
  return [...pairs].map(([pair, weight]) => ({ pair, weight }));
}

/**
 * Qualifiers that narrow what a figure is about, by kind: a phase (一期, 二期), a year, a quarter
 * or half, an edition or round (第三届, 第二批). Two different values of one kind contradict.
 */
const QUALIFIER_KINDS: RegExp[] = [
  /[一二三四五六七八九十\d]+期(?!间|望|待|末|中|初|限|刊|货)/gu,
  /(?:19|20)\d\d年/gu,
  /[一二三四1-4]季度|[上下]半年/gu,
  /第[一二三四五六七八九十百\d]+[届批轮次期]/gu,
];

/** The qualifiers a question names, per kind (QUALIFIER_KINDS order): 二期, 2023年, 第一届. */
export function askedQualifiers(question: string): string[][] {
  return QUALIFIER_KINDS.map((kind) => [...new Set(question.match(kind) ?? [])]);
}

/**
 * Whether `text` contradicts a qualifier the question names (`askedQualifiers`): it names another
 * value of the same kind and never the asked one ("二期投资多少" against "一期投资接近200亿元").
 */
export function qualifierConflict(asked: string[][], text: string): boolean {
  return QUALIFIER_KINDS.some((kind, k) => {
    const values = asked[k] ?? [];
    if (!values.length) return false;
    const named = new Set(text.match(kind) ?? []);
    return named.size > 0 && values.every((q) => !named.has(q));
  });
}
