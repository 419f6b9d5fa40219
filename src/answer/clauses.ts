import type { Figure } from "./figures.js";
import { mentions, mentionStrength, type Concept } from "./concepts.js";
import { taggedWords } from "../retrieve/tokenize.js";
import { MEASURE_CLASSES } from "./units.js";

/**
 * Where a value stands in its sentence: its clause (a value belongs to what its own clause says),
 * its list item (the words since the previous value) and the noun written right after it. Read by
 * the binding (binding.ts) and its vetoes (vetoes.ts).
 */

/** Clauses of a sentence with their offsets: a value belongs to what its own clause says. */
function clausesOf(sentence: string, at: number): { clauses: { start: number; text: string }[]; i: number } {
  const clauses = [...sentence.matchAll(/[^，,；;：:。！？!?]+/gu)].map((m) => ({ start: m.index ?? 0, text: m[0] }));
  return { clauses, i: Math.max(0, clauses.findIndex((c) => at >= c.start && at < c.start + c.text.length)) };
}

export function clauseAround(sentence: string, at: number): { own: string; before: string; after: string } {
  const { clauses, i } = clausesOf(sentence, at);
  return { own: clauses[i]?.text ?? sentence, before: clauses[i - 1]?.text ?? "", after: clauses[i + 1]?.text ?? "" };
}

/** The offsets of the clause holding `at`. */
export function clauseSpan(sentence: string, at: number): { start: number; end: number } {
  const { clauses, i } = clausesOf(sentence, at);
  const c = clauses[i];
  return c ? { start: c.start, end: c.start + c.text.length } : { start: 0, end: sentence.length };
}

/**
 * What a date dates: from its clause's start to the next date of the sentence or the end of its
 * sentence (1973年8月，西双版纳州与思茅地区分设，由云南省直接领导。; 在1999年成立及于深圳证券交易所上市).
 */
export function dateSpan(sentence: string, date: Figure, dates: Figure[]): string {
  return sentence.slice(clauseSpan(sentence, date.start).start, stopAfter(sentence, date.end, SENTENCE_END, dates));
}

const SENTENCE_END = /[。！？!?；;]/u;
const LIST_OR_CLAUSE_MARK = /[、，,；;：:。！？!?]/u;

/** Where the words from `from` stop: at the first of `marks` or the next of `values`, whichever comes first. */
function stopAfter(sentence: string, from: number, marks: RegExp, values: Figure[]): number {
  const mark = sentence.slice(from).search(marks);
  return Math.min(mark < 0 ? sentence.length : from + mark, ...values.filter((f) => f.start >= from).map((f) => f.start));
}

/** Whether a date heads its clause alone (1991年，BBC正式开始…): the clause says nothing else but a time of day. */
export function headsClause(sentence: string, date: Figure): boolean {
  const { start, end } = clauseSpan(sentence, date.start);
  const rest = sentence.slice(start, end).replace(date.text, "").replace(/[上下中晚早]午|晚上|凌晨|当[天日]|前后|左右|[在于从自起至今以来底初的]/gu, "");
  return (rest.match(/\p{Script=Han}/gu)?.length ?? 0) < 2;
}

/** The words after a value up to the next list or clause mark or value (1家*全国示范性…工作室*、32家…): what a count written before its noun counts. */
export function itemAfter(sentence: string, figures: Figure[], figure: Figure): string {
  return sentence.slice(figure.end, stopAfter(sentence, figure.end, LIST_OR_CLAUSE_MARK, figures));
}

/** The words of a list item before its value: from the previous value of the sentence's `figures` (or the clause's start) to this one. */
export function itemBefore(sentence: string, figures: Figure[], figure: Figure): string {
  const previousEnd = Math.max(clauseSpan(sentence, figure.start).start, ...figures.filter((f) => f.end <= figure.start).map((f) => f.end));
  return sentence.slice(previousEnd, figure.start);
}

/** Tags of the words of a noun phrase: nouns (not a person's name) and verbal nouns (管理). */
const IN_NOUN_PHRASE = /^(?:n(?!r)|vn)/;

/**
 * The noun a count written before it counts, among the nouns right after it (when jieba tags the
 * first a noun): the first a class of things lists (164家*企业*优质岗位), else the last, the phrase's
 * head (两项精细化管理*成果*); null when no noun follows.
 */
export function nounAfter(sentence: string, figure: Figure): string | null {
  const words = taggedWords(sentence.slice(figure.end, figure.end + 12));
  if (!words[0] || words[0].start !== 0 || !/^n(?!r)/.test(words[0].tag)) return null;
  const run = [words[0]];
  for (let next = words[1]; next && next.start === run.at(-1)!.end && IN_NOUN_PHRASE.test(next.tag); next = words[run.length]) run.push(next);
  return (run.find((w) => MEASURE_CLASSES.some((row) => row.counts?.test(w.word))) ?? run.at(-1)!).word;
}

/** What follows a value that closes a list item: a list or clause mark, a conjunction, the end. */
const ITEM_END = /^(?:[、，,；;：:。！？!?）)」”]|以及|和|及|与|或|$)/u;

/** Whether a text names a concept: a spelling of it, or at least half its characters. */
export const named = (text: string, c: Concept, partial: number) => mentions(text, c) || mentionStrength(text, c, partial) >= 0.5;

/**
 * The items of a list of values, each value with the words since the previous one of `bounds`
 * (`itemBefore`; default the values themselves), or null unless every value closes its item
 * (困难劳模241人、一线职工35173人): after a count written before its noun (向129名…毕业生) the item
 * goes on past the value.
 */
export function closedItems(sentence: string, values: Figure[], bounds: Figure[] = values): { value: Figure; item: string }[] | null {
  if (!values.every((f) => ITEM_END.test(sentence.slice(f.end)))) return null;
  return values.map((value) => ({ value, item: itemBefore(sentence, bounds, value) }));
}
