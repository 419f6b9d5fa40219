import { hanBigrams } from "../ingest/text.js";
import type { QueryTranslator } from "../retrieve/english.js";
import { idfOf, type Concept, type TermStats } from "./concepts.js";

/**
 * A name an English question quotes from the papers ('five small innovations', "key core
 * technology") is a calque of a Chinese slogan or programme (五小创新, 关键核心技术): no dictionary
 * entry reads it whole, but its words read one by one, in order, spell it. The question's quoted
 * names become one concept each, spelled as the Chinese strings so composed that the pages could
 * print — every pair of adjacent characters occurs in the corpus — so a sentence naming the
 * programme is told from one naming its neighbours (其中“五小创新”项目25677个, not the 2.6万项 total).
 */

/** A quoted run of two to five words: 'like this', "like this", “like this”, ‘like this’. */
const QUOTED = /(?<![A-Za-z])['"“‘]([A-Za-z][A-Za-z -]*[A-Za-z])['"”’](?![A-Za-z])/g;
/** Readings per word or pair of words tried, and the most spellings a name keeps. */
const READINGS = 6;
const MAX_SPELLINGS = 4;

/** Concepts for the question's quoted names that some spelling of the pages could print; none for a name with no such spelling. */
export function quotedNameConcepts(question: string, translator: QueryTranslator, stats: TermStats): Concept[] {
  const concepts: Concept[] = [];
  for (const m of question.matchAll(QUOTED)) {
    const words = m[1]!.split(/[\s-]+/).filter(Boolean);
    if (words.length < 2 || words.length > 5) continue;
    const spellings = calques(words, translator, stats);
    if (!spellings.length) continue;
    const weight = Math.max(...spellings.map((s) => Math.max(...[...hanBigrams(s)].map((b) => idfOf(stats, b)))));
    concepts.push({ label: m[1]!, alternatives: spellings, weight, anchor: false, at: m.index! + 1 });
  }
  return concepts;
}

/** The Chinese readings of one word or a run of words (model worker → 劳模), in the corpus. */
function readingsOf(english: string, translator: QueryTranslator, stats: TermStats): string[] {
  // The readings of the run as a whole, not of its words one by one.
  const whole = translator.translate(english, { termsPerPhrase: READINGS }).phrases.find((p) => p.english.toLowerCase() === english.toLowerCase());
  return (whole?.terms ?? []).filter((t) => /^\p{Script=Han}+$/u.test(t) && stats.documentFrequency(t) > 0);
}

/**
 * Spellings of the words in order, each word (or pair of words) by one of its readings, that the
 * corpus could print: every adjacent pair of characters occurs in it. Three characters at least.
 */
function calques(words: string[], translator: QueryTranslator, stats: TermStats): string[] {
  const prints = (text: string) => [...hanBigrams(text)].every((b) => stats.documentFrequency(b) > 0);
  // Spellings of words[0..i), each one the pages could print so far.
  const partial = new Map<number, string[]>([[0, [""]]]);
  for (let i = 0; i < words.length; i++) {
    const here = partial.get(i);
    if (!here) continue;
    for (const span of [1, 2]) {
      if (i + span > words.length) break;
      for (const reading of readingsOf(words.slice(i, i + span).join(" "), translator, stats)) {
        const next = here.map((s) => s + reading).filter(prints);
        if (next.length) partial.set(i + span, [...(partial.get(i + span) ?? []), ...next].slice(0, 64));
      }
    }
    partial.delete(i);
  }
  const whole = new Set((partial.get(words.length) ?? []).filter((s) => [...s].length >= 3));
  return [...whole].slice(0, MAX_SPELLINGS);
}
