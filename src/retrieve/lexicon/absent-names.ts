import { rawCedictEntries } from "./cedict.js";

/** A people's or language's adjective ("African (person)"), not a name. */
const DEMONYM = /\((?:person|people|language)\)/i;
/** A gloss that is a name: capitalised words, joined by of / the / and (World Cup, Bank of China). */
const NAME_GLOSS = /^[A-Z][A-Za-z'-]*(?: (?:(?:of|the|and) )?[A-Z][A-Za-z'-]*){0,3}$/;

/**
 * Name glosses of proper nouns (capitalised pinyin) the corpus lacks, minus those a term it has
 * also carries (United States: 美国 present, 合众国 not) and single words a common word glosses too
 * (Central, Mars: an English word, not only a name), lowercased and sorted. A common entry's
 * capitalised gloss of two or more words is a name (世界杯 World Cup).
 */
export function absentNames(cedict: string, present: (head: string) => boolean): string[] {
  const absent = new Set<string>();
  // Names some corpus term carries, and single words a common entry glosses (central: 中央).
  const spelled = new Set<string>();
  for (const entry of rawCedictEntries(cedict)) {
    const proper = /^[A-Z]/.test(entry.pinyin);
    const has = present(entry.simplified);
    for (const gloss of entry.glosses) {
      // "African (person)", "Japanese (language)": an adjective of a name, which a page can use bare (非洲猴面包树).
      if (DEMONYM.test(gloss)) continue;
      const name = gloss.replace(/\([^)]*\)/g, "").replace(/\s+/g, " ").trim();
      const key = name.toLowerCase();
      // One capitalised word a common entry glosses is an English word; two or more (World Cup) a name.
      if (has || (!proper && !key.includes(" "))) spelled.add(key);
      else if (NAME_GLOSS.test(name)) absent.add(key);
    }
  }
  return [...absent].filter((n) => !spelled.has(n)).sort();
}
