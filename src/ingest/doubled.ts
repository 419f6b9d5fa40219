/**
 * Outlined display fonts come out of PDF extraction twice: once clean, then with every glyph run
 * doubled — `强化政治引领 筑牢信仰之基强化政治引领强化政治引领 筑牢信仰之基筑牢信仰之基`.
 * We recognise "clean text + its doubled form" (or a line that is only the doubled form) and keep
 * the clean text. A line that is so repaired was set in display type: a headline.
 */

import { isHan } from "./text.js";

type RunClass = "han" | "alnum" | "other";

function classOf(ch: string): RunClass {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? "alnum" : "other";
  return isHan(ch) ? "han" : "other";
}

/**
 * Splits on spaces and class changes: `用心““娘家人` → [用心, ““, 娘家人]. A generator, so that
 * `undouble` stops at the first run that is not doubled (most lines fail on their first run).
 */
function* runs(s: string): Generator<{ text: string; cls: RunClass }> {
  let text = "";
  let cls: RunClass = "other";
  for (const ch of s) {
    if (ch === " ") {
      if (text) yield { text, cls };
      text = "";
      continue;
    }
    const next = classOf(ch);
    if (text && next === cls) {
      text += ch;
    } else {
      if (text) yield { text, cls };
      text = ch;
      cls = next;
    }
  }
  if (text) yield { text, cls };
}

/**
 * Undoes the doubling of `s`, or returns null when `s` is not entirely doubled. Word runs are
 * doubled whole (`娘家人娘家人`), punctuation glyph by glyph (`““`).
 */
export function undouble(s: string): string | null {
  // The first run is doubled only if its first character comes again (next to it, or half a run
  // on): a test on the whole string that rejects most lines before any run is built.
  const first = s.codePointAt(0);
  if (first !== undefined && first !== 0x20 && s.indexOf(String.fromCodePoint(first), first > 0xffff ? 2 : 1) < 0) return null;
  let out = "";
  for (const run of runs(s)) {
    const chars = [...run.text];
    if (chars.length % 2) return null;
    if (run.cls === "other") {
      for (let i = 0; i < chars.length; i += 2) {
        if (chars[i] !== chars[i + 1]) return null;
        out += chars[i];
      }
    } else {
      const half = chars.length / 2;
      const a = chars.slice(0, half).join("");
      if (a !== chars.slice(half).join("")) return null;
      out += a;
    }
  }
  return out;
}

const compact = (s: string) => s.replace(/\s+/g, "");
const hanLength = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;

/** True for a code point `\s` matches (and `trim()` removes); ASCII and CJK answered without the regex. */
function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code > 0x20 && code < 0x7f) return false;
  if (code >= 0x3400 && code < 0xa000) return false;
  return /\s/.test(ch);
}

/** Non-whitespace code points of `chars[0..i)` for every i (whitespace as `\s` and `trim()` count it). */
function solidPrefixCounts(chars: string[]): Int32Array {
  const counts = new Int32Array(chars.length + 1);
  for (let i = 0; i < chars.length; i++) counts[i + 1] = counts[i]! + (isSpace(chars[i]!) ? 0 : 1);
  return counts;
}

/** Code points of `s` and how many of them are not whitespace. */
function countSolid(s: string): { chars: number; solid: number } {
  let chars = 0;
  let solid = 0;
  for (const ch of s) {
    chars++;
    if (!isSpace(ch)) solid++;
  }
  return { chars, solid };
}

/**
 * The clean form of a doubled-glyph line, or null when the line shows no doubling.
 * Needs at least two ideographs so ordinary reduplication (`看看`) is left alone.
 *
 * Linear in the line: a clean prefix followed by its doubled form holds a third of the line's
 * non-space characters (undoubling halves the rest and keeps no spaces), so only the split
 * points right after the first third can match — and they all give the same prefix and rest,
 * as they differ only by whitespace that `trim()` removes. The first of them is the one tried.
 */
export function repairDoubled(line: string): string | null {
  const s = line.trim();
  // Counted first without building arrays: most lines fail the length or the thirds test.
  const counted = countSolid(s);
  if (counted.chars < 6) return null;
  if (counted.solid % 3 === 0) {
    const chars = [...s];
    const solid = solidPrefixCounts(chars);
    const total = counted.solid;
    // The first split point whose prefix holds exactly a third of the non-space characters.
    let k = 2;
    while (k < chars.length && solid[k]! < total / 3) k++;
    if (k < chars.length && solid[k] === total / 3) {
      const clean = chars.slice(0, k).join("").trim();
      if (hanLength(clean) >= 2) {
        const undone = undouble(chars.slice(k).join("").trim());
        if (undone !== null && undone === compact(clean)) return clean;
      }
    }
  }
  const whole = undouble(s);
  if (whole !== null && hanLength(whole) >= 4) return whole;
  return null;
}
