/**
 * Lending: a dictionary word the corpus lacks lends its glosses to a corpus term it is built on — X化
 * to X (城镇化 → 城镇), a compound to its head (退伍军人 → 军人), a place's dictionary name to the name
 * the corpus prints (喀什地区 "Kashgar" → 喀什). The bridge (bridge.ts) reads these at build time.
 */

/**
 * X化 is X made into a process ("-ize", "-ization"): 城镇化 urbanization, 现代化 modernization. When
 * the corpus has X but not X化, X化's glosses are a reading of X too (urban → 城镇), at this factor.
 */
const DERIVED_FACTOR = 0.8;
const DERIVING_SUFFIX = /化$/;
/**
 * Chinese compounds put the head last: 退伍军人 (veteran) is a kind of 军人 (serviceman). When the
 * corpus lacks a compound but has its head, the compound's glosses are a looser reading of the head.
 */
const HEAD_FACTOR = 0.5;

/** The corpus term that borrows the glosses of a dictionary word the corpus lacks, and at what factor. */
export interface Borrower {
  term: string;
  factor: number;
  nounsOnly?: boolean;
  /** The lender is a place's dictionary name (喀什地区 "Kashgar"): its English name is a key of the term, like pinyin. */
  name?: boolean;
}

/** Words of a place's English name that say its rank or its people, not its name (Kazakh Autonomous Prefecture). */
const RANK_WORD = /^(?:Autonomous|Prefecture|County|City|Region|District|Banner|League|Kazakh|Mongol|Mongolian|Hui|Uyghur|Uighur|Tibetan|Kyrgyz|Tajik|Xibe|Zhuang|Miao|Yi)$/;

/** An administrative suffix of a place's dictionary name (喀什*地区*, 伊犁哈萨克*自治州*). */
const ADMIN_SUFFIX = /(?:地区|自治州|自治县|市|县|州|区|镇|乡)$/u;

/** The corpus term a dictionary word the corpus lacks lends its glosses to (`present`: the corpus's dictionary words; `proper`: a proper noun), or null. */
export function borrower(head: string, present: (term: string) => boolean, proper = false): Borrower | null {
  // A place's name (喀什地区 "Kashgar") is not a kind of 地区: its name goes to the one the corpus
  // prints (喀什), the longest start of it the corpus has (伊犁 of 伊犁哈萨克自治州), never to the suffix.
  if (proper && ADMIN_SUFFIX.test(head)) {
    const stem = head.replace(ADMIN_SUFFIX, "");
    for (let end = stem.length; end >= 2; end--) if (present(stem.slice(0, end))) return { term: stem.slice(0, end), factor: 1, name: true };
    return null;
  }
  const root = head.replace(DERIVING_SUFFIX, "");
  if (root !== head) return root.length >= 2 && present(root) ? { term: root, factor: DERIVED_FACTOR } : null;
  for (let i = 1; head.length - i >= 2; i++) if (present(head.slice(i))) return { term: head.slice(i), factor: HEAD_FACTOR, nounsOnly: true };
  return null;
}

/**
 * The keys a place's dictionary name gives the term it lends to, like pinyin: a one-word name, or its
 * first word before words of rank alone (ili of "Ili Kazakh Autonomous Prefecture"; not hong of Hong Kong).
 */
export function placeNameKeys(senses: string[][]): string[] {
  const keys: string[] = [];
  for (const [name] of senses) {
    const [first = "", ...rest] = name?.split(" ") ?? [];
    if (/^[A-Z][a-z]+$/.test(first) && rest.every((w) => RANK_WORD.test(w))) keys.push(first.toLowerCase());
  }
  return keys;
}
