/**
 * Character-level helpers shared by the cleaner, the segmenter and the chunker. Everything here is
 * pure and works on single strings; nothing knows about pages or articles.
 */

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const ALNUM = /[A-Za-z0-9]/;

/** True for one CJK ideograph. */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  // Answered without the regex for the common cases: CJK Unified Ideographs (all assigned, Han,
  // since Unicode 11) and a lone ASCII character.
  const code = ch.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fef) return true;
  if (code < 0x80 && ch.length === 1) return false;
  return HAN.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && DIGIT.test(ch);
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN.test(ch);
}

/** Number of CJK ideographs in `s`. */
export function hanCount(s: string): number {
  let n = 0;
  for (const ch of s) if (HAN.test(ch)) n++;
  return n;
}

/**
 * Printed width in em: ideographs and full-width punctuation take a full cell, ASCII characters
 * and spaces half a cell (the spaces PDF extraction leaves around numbers stand for real spacing
 * in the column). Used to compare a line against the column it was set in.
 */
export function visualWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** Canonical spaces: full-width and no-break spaces become ASCII, zero-width marks vanish. */
export function normalizeSpaces(s: string): string {
  return s
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[\u00A0\u2002-\u200A\u3000\t]/g, " ");
}

const TERMINAL = new Set([..."。！？!?；;…"]);
const CLOSERS = new Set([..."”’」』）)》】〕\"'"]);
const CONTINUATION = new Set([..."，、：,:（(《“‘「【"]);

/** Strips trailing closing quotes/brackets so the punctuation before them can be judged. */
function lastMeaningful(s: string): string | undefined {
  const chars = [...s.trimEnd()];
  let i = chars.length - 1;
  while (i >= 0 && CLOSERS.has(chars[i]!)) i--;
  return chars[i];
}

/** True when `s` ends a sentence: 。！？； or …, possibly followed by closing quotes/brackets. */
export function endsSentence(s: string): boolean {
  const ch = lastMeaningful(s);
  return ch !== undefined && TERMINAL.has(ch);
}

/** True when `s` visibly stops mid-sentence (a trailing comma, colon, or opening quote). */
export function endsMidSentence(s: string): boolean {
  const chars = [...s.trimEnd()];
  const last = chars[chars.length - 1];
  return last !== undefined && CONTINUATION.has(last);
}

/** True when `s` holds clause punctuation — headlines almost never do, body lines almost always. */
export function hasClausePunct(s: string): boolean {
  return /[，。；：！？、,;:!?]/.test(s);
}

/**
 * Body-text spacing: PDF extraction scatters spaces around numbers and between ideographs
 * ("10395 人", "10 395", "各 级 工 会"). A space survives only between two Latin words or a
 * Latin word and a number ("Windows 11"), where it carries meaning.
 */
export function normalizeBodyText(s: string): string {
  const chars = [...normalizeSpaces(s).trim().replace(/ {2,}/g, " ")];
  let out = "";
  chars.forEach((ch, i) => {
    if (ch !== " ") {
      out += ch;
      return;
    }
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const keep = ALNUM.test(prev ?? "") && ALNUM.test(next ?? "") && (isLatin(prev) || isLatin(next));
    if (keep) out += " ";
  });
  return out;
}

/**
 * Headline spacing: the single space between two halves of a Chinese headline is typographic
 * and kept; spaces next to digits/punctuation and letter-spacing ("阅 读 提 示") are removed.
 */
export function normalizeHeadingText(s: string): string {
  let t = normalizeSpaces(s).trim().replace(/ {2,}/g, " ");
  // Letter-spaced runs of three or more single ideographs were set that way, not written so.
  t = t.replace(/(?:\p{Script=Han} ){2,}\p{Script=Han}(?![^ ])/gu, (run) => run.replace(/ /g, ""));
  const chars = [...t];
  let out = "";
  chars.forEach((ch, i) => {
    if (ch !== " ") {
      out += ch;
      return;
    }
    const prev = chars[i - 1] ?? "";
    const next = chars[i + 1] ?? "";
    const word = (c: string) => isHan(c) || isLatin(c) || /[“‘《（"]/.test(c) || /[”’》）"]/.test(c);
    if (word(prev) && word(next) && !(isDigit(prev) || isDigit(next))) out += " ";
  });
  return out;
}

/**
 * Joins two lines of the same paragraph: a column break between ideographs, digits or
 * punctuation is not a space; only two Latin words keep one.
 */
export function joinLines(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  const space = isLatin(left[left.length - 1]) && isLatin(right[0]);
  return left + (space ? " " : "") + right;
}

/** Distinct CJK character bigrams of `s` — a cheap, segmenter-free lexical fingerprint. */
export function hanBigrams(s: string): Set<string> {
  const out = new Set<string>();
  // Each character is classified once (the pair test asked isHan twice per character).
  let previous = "";
  let previousHan = false;
  for (const char of s) {
    const han = isHan(char);
    if (han && previousHan) out.add(previous + char);
    previous = char;
    previousHan = han;
  }
  return out;
}


/** Count of `probe`'s bigrams found in `text`. */
export function overlapCount(probe: Set<string>, text: Set<string>): number {
  let hit = 0;
  for (const g of probe) if (text.has(g)) hit++;
  return hit;
}
