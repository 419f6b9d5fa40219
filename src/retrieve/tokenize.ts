import { createRequire } from "node:module";
import { stemmer } from "stemmer";
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from "./lexicon/stopwords.js";

/** Turns text into index terms. Passed into the keyword index, MiniSearch-style, so it is swappable. */
export type Tokenizer = (text: string) => string[];

/** The two jieba calls the tokenizer needs; injectable so tests or other segmenters can stand in. */
export interface ChineseSegmenter {
  /** Precise-mode words of a whole text (any script); their concatenation must equal the input. */
  cut(text: string): string[];
  /** Every dictionary word found anywhere inside `word` (jieba "full mode"). */
  cutAll(word: string): string[];
  /** Words with part-of-speech tags (jieba/ICTCLAS tags: n, v, ns, nr, d, r…), when the segmenter has them. */
  tag?(text: string): { word: string; tag: string }[];
}

export interface TokenizerOptions {
  /** Chinese word segmenter. Default: jieba (@node-rs/jieba) with its bundled dictionary. */
  segmenter: ChineseSegmenter;
  /** Also emit the dictionary sub-words of long words (吉木萨尔县 → 吉木萨尔). Default true. */
  subwords: boolean;
  /** Also emit every CJK character bigram not already a word, so oddly split names still match. Default true. */
  bigrams: boolean;
  /** Also emit number+unit tokens (10395人, 2027年, 8.2万) next to the bare number. Default true. */
  numberUnits: boolean;
  /** Porter-stem English words (jobs → job). Default true. */
  stem: boolean;
}

let sharedJieba: ChineseSegmenter | undefined;

/** jieba with its bundled dictionary, loaded once per process (~250 ms) on first use. */
export function jiebaSegmenter(): ChineseSegmenter {
  if (!sharedJieba) {
    // @node-rs/jieba ships CommonJS only; createRequire keeps this module ESM.
    const require = createRequire(import.meta.url);
    const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
    const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
    const jieba = Jieba.withDict(dict);
    sharedJieba = { cut: (run) => jieba.cut(run, true), cutAll: (word) => jieba.cutAll(word), tag: (text) => jieba.tag(text, true) };
  }
  return sharedJieba;
}

/** A word of a text with its part of speech (jieba/ICTCLAS tag; "" without tags) and where it stands. */
export interface TaggedWord {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/**
 * The segmenter's words of `text` with their tags and offsets — the one walk every reader of parts
 * of speech shares (values, names, places, question concepts). A word not found at or after the
 * previous one (a segmenter that normalises) is skipped rather than misplaced.
 */
export function taggedWords(text: string, segmenter: ChineseSegmenter = jiebaSegmenter()): TaggedWord[] {
  const words = segmenter.tag ? segmenter.tag(text) : segmenter.cut(text).map((word) => ({ word, tag: "" }));
  const out: TaggedWord[] = [];
  let at = 0;
  for (const { word, tag } of words) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  return out;
}

const HAN = "\\p{Script=Han}";
/** Whitespace inside a CJK run is a PDF line break or a typesetting gap, never a word boundary. */
const HAN_GAP = new RegExp(`(${HAN})\\s+(?=${HAN})`, "gu");
/** Thousands separators would split 1,290 into two numbers. */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
/** Units that make a number searchable with its unit ("10395人", "2027年"): those seen after numbers in the seeds. */
const UNIT = "[万亿千百元人个家项户名次年月日号吨米亩台条所座场辆套处栋岁期届%]";
// Alphanumeric codes ("5g", "cn65") are tried before numbers so they stay one token. The unit is
// only looked at, not consumed: CJK text is segmented separately, units included.
const LATIN_PIECES = new RegExp(`([0-9]*[a-z][a-z0-9]*)|(\\d+(?:\\.\\d+)?)(?:(?=\\s?(${UNIT}))|)`, "gu");
const HAN_CHAR = new RegExp(HAN, "u");
const HAN_ONLY = new RegExp(`^${HAN}+$`, "u");
const HAN_RUNS = new RegExp(`${HAN}+`, "gu");

const DEFAULTS: Omit<TokenizerOptions, "segmenter"> = { subwords: true, bigrams: true, numberUnits: true, stem: true };

/**
 * Builds the tokenizer used for both passages and questions. Defaults: jieba words + sub-words +
 * CJK bigrams, whole numbers plus number+unit, lower-cased Porter-stemmed English, stop words dropped.
 */
export function createTokenizer(options: Partial<TokenizerOptions> = {}): Tokenizer {
  const opts = { ...DEFAULTS, ...options };
  // Resolved lazily so a tokenizer only ever fed Latin text never loads jieba.
  let segmenter: ChineseSegmenter | undefined = options.segmenter;
  // Sub-words of a word never change, and words repeat a lot: caching them halves native calls.
  const subwords = new Map<string, string[]>();
  const cutAll = (word: string) => {
    let found = subwords.get(word);
    if (!found) {
      if (subwords.size >= 100_000) subwords.clear();
      found = segmenter!.cutAll(word).filter((sub) => sub.length >= 2 && sub !== word && !CHINESE_STOPWORDS.has(sub));
      subwords.set(word, found);
    }
    return found;
  };
  return (text) => {
    const out: string[] = [];
    const clean = text.normalize("NFKC").toLowerCase().replace(HAN_GAP, "$1").replace(THOUSANDS, "$1");
    for (const [, latin, num, unit] of clean.matchAll(LATIN_PIECES)) {
      if (num) {
        out.push(num);
        if (unit && opts.numberUnits) out.push(num + unit);
      } else if (latin) {
        const term = latinTerm(latin, opts.stem);
        if (term) out.push(term);
      }
    }
    if (!HAN_CHAR.test(clean)) return out;
    segmenter ??= jiebaSegmenter();
    // One segmenter call per text (not per CJK run) is ~3x faster; consecutive CJK words form a run.
    let run: string[] = [];
    const flush = () => {
      if (run.length) hanTokens(run, opts, cutAll, out);
      run = [];
    };
    for (const word of segmenter.cut(clean)) {
      if (HAN_ONLY.test(word)) run.push(word);
      else {
        flush();
        // A dictionary word mixing scripts (e.g. "t恤") still contributes its CJK part.
        for (const part of word.match(HAN_RUNS) ?? []) hanTokens([part], opts, cutAll, out);
      }
    }
    flush();
    return out;
  };
}

/** One Latin/alphanumeric run → its index term, or null for a stop word. Shared with the English bridge. */
export function latinTerm(word: string, stem = true): string | null {
  if (ENGLISH_STOPWORDS.has(word)) return null;
  // Mixed runs like "5g" or "cn65" are codes: stemming would mangle them.
  return stem && /^[a-z]+$/.test(word) ? stemmer(word) : word;
}

/** Tokens of one CJK run given its words: words, their sub-words, and bigrams not already emitted. */
function hanTokens(words: string[], opts: Omit<TokenizerOptions, "segmenter">, cutAll: (word: string) => string[], out: string[]): void {
  const run = words.join("");
  // Spans already emitted, keyed start*64+length, so a bigram equal to a word is not counted twice.
  const emitted = new Set<number>();
  const stop = new Uint8Array(run.length);
  let start = 0;
  for (const word of words) {
    const len = word.length;
    if (CHINESE_STOPWORDS.has(word)) stop.fill(1, start, start + len);
    else {
      out.push(word);
      emitted.add(start * 64 + Math.min(len, 63));
      if (opts.subwords && len >= 3) subwordTokens(word, start, cutAll(word), emitted, out);
    }
    start += len;
  }
  if (!opts.bigrams) return;
  for (let i = 0; i + 1 < run.length; i++) {
    if (stop[i] || stop[i + 1] || emitted.has(i * 64 + 2)) continue;
    out.push(run.slice(i, i + 2));
  }
}

function subwordTokens(word: string, offset: number, subs: string[], emitted: Set<number>, out: string[]): void {
  let from = 0;
  for (const sub of subs) {
    // cutAll lists words by start position, so searching forward from the last start finds each span once.
    const at = word.indexOf(sub, from);
    if (at < 0) continue;
    from = at;
    const key = (offset + at) * 64 + sub.length;
    if (emitted.has(key)) continue;
    emitted.add(key);
    out.push(sub);
  }
}
