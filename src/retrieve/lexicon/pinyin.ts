import { pinyin } from "pinyin-pro";

/**
 * Romanised place and person names ("Changji", "Hutubi") are how English readers name things the
 * dictionary may not list. They are matched against the toneless pinyin of the corpus's own words.
 */

/** Toneless pinyin with no spaces, ü written u as in English place names: 吉木萨尔 → "jimusaer". */
export function tonelessPinyin(word: string): string {
  return pinyin(word, { toneType: "none", type: "array" }).join("").toLowerCase().replace(/ü|v/g, "u");
}

/**
 * Edit distance of `a` and `b`, two letters swapped counting as one edit (Changij → changji, as
 * readers type), or `max + 1` as soon as it must exceed `max` (keeps fuzzy scans cheap).
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    [before, prev] = [prev, row];
  }
  return prev[b.length]!;
}

/** How far a romanised name of this length may be from the pinyin: exact below 6 letters, then 1, then 2. */
export function allowedDistance(length: number): number {
  return length < 6 ? 0 : length < 8 ? 1 : 2;
}
