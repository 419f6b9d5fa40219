import { ASKING_PART_ZH, ASKING_ZH, FOCUS_CUE_ZH, HOW_MANY_ZH } from "./question-words.js";
import { isQualifierWord } from "./qualifiers.js";
import { papersWordsFor } from "./synonyms.js";
import { taggedWords, type ChineseSegmenter, type TaggedWord } from "../retrieve/tokenize.js";
import type { AskedDate } from "./dates.js";
import { CHINESE_STOPWORDS } from "../retrieve/lexicon/stopwords.js";
import { DEFAULT_ANSWER_TUNING } from "./tuning.js";
import { askedUnit, MEASURE_CLASSES } from "./units.js";

/**
 * A thing the question asks about, with the spellings that count as the articles mentioning it.
 * The answer must cover the question's concepts; missing anchors (a place, a year, a word the
 * articles never use) mean the articles do not answer it.
 */
export interface Concept {
  label: string;
  /** Any of these in the text counts as a mention. */
  alternatives: string[];
  /** Informativeness (idf-like); rare words weigh more. */
  weight: number;
  /** Must be present in the answering article (places, years, unknown words). */
  anchor: boolean;
  /** The thing asked about, next to the question word (哪些*化工材料*, how many *skiers*): it weighs double. */
  focus?: boolean;
  /** Where the concept starts in the question. */
  at?: number;
  /** A place name (jieba tags it ns, or it ends in 州, 县, 镇…): the number a question asks of it is that place's (selection.placesAside). */
  place?: boolean;
  /** Which unbroken run of Chinese characters of the question holds it (兴业银行准东支行的行长 is one; 《…》 and spaces break runs). */
  run?: number;
  /** Only one-character readings (vice → 副): a mention is weak evidence and earns half credit. */
  weak?: boolean;
  /** A date the question names: covered by an article of that date, not by a spelling. */
  date?: AskedDate;
  /**
   * The noun a count asks for, the head of the phrase after the question word (how many ski *runs*,
   * 多少工会*经费*), marked even when the bridge cannot read it and it cannot be the focus: a value
   * in another noun's counter (三次) never answers it.
   */
  counted?: boolean;
  /** Carried from the previous question of the chat: it names the article's topic, not the sentence's. */
  context?: boolean;
}

/** Document frequency in the passage index, and the passage count, to weigh concepts. */
export interface TermStats {
  documentFrequency(term: string): number;
  size: number;
}

// Part-of-speech tags of words that never carry the topic: adverbs (最终), pronouns, prepositions,
// conjunctions, particles, interjections, onomatopoeia, measure words and numerals.
// Time words (今年, 去年) are read as dates (see dates.ts), not matched as words.
const FUNCTION_TAGS = /^(d|r|p|c|u|y|e|o|q|m|t)/;
/** The suffix of an administrative unit's name (昌吉州, 木垒县, 新户镇). */
export const ADMIN_UNIT = /(州|县|市|镇|乡|村|区)$/;
/** Place names more widely: administrative units, provinces, countries and neighbourhoods. */
const PLACE_SUFFIX = new RegExp(`(${ADMIN_UNIT.source.slice(1, -2)}|省|国|街道|社区)$`);

/** A run of characters between quotes: “…”, "…", 「…」 (a title in 《…》 is read as jieba cuts it). */
const QUOTED = /^(?:“”|""|「」|『』|‘’)$/;

export function idfOf(stats: TermStats, term: string): number {
  const df = stats.documentFrequency(term.toLowerCase());
  return Math.log(1 + (stats.size - df + 0.5) / (df + 0.5));
}

/** Question words jieba may glue to the next character (哪天开板 → 哪/天开/板): cut on their own first. */
const GLUED_QUESTION_WORD = /哪一?[天年]|哪个月|几月|几号|几日/gu;

/** A run's words, with the question words of GLUED_QUESTION_WORD cut before jieba sees the rest. */
function questionWords(run: string, segmenter: ChineseSegmenter): TaggedWord[] {
  const out: TaggedWord[] = [];
  let from = 0;
  const piece = (to: number) => {
    if (to > from) for (const w of taggedWords(run.slice(from, to), segmenter)) out.push({ ...w, start: w.start + from, end: w.end + from });
  };
  for (const m of run.matchAll(GLUED_QUESTION_WORD)) {
    const at = m.index ?? 0;
    piece(at);
    out.push({ word: m[0], tag: "r", start: at, end: at + m[0].length });
    from = at + m[0].length;
  }
  piece(run.length);
  return out;
}

/** 多少 / 几 right before a one-character word that ends the question or its run (多少*氢*？, 几*羊*). */
const ONE_CHARACTER_ASKED = new RegExp(`(?:${HOW_MANY_ZH})(?=\\p{Script=Han}[？?。\\s]*$|\\p{Script=Han}[^\\p{Script=Han}])`, "u");

/** Concepts of a Chinese question: jieba words minus function and question words, plus named years. */
export function chineseConcepts(question: string, segmenter: ChineseSegmenter, stats: TermStats): Concept[] {
  const concepts: Concept[] = [];
  const tags = new Map<Concept, string>();
  const seen = new Set<string>();
  // The one-character noun a question word asks about (多少*氢*, 几*羊*) is the thing counted — unless
  // it is the measure itself (多少钱, 多少人: askedUnit reads those).
  const asked = ONE_CHARACTER_ASKED.exec(question);
  const askedNounAt = asked && askedUnit(question) === null ? asked.index + asked[0].length : -1;
  const cue = question.search(FOCUS_CUE_ZH);
  for (const [runIndex, runMatch] of [...question.matchAll(/\p{Script=Han}+/gu)].entries()) {
    const run = runMatch[0];
    const offset = runMatch.index ?? 0;
    // A name the reader quotes (“五小创新”) is one thing, however jieba cuts it (五/小/创新).
    if (QUOTED.test(`${question[offset - 1] ?? ""}${question[offset + run.length] ?? ""}`) && run.length >= 3 && !seen.has(run)) {
      seen.add(run);
      const df = stats.documentFrequency(run);
      concepts.push({ label: run, alternatives: [run], weight: idfOf(stats, run), anchor: df === 0 && hasUnknownBigram(run, stats), at: offset, run: runIndex });
    }
    const words = questionWords(run, segmenter)
      .filter((w) => !FUNCTION_TAGS.test(w.tag))
      .map((w) => ({ word: w.word, tag: w.tag, at: offset + w.start }));
    for (const { word, tag, at } of words) {
      // A word the question says again after its question word (…奖励机制后，发放了多少*奖励*) is what
      // it asks: the concept stands where it is asked, not where it was first said.
      const said = seen.has(word) && cue >= 0 && at > cue ? concepts.find((c) => c.label === word && c.at !== undefined && c.at < cue) : undefined;
      if (said) Object.assign(said, { at, run: runIndex });
      if (seen.has(word) || CHINESE_STOPWORDS.has(word) || ASKING_ZH.has(word) || ASKING_PART_ZH.test(word)) continue;
      // Single characters are noise here (the sentence match uses words), but for the noun asked about.
      if (word.length === 1 && !(at === askedNounAt && tag.startsWith("n"))) continue;
      seen.add(word);
      const alternatives = alternativesOf(word);
      // A reader's word (老板) weighs as the papers' commonest spelling of it does.
      const common = papersWordsFor(word).length ? alternatives.reduce((a, b) => (stats.documentFrequency(b) > stats.documentFrequency(a) ? b : a)) : word;
      const df = stats.documentFrequency(common);
      const placeName = PLACE_SUFFIX.test(word) && word.length >= 3;
      // The word right after 哪个 / 哪座 names the kind of answer (在哪个*城市*召开): the page need not print it.
      const kindAsked = ASKED_KIND_BEFORE.test(question.slice(0, at));
      concepts.push({
        label: word,
        alternatives,
        weight: idfOf(stats, common),
        anchor: !kindAsked && ((df === 0 && hasUnknownBigram(word, stats) && !NOT_AN_ANCHOR_TAG.test(tag)) || placeName),
        at,
        run: runIndex,
        place: !kindAsked && (tag === "ns" || placeName),
      });
      tags.set(concepts.at(-1)!, tag);
    }
  }
  markFocus(concepts, cue);
  markCountedHead(concepts, tags, cue);
  return concepts;
}

/**
 * What a focus after the question word belongs to is counted or measured by the head of its noun
 * phrase: the last of the nouns written on after it (多少优质*岗位*), or a word asking for a measure as
 * such (多少工会*经费*: money). Marked `counted` for the binding's measure check; the focus stays,
 * as the modifier is what tells two counts of a sentence apart (多少名*失业*人员 against 就业困难人员).
 */
function markCountedHead(concepts: Concept[], tags: Map<Concept, string>, cue: number): void {
  const focus = concepts.find((c) => c.focus);
  if (!focus || focus.at === undefined || cue < 0 || focus.at < cue) return;
  let head: Concept = focus;
  for (;;) {
    const end: number = head.at! + head.label.length;
    const next = concepts.find((c) => c.at === end && !c.anchor && (/^n/.test(tags.get(c) ?? "") || MEASURE_CLASSES.some((row) => row.words?.test(c.label))));
    if (!next) break;
    head = next;
  }
  if (head !== focus) head.counted = true;
}

/**
 * Marks the concept the question word asks about: the nearest one after it in the same clause
 * (多少*小麦*), else the nearest one before it (*记者*是谁).
 */
export function markFocus(concepts: Concept[], askedAt: number): void {
  if (askedAt < 0) return;
  const placed = concepts.filter((c) => c.at !== undefined && !c.anchor);
  // A qualifier (*national*-level collectives, 多少*重大*隐患) picks which values; the noun after it is asked.
  const following = placed.filter((c) => c.at! > askedAt).sort((a, b) => a.at! - b.at!);
  const after = following.find((c) => !isQualifierWord(c.label)) ?? following[0];
  const before = placed.filter((c) => c.at! < askedAt).sort((a, b) => b.at! - a.at!)[0];
  const focus = after ?? before;
  if (focus) focus.focus = true;
}

/**
 * Parts of speech (jieba's dictionary, a general-language table) that name no new topic however rare
 * the word is in the corpus: plain verbs (开始, 举办) and adjectives — not verbal or adjectival nouns
 * (出口 in 酱油出口到了哪些国家 is the topic) — function words are no concepts at all (FUNCTION_TAGS).
 * On a small corpus, a plain verb it never prints was read as an anchor the article lacks, and a
 * why question on the seeds asked with 开始 was refused.
 */
const NOT_AN_ANCHOR_TAG = /^(?:v|a)$/;
/** Which-words a noun naming the kind of answer follows (哪个城市, 哪座山, 哪一所学校). */
const ASKED_KIND_BEFORE = /哪(?:一|个|一个|座|一座|所|一所|家|一家)$/u;

/**
 * A word the corpus never uses is an anchor only when some character pair of it is unknown too:
 * 女性 or 世界杯 are new topics, while 县新户 is just 木垒县新户镇 cut differently.
 */
function hasUnknownBigram(word: string, stats: TermStats): boolean {
  for (let i = 0; i + 1 < word.length; i++) if (stats.documentFrequency(word.slice(i, i + 2)) === 0) return true;
  return false;
}

/**
 * Spellings that count as the same concept: a place with or without its 州/县/市 suffix
 * (昌吉州 ↔ 昌吉), as the papers themselves alternate; a reader's word with the papers' (老板 →
 * 董事长, synonyms.ts).
 */
function alternativesOf(word: string): string[] {
  const alts = [word, ...papersWordsFor(word)];
  const stem = word.replace(PLACE_SUFFIX, "");
  if (stem !== word && stem.length >= 2) alts.push(stem);
  return alts;
}

/** Whether the text mentions the concept (case-insensitive for Latin spellings). */
export function mentions(text: string, concept: Concept): boolean {
  return concept.alternatives.some((alt) => text.includes(alt) || (/[a-z]/i.test(alt) && text.toLowerCase().includes(alt.toLowerCase())));
}


/** How strongly the text mentions the concept: 1 for a spelling, up to `partial` (tuning: partialMention) for shared characters, else 0. */
export function mentionStrength(text: string, concept: Concept, partial = DEFAULT_ANSWER_TUNING.partialMention): number {
  if (mentions(text, concept)) return concept.weak ? partial : 1;
  let best = 0;
  for (const alt of concept.alternatives) {
    const chars = [...new Set(alt.match(/\p{Script=Han}/gu) ?? [])];
    if (chars.length < 2) continue;
    const shared = chars.filter((c) => text.includes(c)).length / chars.length;
    if (shared >= 0.5) best = Math.max(best, partial * shared);
  }
  return best;
}

/** Dates the question names, as concepts: they weigh like the year's own rarity and anchor the answer. */
export function dateConcepts(dates: AskedDate[], stats: TermStats): Concept[] {
  return dates.map((date) => ({ label: date.text, alternatives: [], weight: idfOf(stats, String(date.year)), anchor: true, date }));
}
