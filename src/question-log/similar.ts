/**
 * "Similar wording" for the report's unanswered questions: character-bigram Jaccard similarity.
 * Characters, not words, because Chinese has no spaces and a reader's typo changes one word but
 * only two bigrams; punctuation, spaces and case do not count. Grouping is greedy: each question
 * joins the first group whose first question is at least `threshold` similar, else starts one.
 */

export interface SimilarityOptions {
  /**
   * Least Jaccard similarity of two questions' bigram sets to share a group (default 0.5). Measured:
   * "昌吉州2023年新增城镇就业多少人？" / "2023年昌吉州新增就业多少人" 0.58 (grouped); "…新增城镇就业多少人？" /
   * "…农村劳动力外出务工多少人？" 0.26 (apart). Known over-merge: long English questions that differ
   * in one word ("…capital of France?" / "…of Spain?" 0.61) share a group — the examples show it.
   */
  threshold: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = { threshold: 0.5 };

/** The character bigrams of a text, lower-cased, without punctuation or spaces (a one-character text: itself). */
export function bigrams(text: string): Set<string> {
  const chars = [...text.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, "")];
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** |A ∩ B| / |A ∪ B| of two bigram sets (1 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Groups of indexes into `texts`, in order of first appearance; each group's first member is its representative. */
export function groupSimilar(texts: readonly string[], options: Partial<SimilarityOptions> = {}): number[][] {
  const { threshold } = { ...DEFAULT_SIMILARITY, ...options };
  const groups: { head: Set<string>; members: number[] }[] = [];
  texts.forEach((text, i) => {
    const grams = bigrams(text);
    const group = groups.find((g) => jaccard(g.head, grams) >= threshold);
    if (group) group.members.push(i);
    else groups.push({ head: grams, members: [i] });
  });
  return groups.map((g) => g.members);
}
