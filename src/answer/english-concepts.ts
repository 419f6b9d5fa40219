import { EXACT_NAME, nameRuns, type QueryTranslator } from "../retrieve/english.js";
import { plainLetters } from "../retrieve/lexicon/cedict.js";
import { latinTerm } from "../retrieve/tokenize.js";
import { englishPhrase } from "../retrieve/lexicon/cedict.js";
import { ENGLISH_STOPWORDS } from "../retrieve/lexicon/stopwords.js";
import { ADMIN_UNIT, idfOf, markFocus, type Concept, type TermStats } from "./concepts.js";
import { quotedNameConcepts } from "./calques.js";
import { ASKING_EN } from "./question-words.js";
import { papersWordsFor } from "./synonyms.js";
import { DEFAULT_ANSWER_TUNING, type AnswerTuning } from "./tuning.js";

// Verbs and fillers that frame a question without naming its topic: they count, but little.
const FRAMING = new Set([
  "new", "add", "added", "set", "start", "begin", "began", "go", "gone", "went", "far", "plan", "planned", "supposed",
  "receive", "received", "take", "taken", "make", "made", "hold", "held", "reach", "reached", "put", "come", "became",
  "become", "currently", "now", "today", "still", "already", "expected", "expect", "according", "whole", "across",
]);

/** Past forms without -ed, which end the phrase a "how many" counts ("how many teams *took* part"). */
const IRREGULAR_PAST = new Set([
  "took", "won", "saw", "gave", "found", "ran", "built", "sold", "brought", "bought", "paid", "left", "kept", "met", "sent",
  "grew", "drew", "rose", "fell", "lost", "came", "wrote", "told", "chose", "drove", "led", "taught", "caught", "spoke", "stood", "spent",
]);

const LINKS = new Set(["of", "the", "and", "for", "&"]);

/** English words for an administrative unit, after the place they name (Hutubi county). */
const ADMIN_WORD_EN = /^(?:county|city|town|township|village|prefecture|district|province)$/i;
/**
 * The ranks a romanised name is narrowed to when the reader names one (Xinhu village is 新户村, not
 * the 新户镇 around it). Counties, cities and prefectures are left loose: readers call 昌吉州 Changji City.
 */
const NARROWING_ADMIN_EN: Record<string, string> = { village: "村", town: "镇", township: "乡" };

/** Indexes of the run of capitalised words (joined by of/the/and) that word i belongs to. */
function capitalisedRun(words: { word: string }[], i: number): number[] {
  const run = [i];
  for (const step of [-1, 1]) {
    let j = i + step;
    for (;;) {
      while (words[j] && LINKS.has(words[j]!.word.toLowerCase())) j += step;
      if (j <= 0 || !words[j] || !/^[A-Z]/.test(words[j]!.word)) break;
      run.push(j);
      j += step;
    }
  }
  return run;
}

/**
 * Spans of capitalised words after the first word (names) that the dictionary knows as a name the
 * corpus never spells (`BridgeLexicon.isAbsentName`), longest first and not overlapping.
 */
function absentNameSpans(words: { word: string }[], translator: QueryTranslator, strongReading: number): number[][] {
  const spans: number[][] = [];
  // Words of a run already looked at, and words of a span already taken.
  const seenRun = new Set<number>();
  const inSpan = new Set<number>();
  for (let i = 1; i < words.length; i++) {
    // Months are dates (dates.ts), not names.
    if (seenRun.has(i) || !/^[A-Z]/.test(words[i]!.word) || ASKING_EN.has(words[i]!.word.toLowerCase())) continue;
    const run = capitalisedRun(words, i).filter((j) => j > 0);
    run.forEach((j) => seenRun.add(j));
    const [from, to] = [Math.min(...run), Math.max(...run)];
    for (let length = to - from + 1; length >= 1; length--) {
      for (let start = from; start + length - 1 <= to; start++) {
        const span = Array.from({ length }, (_, k) => start + k);
        if (span.some((j) => inSpan.has(j))) continue;
        const name = span.map((j) => words[j]!.word).join(" ");
        if (!translator.lexicon.isAbsentName(name) || readAsName(name, translator, strongReading)) continue;
        spans.push(span);
        span.forEach((j) => inSpan.add(j));
      }
    }
  }
  return spans;
}

/**
 * Whether the corpus spells `name` after all: its pinyin is a corpus word (Xinjiang → 新疆), or the
 * dictionary reads the whole name as a corpus term with a strong reading (a gloss that is the name).
 */
function readAsName(name: string, translator: QueryTranslator, strongReading: number): boolean {
  if (translator.lexicon.pinyinMatches(name.replace(/ /g, "")).some((c) => c.score >= EXACT_NAME)) return true;
  const read = translator.translate(name);
  const weight = new Map(read.terms.map((t, k) => [t, read.weights[k] ?? 0]));
  // Only a reading of the whole name: World → 世界 does not spell World Cup.
  const whole = read.phrases.filter((p) => p.english.toLowerCase() === name.toLowerCase());
  return whole.some((p) => p.terms.some((t) => (weight.get(t) ?? 0) > strongReading));
}


/** A word as concepts and the counted phrase compare it: lower case, without a possessive ('s). */
const plainWord = (word: string) => word.toLowerCase().replace(/'s?$/, "");

/** An all-capitals word: an abbreviation (XPCC, CEO). */
const isAcronym = (word: string) => /^[A-Z]{2,}$/.test(word);

/** The word and its plain English base forms (skiers → skier → ski), tried in turn on the bridge. */
function baseForms(word: string): string[] {
  const forms = [word, word.replace(/ies$/, "y"), word.replace(/e?s$/, ""), word.replace(/ers?$/, ""), word.replace(/ing$/, ""), word.replace(/ing$/, "e"), word.replace(/ed$/, ""), word.replace(/d$/, "")];
  return [...new Set(forms.filter((f) => f.length >= 3))];
}


/**
 * The head of the noun phrase "how many" counts: its last word before a function word or a verb
 * ("how many ski *runs* does…", "how many worker *households* increased…", "how many *staff* went…").
 * A past form or a framing verb ends the phrase only after its first word ("how many skilled workers").
 * `from`: where the phrase may start (the end of "how many").
 */
function countedHead(words: { word: string; at: number }[], from: number): string | undefined {
  const phrase = countedPhrase(words, from);
  // The head is the phrase's last plural ("how many *veterans* live in…"), else its last word.
  return phrase?.filter((w) => /[^s]s$/.test(w) || IRREGULAR_PLURAL.has(w)).at(-1) ?? phrase?.at(-1);
}

/** Plurals without an s: a count's head all the same. */
const IRREGULAR_PLURAL = new Set(["people", "children", "staff", "cattle", "sheep", "personnel", "police", "men", "women", "livestock"]);

/** "Person-times" (人次) and its kind: a count of people, however many visits each made. */
const PER_TIMES = /^(?:person|participant|visitor|passenger|user|man)$/i;

/** Whether some page prints a Latin word as it is (kahikatea, 5S, AGG01): the keyword index holds its term. */
export function printsLatin(stats: TermStats, word: string): boolean {
  const term = latinTerm(word);
  return term !== null && stats.documentFrequency(term) > 0;
}

/** The question's words, "participant-times" read as one word, "participants", at the place it is written. */
function englishWords(text: string): { word: string; at: number }[] {
  const words: { word: string; at: number }[] = [];
  // A code of digits and capitals (5S, 5G, 4A) is one word: the pages print it as it is (5S级).
  for (const m of text.matchAll(/\d+[A-Z][A-Z\d]*(?![A-Za-z])|[A-Za-z][A-Za-z']*/g)) {
    const at = m.index ?? 0;
    const previous = words.at(-1);
    if (previous && /^times$/i.test(m[0]) && text[at - 1] === "-" && previous.at + previous.word.length === at - 1 && PER_TIMES.test(previous.word)) previous.word += "s";
    else words.push({ word: m[0], at });
  }
  return words;
}

/** The words of the noun phrase after "how many", up to a function word or a verb; undefined for two things counted side by side. */
function countedPhrase(words: { word: string; at: number }[], from: number): string[] | undefined {
  const phrase: string[] = [];
  for (const { word } of words.filter((w) => w.at >= from)) {
    const lower = plainWord(word);
    // "model worker and craftsman studios": one phrase, its head last; "countries and athletes" asks
    // two things counted (a plural before the and), so no one head.
    if (phrase.length && (lower === "and" || lower === "or")) {
      if (/[^s]s$/.test(phrase.at(-1)!)) return undefined;
      continue;
    }
    if (ENGLISH_STOPWORDS.has(lower) || ASKING_EN.has(lower)) break;
    if (phrase.length && (/ed$/.test(lower) || FRAMING.has(lower) || IRREGULAR_PAST.has(lower))) break;
    phrase.push(lower);
  }
  return phrase;
}

/**
 * Concepts of an English question: each content word with the Chinese terms the bridge maps it to.
 * Capitalised words are names (Changji, Urumqi) and must appear in the answering article; words
 * with no Chinese reading in the corpus (weather, Bitcoin) keep the highest weight, so an answer
 * that ignores them scores low.
 */
export function englishConcepts(question: string, translator: QueryTranslator, stats: TermStats, tuning: AnswerTuning = DEFAULT_ANSWER_TUNING): Concept[] {
  const concepts: Concept[] = [];
  const normalized = plainLetters(question.normalize("NFKC"));
  const words = englishWords(normalized);
  const seen = new Set<string>();
  // A Chinese name romanised one word per part (Gao Ying → 高英) is one concept, and an anchor.
  for (const run of nameRuns(normalized)) {
    if (run.some((w) => seen.has(w))) continue;
    const found = translator.lexicon.pinyinMatches(run.join("")).filter((c) => c.score >= EXACT_NAME && stats.documentFrequency(c.term) > 0);
    if (!found.length) continue;
    run.forEach((w) => seen.add(w));
    const first = words.find((w) => w.word.toLowerCase() === run[0]);
    const label = run.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(" ");
    concepts.push({ label, alternatives: found.map((c) => c.term), weight: Math.max(...found.map((c) => idfOf(stats, c.term))), anchor: true, ...(first ? { at: first.at } : {}) });
  }
  // A name the dictionary spells in Chinese and no page does (World Cup → 世界杯, Olympics → 奥运) is
  // what the question is about, and the articles do not cover it: an anchor no article mentions,
  // whatever loose readings its words have (World → 世界, Olympics → 运动会). Longest span first.
  for (const span of absentNameSpans(words, translator, tuning.strongNameReading)) {
    const label = span.map((j) => words[j]!.word).join(" ");
    span.forEach((j) => seen.add(words[j]!.word.toLowerCase()));
    concepts.push({ label, alternatives: [label.toLowerCase()], weight: idfOf(stats, "\u0000"), anchor: true, at: words[span[0]!]!.at });
  }
  // A phrase the dictionary reads as a whole (Belt and Road → 一带一路, ski resort → 滑雪场) is a
  // reading of each of its words too: a sentence naming 一带一路 mentions "Belt" and "Road".
  const phraseReadings = new Map<string, string[]>();
  for (const { english, terms } of translator.translate(normalized).phrases) {
    const parts = english.toLowerCase().split(/\s+/);
    if (parts.length < 2) continue;
    const found = terms.filter((t) => stats.documentFrequency(t) > 0 || t.length >= 4);
    for (const part of parts) phraseReadings.set(part, [...(phraseReadings.get(part) ?? []), ...found]);
  }
  // Latin words the articles print as they are (SOUL EATER, Kaji Dha, DC) count as mentioned in that spelling.
  const printed = (lower: string) => printsLatin(stats, lower);
  // The bridge's readings of a word that the corpus uses. A name's weak readings are guesses (France →
  // 法制, Japan → 银行 when the pages never say 法国 or 日本): a name read only so has no reading, and
  // is an anchor the article must print.
  const corpusReadings = (form: string, name: boolean, termsPerPhrase?: number) => {
    const read = translator.translate(form, termsPerPhrase ? { termsPerPhrase } : {});
    return read.terms.filter((t, k) => stats.documentFrequency(t) > 0 && (!name || (read.weights[k] ?? 0) >= tuning.nameReading));
  };
  // Whether a capitalised word (or its base forms) has a word reading: see `capitalisedRun` below.
  const readable = (word: string) => [word, ...baseForms(word.toLowerCase())].some((f) => corpusReadings(f, true).some((t) => t.length > 1));
  words.forEach(({ word, at }, i) => {
    const lower = plainWord(word);
    if (seen.has(lower) || ENGLISH_STOPWORDS.has(lower) || ASKING_EN.has(lower) || (lower.length < 3 && !/\d/.test(lower))) return;
    seen.add(lower);
    // A capital letter mid-sentence marks a name (Changji, Urumqi, Tianchi).
    const isName = i > 0 && /^[A-Z]/.test(word);
    let found: string[] = [];
    let weak = false;
    for (const form of isName ? [word] : baseForms(lower)) {
      // One-character readings (weather → 气) match everywhere and prove nothing.
      const terms = corpusReadings(form, isName, tuning.englishReadings);
      const words = terms.filter((t) => t.length > 1);
      // A one-character reading (vice → 副, party → 党) only when there is no word reading; its idf is
      // low (it occurs everywhere), so it cannot carry an answer alone.
      // An administrative unit (county → 县) is a one-character reading that is still specific:
      // it only ever ends a place name (木垒县), so it counts beside the word readings.
      found = words.length ? [...words, ...terms.filter((t) => t.length === 1 && ADMIN_UNIT.test(t))] : terms;
      weak = !words.length && terms.length > 0;
      if (found.length) break;
    }
    // A reader's word for a role or an act (boss, heads, chaired) is read with the papers' spellings
    // of it (synonyms.ts) before the dictionary's (boss → 老板, chaired → 椅子), which the papers rarely use.
    const papers = papersWordsFor(lower).filter((t) => stats.documentFrequency(t) > 0);
    if (papers.length) [found, weak] = [[...new Set([...papers, ...found])], false];
    // An unknown topic word (weather, bitcoin) weighs most: an answer ignoring it is no answer.
    // An unknown capitalised word is more often an English institution name (Federation, XPCC).
    const unknownWeight = idfOf(stats, "\u0000") * (isName ? 0.5 : 1);
    const base = found.length ? Math.max(...found.map((t) => idfOf(stats, t))) : unknownWeight;
    const weight = FRAMING.has(lower) ? base * tuning.englishFramingFactor : base;
    // A romanised name (Changji, Hutubi: pinyin, not an English word) must be in the answering article.
    const pinyin = isName && translator.lexicon.pinyinMatches(word).length > 0;
    const romanised = pinyin && !translator.lexicon.glossMatches(englishPhrase(word)).length;
    // A capitalised name the corpus has no reading for (Urumqi, World Cup) is something it never
    // mentions: an anchor. If another word of the same capitalised run has a reading, the run is an
    // institution's English name the bridge only half spells (XPCC Federation of Trade Unions): no anchor.
    // An all-capitals acronym (XPCC) abbreviates an English institution name the papers spell out in
    // Chinese (兵团): unknown to the bridge, but no evidence the articles lack it.
    // A word with no Chinese reading that some article prints as it is (kahikatea, AGG01) names what
    // that article is about: an anchor too.
    const acronym = isAcronym(word);
    // An abbreviation beside it (CEO of Apple, XPCC) is no part of the name: it does not make the run readable.
    const unknownName = isName && !acronym && !found.length && capitalisedRun(words, i).every((j) => isAcronym(words[j]!.word) || !readable(words[j]!.word));
    const inPhrase = phraseReadings.get(lower) ?? [];
    if (!found.length && inPhrase.length) found = inPhrase;
    const readings = found.length ? [...new Set([...found, ...inPhrase, ...(printed(lower) ? [lower] : [])])] : [lower];
    const rank = romanised ? NARROWING_ADMIN_EN[(words[i + 1]?.word ?? "").toLowerCase()] : undefined;
    const alternatives = rank ? readings.map((t) => (/\p{Script=Han}$/u.test(t) && !t.endsWith(rank) ? t.replace(/[村镇乡县市州]$/u, "") + rank : t)) : readings;
    // A place's name, romanised: pinyin the dictionary reads as a county or city (Hutubi → 呼图壁县), or a romanised
    // name before county, city, town…: the figure asked of it is that place's (selection.placesAside), not the
    // prefecture's of an article about another place.
    const place = (pinyin && found.some((t) => t.length >= 3 && ADMIN_UNIT.test(t))) || (romanised && ADMIN_WORD_EN.test(words[i + 1]?.word ?? ""));
    concepts.push({ label: word, alternatives, weight, anchor: (romanised && found.length > 0) || unknownName || (!found.length && printed(lower)), at, ...(weak ? { weak } : {}), ...(place ? { place } : {}) });
  });
  // A quoted programme name ('five small innovations') is read whole too, as the papers spell it (五小创新).
  concepts.push(...quotedNameConcepts(normalized, translator, stats));
  // The thing asked about follows the question word: "how many *skiers*", "what was the total *investment*".
  // A word the bridge cannot read in Chinese (unpaid) cannot be looked for, so it cannot be the focus.
  const readableConcepts = concepts.filter((c) => !FRAMING.has(c.label.toLowerCase()) && c.alternatives.some((a) => /\p{Script=Han}/u.test(a)));
  // "How many *people* found jobs": the word after "how many" says what is counted (people, years,
  // times: the asked unit) and no concept does; the next verb (found → 建立) is not what is counted.
  const counting = normalized.search(/\bhow (many|much)\b/i);
  const first = /\bhow (?:many|much) ([a-z]+)/i.exec(normalized)?.[1]?.toLowerCase();
  if (first && ASKING_EN.has(first)) return concepts;
  // "How many" counts the head of the phrase after it — its last noun: "how many ski *runs*", "how many
  // worker *households* increased…"; "how much livestock feed" measures a mass, whatever its words name.
  // "How many of Changji's 234 sessions…", "how many of the farms…": the phrase after the "of" and its determiner.
  const many = /\bhow many\b(?:\s+of\s+(?:(?:the|these|those|this|that|its|their|his|her|our|your)\b|[A-Za-z]+'s\b)?)?/i.exec(normalized);
  const head = many ? countedHead(words, many.index + many[0].length) : undefined;
  const countedConcept = head ? concepts.find((c) => plainWord(c.label) === head) : undefined;
  if (countedConcept) countedConcept.counted = true;
  // "How many *skiers*" counts the thing named; "which *bureau*", "what *colour*" name the kind of
  // answer right after the question word. Otherwise the word after it is a verb or the topic ("what
  // is the kahikatea *used* for", "who *wrote*"): no focus. (Measured on the CMRC English questions:
  // the nearest word after any question word as focus answered 24 %, this 28 %.)
  const naming = /\b(what|which)\s+([A-Za-z]+)/i.exec(normalized);
  if (counting >= 0) markFocus(readableConcepts, counting);
  else if (naming) {
    const named = readableConcepts.find((c) => c.at === naming.index + naming[0].length - naming[2]!.length);
    if (named) named.focus = true;
  }
  return concepts;
}

