import { BridgeLexicon, type BuildLexiconOptions, type Candidate } from "./lexicon/bridge.js";
import { englishPhrase, plainLetters, type PhraseToken } from "./lexicon/cedict.js";
import { ENGLISH_STOPWORDS } from "./lexicon/stopwords.js";
import { correctTypos } from "./lexicon/typos.js";
import { latinTerm } from "./tokenize.js";

/** A word as the tokenizer cuts it: a code of digits and letters (5G), a word, or a number. */
const WORD = /[0-9]*[A-Za-z][A-Za-z0-9]*|[0-9]+(?:\.[0-9]+)?/g;

/**
 * English questions over Chinese articles: the English words are mapped to the Chinese terms the
 * corpus actually uses (CC-CEDICT glosses, romanised names via pinyin), and searched for like
 * the words of a Chinese question. Interrogatives map to nothing; `detectQuestionKind` (answer/question-words.ts) reads them.
 */

/** What to search for: Chinese terms (with weights, best first) and the English tokens themselves. */
export interface QueryTranslation {
  terms: string[];
  /** One per term, in (0, 1]; pass them to `KeywordIndex.search` as `QueryTerm` weights. */
  weights: number[];
  /** The question's own English tokens, stemmed like the index's, for articles with Latin text. */
  englishTokens: string[];
  /**
   * Those of them with no reading in the dictionary or pinyin (kahikatea, AGG01, Monteiro): a name an
   * article printing it in Latin letters is about, so stronger evidence than an English word (park).
   */
  unreadTokens: string[];
  /** Which English word or phrase each term came from ("ski resort" → 滑雪场), for concept coverage. */
  phrases: { english: string; terms: string[] }[];
}

export interface QueryTranslator {
  /** `termsPerPhrase` overrides the translator's default for this call (more readings to check an answer by). */
  translate(question: string, options?: { termsPerPhrase?: number }): QueryTranslation;
  /** The (pruned) vocabulary in use; save `lexicon.toJSON()` with the index to skip rebuilding. */
  readonly lexicon: BridgeLexicon;
}

export interface TranslatorOptions extends BuildLexiconOptions {
  /** A lexicon built at index time (`BridgeLexicon.build`, or `fromJSON` of a saved one). */
  lexicon?: BridgeLexicon;
  /** Or the corpus vocabulary (e.g. `keywordIndex.terms()`) to build one from now (~1 s for the seeds). */
  corpusTerms?: Iterable<string>;
  /** Chinese terms kept per English phrase or name. Default 3. */
  termsPerPhrase?: number;
  /** Longest English phrase looked up as a whole ("urban employment rate"). Default 4. */
  maxPhraseWords?: number;
}

/** Scores below this are too weak a reading of the English to search for. */
const MIN_SCORE = 0.2;

/** Creates the English→Chinese query translator from a saved lexicon or the corpus vocabulary. */
export function createQueryTranslator(options: TranslatorOptions): QueryTranslator {
  if (!options.lexicon && !options.corpusTerms) throw new TypeError("createQueryTranslator needs a lexicon or corpusTerms");
  const lexicon = options.lexicon ?? BridgeLexicon.build(options.corpusTerms!, options);
  const perPhrase = options.termsPerPhrase ?? 3;
  const maxWords = options.maxPhraseWords ?? 4;
  return {
    lexicon,
    translate(question, { termsPerPhrase = perPhrase } = {}) {
      // Split like the tokenizer does ("5G" one code, "Changji's" → Changji + s), so englishTokens hit the index.
      const text = question.normalize("NFKC");
      // The index's tokens as it cuts them (Yelü → yel); the dictionary reads the words with their marks off (Yelu), as it spells its glosses.
      const englishTokens = [...new Set((text.match(WORD) ?? []).map((w) => latinTerm(w.toLowerCase())).filter((t): t is string => t !== null))];
      const words = plainLetters(text).match(WORD) ?? [];
      const scores = new Map<string, number>();
      const sources = new Map<string, Set<string>>();
      // A name read only approximately (a pinyin prefix or a near spelling: kahikatea → 卡利卡特) is a
      // guess: searched for, but its Latin word still counts as unread (a page printing it is about it).
      const guesses = new Map<string, Set<string>>();
      const keep = (english: string, found: Candidate[], factor: number, into = sources) => {
        const ranked = found
          // One-character terms are ambiguous as search tokens (年, 加); they must be the only reading.
          .map((c) => ({ ...c, score: c.score * factor * (c.term.length === 1 ? 0.5 : 1) }))
          .filter((c) => c.score >= MIN_SCORE)
          .sort((a, b) => b.score - a.score || b.df - a.df || a.term.length - b.term.length)
          .slice(0, termsPerPhrase);
        for (const c of ranked) {
          scores.set(c.term, Math.max(scores.get(c.term) ?? 0, c.score));
          into.set(english, (into.get(english) ?? new Set()).add(c.term));
        }
      };
      // One token per word (articles dropped), so phrase windows line up with the question's words.
      const items = words.map((word) => ({ word, token: englishPhrase(word)[0] })).filter((x) => x.token !== undefined);
      const tokens = items.map((x) => x.token as PhraseToken);
      const covered = new Set<number>();
      // Longest phrases first; a word inside a phrase that matched exactly counts half on its own.
      for (let n = Math.min(maxWords, tokens.length); n >= 1; n--) {
        for (let i = 0; i + n <= tokens.length; i++) {
          const phrase = tokens.slice(i, i + n);
          // A phrase must start or end on a content word: "this year" yes, "did this" no.
          if (!phrase[0]!.content && !phrase[n - 1]!.content) continue;
          const found = lexicon.glossMatches(phrase);
          const english = items.slice(i, i + n).map((x) => x.word).join(" ");
          keep(english, found, n === 1 && covered.has(i) ? 0.5 : 1);
          if (n > 1 && found.some((c) => c.score >= 0.99)) for (let j = i; j < i + n; j++) covered.add(j);
        }
      }
      // Romanised names: a capitalised word, or any content word the dictionary does not know.
      for (const word of words) {
        const [token] = englishPhrase(word);
        if (!token?.content) continue;
        if (/^[A-Z]/.test(word) || !lexicon.glossMatches([token]).length) {
          const letters = plainLetters(word);
          const found = lexicon.pinyinMatches(letters);
          keep(letters, found, 1, found.some((c) => c.score >= EXACT_NAME) ? sources : guesses);
        }
      }
      // A Chinese name is romanised one word per part (Gao Ying, Luo Baoming): read the run as one.
      for (const run of nameRuns(question)) keep(run.join(" "), lexicon.pinyinMatches(run.join("")).filter((c) => c.score >= EXACT_NAME), 1);
      const ranked = [...scores].sort((a, b) => b[1] - a[1]);
      const read = new Set(phrasesRead(sources));
      const unreadTokens = [...new Set(words.filter((w) => !read.has(w.toLowerCase())).map((w) => latinTerm(w.toLowerCase())).filter((t): t is string => t !== null))];
      return {
        terms: ranked.map(([term]) => term),
        weights: ranked.map(([, w]) => Math.round(w * 1000) / 1000),
        englishTokens,
        unreadTokens,
        phrases: [...sources, ...guesses].map(([english, terms]) => ({ english, terms: [...terms] })),
      };
    },
  };
}

/** The lower-cased words of every English phrase that got a Chinese reading. */
function phrasesRead(sources: Map<string, Set<string>>): string[] {
  return [...sources.keys()].flatMap((english) => plainLetters(english).toLowerCase().split(/\s+/));
}

/** A pinyin reading of a whole name run must be exact (or a listed name's): a prefix of a longer word is some other name. */
export const EXACT_NAME = 0.9;

/**
 * Runs of two or three adjacent capitalised words (Gao Ying, Yelü Liuge, Jean-Pierre Balligand),
 * accents removed, each run and its shorter sub-runs: the ways a romanised Chinese name is split.
 */
export function nameRuns(question: string): string[][] {
  const text = plainLetters(question.normalize("NFKC"));
  const runs: string[][] = [];
  let run: string[] = [];
  let end = -1;
  const flush = () => {
    for (let n = Math.min(3, run.length); n >= 2; n--) for (let i = 0; i + n <= run.length; i++) runs.push(run.slice(i, i + n));
    run = [];
  };
  for (const m of text.matchAll(/[A-Za-z]+/g)) {
    const at = m.index ?? 0;
    // Adjacent: one space or hyphen between them ("Jean-Pierre"), not a comma or a word.
    if (end < 0 || !/^[\s-]$/.test(text.slice(end, at))) flush();
    if (/^[A-Z][a-z]*$/.test(m[0]) && !ENGLISH_STOPWORDS.has(m[0].toLowerCase())) run.push(m[0].toLowerCase());
    else flush();
    end = at + m[0].length;
  }
  flush();
  return runs;
}

/**
 * An English question with its typos mended (typos.ts): a word the bridge reads — a gloss, a pinyin
 * name, or a Latin spelling the pages print (`printed`) — is kept as typed, whatever the word lists
 * say. Questions with Chinese in them are left as they are.
 */
export function withTyposCorrected(question: string, lexicon: BridgeLexicon, printed: (word: string) => boolean): string {
  if (/\p{Script=Han}/u.test(question)) return question;
  return correctTypos(question, { reads: (word) => lexicon.isPinyin(word) || printed(word) || lexicon.glossMatches(englishPhrase(word)).length > 0 });
}
