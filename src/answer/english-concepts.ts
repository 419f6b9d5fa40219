import type { QueryTranslator } from "../retrieve/english.js";
import { ENGLISH_STOPWORDS } from "../retrieve/lexicon/stopwords.js";
import { idfOf, yearConcept, type Concept, type TermStats } from "./concepts.js";
import { questionYears } from "./question.js";

// Words that only say what kind of answer is wanted (the kind detector reads them).
const ASKING = new Set(["many", "much", "number", "total", "amount", "people", "year", "date", "day", "time", "name", "happen", "happened", "said", "say"]);

/**
 * Concepts of an English question: each content word with the Chinese terms the bridge maps it to.
 * Capitalised words are names (Changji, Urumqi) and must appear in the answering article; words
 * with no Chinese reading in the corpus (weather, Bitcoin) keep the highest weight, so an answer
 * that ignores them scores low.
 */
export function englishConcepts(question: string, translator: QueryTranslator, stats: TermStats): Concept[] {
  const concepts: Concept[] = [];
  const words = question.normalize("NFKC").match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  const seen = new Set<string>();
  words.forEach((word, i) => {
    const lower = word.toLowerCase().replace(/'s$/, "");
    if (seen.has(lower) || ENGLISH_STOPWORDS.has(lower) || ASKING.has(lower) || lower.length < 3) return;
    seen.add(lower);
    // A capital letter mid-sentence marks a name (Changji, Urumqi, Tianchi).
    const isName = i > 0 && /^[A-Z]/.test(word);
    const { terms } = translator.translate(word);
    const found = terms.filter((t) => stats.documentFrequency(t) > 0);
    const weight = found.length ? Math.max(...found.map((t) => idfOf(stats, t))) : idfOf(stats, "\u0000");
    concepts.push({ label: word, alternatives: found.length ? found : [lower], weight, anchor: isName });
  });
  for (const year of questionYears(question)) concepts.push(yearConcept(year, stats));
  return concepts;
}
