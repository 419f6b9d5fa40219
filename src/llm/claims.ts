import { answerChineseNumbers, sourceChineseNumbers } from "./chinese-numerals.js";

/**
 * The checkable facts in a piece of text: [n] source markers, dates, numbers and quoted Chinese
 * spans. Pure functions, used on both sides of the check: on an LLM answer (what it claims) and on
 * the cited passages (what the sources say). Normalisation lets an English "10,395" or "14,500" meet
 * the Chinese "10395" or "1.45万", and "April 2026" meet "2026年4月22日".
 */

export interface DateClaim {
  /** As written, e.g. `2026年4月22日`, `October 2027`, `2026-04-22`. */
  text: string;
  year: number | null;
  month: number | null;
  day: number | null;
}

export interface NumberClaim {
  /** As written, e.g. `10,395`, `1.45万`, `4 billion`. */
  text: string;
  /** Canonical value with 万/亿/million… applied, as a digit string: `10395`, `14500`, `4000000000`. */
  value: string;
}

// [1], [1,2], [1、2], [1-3], 【1】, ［1］ (full-width brackets are NFKC-folded to [ ] first).
const MARKER = /[[【]\s*(\d+(?:\s*[,，、\-–]\s*\d+)*)\s*[\]】]/g;

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
// Capitalised only, so the verb "may" or "march" is never read as a month.
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
const ORD = "(?:st|nd|rd|th)?";

type DateReader = { re: RegExp; read: (m: RegExpExecArray) => [year?: string, month?: string, day?: string] };

/** Most specific first; each match is blanked so a later, looser pattern cannot read it again. */
const DATE_READERS: DateReader[] = [
  { re: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/g, read: (m) => [m[1], m[2], m[3]] },
  { re: /(?<!\d)(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?(?!\d)/g, read: (m) => [m[1], m[2], m[3]] },
  { re: new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, "g"), read: (m) => [m[3], m[2], m[1]] },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORD}(?!\\d)(?:,?\\s+(\\d{4}))?\\b`, "g"), read: (m) => [m[3], m[1], m[2]] },
  { re: new RegExp(`\\b${MONTH}(?:\\s+of)?,?\\s+(\\d{4})\\b`, "g"), read: (m) => [m[2], m[1], undefined] },
  // A bare month name, except May, which starts too many English sentences to mean a month.
  { re: /\b(January|February|March|April|June|July|August|September|October|November|December)\b/g, read: (m) => [undefined, m[1], undefined] },
];

// 10,395 (grouped thousands) or 10395, optional decimals, then a Chinese or English scale.
const NUMBER =
  /(?<![\d.])(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(\.\d+)?(?:\s*(?:余|多)?\s*(万亿|亿|万|千(?![瓦米克])))?(?:\s+(thousand|million|billion|trillion)\b)?/g;
// The same, but reading "12,345" as two numbers: the seeds print Chinese commas as ASCII ",".
const PLAIN_NUMBER = /(?<![\d.])(\d+)(\.\d+)?(?:\s*(?:余|多)?\s*(万亿|亿|万|千(?![瓦米克])))?/g;

const SCALE: Record<string, number> = {
  千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

const QUOTES = [/“([^”]*)”/g, /「([^」]*)」/g, /『([^』]*)』/g, /《([^》]*)》/g, /"([^"\n]*)"/g];
const HAN = /\p{Script=Han}/u;

/**
 * NFKC folds full-width digits, brackets and punctuation (１０３９５，［１］) to their ASCII forms.
 * Superscripts go first: they are units and footnotes (m², km³), and NFKC would make them digits.
 */
export function normalise(text: string): string {
  return text.replace(/[\u00b2\u00b3\u00b9\u2070-\u2079]/g, "").normalize("NFKC");
}

/** Source numbers cited with [n], in order of appearance (ranges like [1-3] expanded). */
export function findMarkers(text: string): number[] {
  const out: number[] = [];
  for (const m of normalise(text).matchAll(MARKER)) {
    for (const part of (m[1] ?? "").split(/\s*[,，、]\s*/)) {
      const [from, to] = part.split(/\s*[-–]\s*/).map(Number);
      if (from === undefined) continue;
      for (let n = from; n <= (to ?? from) && n - from < 50; n++) out.push(n);
    }
  }
  return out;
}

/** The text with [n] markers removed, so their digits are not read as figures. */
export function withoutMarkers(text: string): string {
  return normalise(text).replace(MARKER, "");
}

/** Dates with whatever of year, month and day they state; returns the text with them blanked. */
export function extractDates(text: string): { dates: DateClaim[]; rest: string } {
  const dates: DateClaim[] = [];
  // A month range names both months: 1—11月 → 1月—11月.
  let rest = text.replace(/(?<!\d)(\d{1,2})\s*([—–~～至到-])\s*(\d{1,2})\s*月/g, "$1月$2$3月");
  for (const { re, read } of DATE_READERS) {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const [y, mo, d] = read(m);
      const month = mo === undefined ? null : /^\d+$/.test(mo) ? Number(mo) : (MONTHS[mo.replace(".", "").toLowerCase()] ?? null);
      const day = d === undefined ? null : Number(d);
      if (month === null || month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return m[0];
      dates.push({ text: m[0], year: y === undefined ? null : Number(y), month, day });
      return " ";
    });
  }
  return { dates, rest };
}

/** Numbers as canonical digit strings, 万/亿/thousand/million applied and thousands commas dropped. */
export function extractNumbers(text: string, pattern: RegExp = NUMBER): NumberClaim[] {
  const out: NumberClaim[] = [];
  for (const m of text.matchAll(pattern)) {
    const digits = (m[1] ?? "").replace(/,/g, "") + (m[2] ?? "");
    const scale = (m[3] ? SCALE[m[3]] : 1) ?? 1;
    const words = (m[4] ? SCALE[m[4]] : 1) ?? 1;
    out.push({ text: m[0].trim(), value: canonical(Number(digits) * scale * words) });
  }
  return out;
}

/**
 * Every reading of the numbers in a source text: grouped ("10,395") and list-like ("12", "345"),
 * with and without their scale ("8.2 万" is 82000, and 8.2 as printed), and in Chinese numerals.
 * Generous on purpose: a reading here only allows what the source prints.
 */
export function sourceNumbers(text: string): Set<string> {
  const t = normalise(text);
  const values = [...extractNumbers(t), ...extractNumbers(t, PLAIN_NUMBER)].map((n) => n.value);
  const printed = [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => canonical(Number(m[0])));
  return new Set([...values, ...printed, ...sourceChineseNumbers(t).map(canonical)]);
}

/** Figures an answer states, in Arabic digits or in Chinese numerals with a measure word (十余台). */
export function answerNumbers(text: string): NumberClaim[] {
  return [...extractNumbers(text), ...answerChineseNumbers(text).map((n) => ({ text: n.text, value: canonical(n.value) }))];
}

/** Quoted spans containing Chinese characters (“…”, 「…」, 『…』, 《…》, "…"), markers removed. */
export function extractQuotes(text: string): string[] {
  const t = withoutMarkers(text);
  return QUOTES.flatMap((re) => [...t.matchAll(re)].map((m) => m[1] ?? "")).filter((q) => HAN.test(q));
}

/** For verbatim comparison: width-folded, without whitespace, so "，" meets "," and line breaks vanish. */
export function compact(text: string): string {
  return normalise(text).replace(/\s+/g, "");
}

// Twelve significant digits absorb float noise (1.45 × 1e4 = 14499.999999999998) without merging real figures.
function canonical(value: number): string {
  return String(Number(value.toPrecision(12)));
}
