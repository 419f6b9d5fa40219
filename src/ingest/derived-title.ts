import { LEAD } from "./clean.js";
import { visualWidth } from "./text.js";

/**
 * A short stand-in title for an item the page prints no headline for (a photo with a long
 * caption, a brief): the first clause of its first sentence, never the whole caption or lead.
 * A reader sees from the closing "…" that the paper did not print it.
 */

/** Longest derived title before the "…", in em (an ideograph is 1, a Latin letter ½). */
export const DERIVED_TITLE_MAX = 24;
/** Shown after every derived title. */
export const DERIVED_MARK = "…";

/** 本报讯 / 新华社…电 / 据…报道 openings, and a 记者…报道： byline after them. */
const BYLINE_OPENING = /^\s*(?:(?:本报)?(?:特约)?(?:记者|通讯员)[^：:。]{0,40})?报道\s*[：:]\s*/u;
/** A first clause that only sets the time or place (日前，/ 11月4日，/ 位于…厂区，): the news is in the next one. */
const SETTING = /^(?:位于\S+|在\S+(?:上|里|中|内|外|旁|边|现场|一线))$/u;
const TIME_ONLY =
  /^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上中下]午|晚|晚间|凌晨|以来)?|\d{1,2}日|日前|近日|近期|目前|眼下|当前|如今|今年以来|近年来|连日来|昨日|昨天|今天|今日|此前|据悉|据了解|记者了解到)$/u;
/** How far past DERIVED_TITLE_MAX a clause may run to close a bracket it opened (a 《title》). */
const BRACKET_SLACK = 6;
/** Brackets a title is not cut inside: it runs on to the closing one, or stops before the opening one. */
const PAIRS: Record<string, string> = { "《": "》", "“": "”", "（": "）", "(": ")", "「": "」" };
const CLAUSE_END = /[，,；;：:。！？!?]/u;

/** The clauses of `s` up to its first sentence end, split outside brackets and quotes. */
function clausesOf(s: string): string[] {
  const out: string[] = [];
  let current = "";
  const open: string[] = [];
  for (const ch of s) {
    if (open.length && ch === PAIRS[open[open.length - 1]!]) open.pop();
    else if (PAIRS[ch]) open.push(ch);
    else if (!open.length && CLAUSE_END.test(ch)) {
      if (current.trim()) out.push(current.trim());
      current = "";
      if (/[。！？!?]/u.test(ch)) break;
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Fewest em a title cut before a bracket keeps; with less, the bracket's marks are left out instead. */
const BEFORE_BRACKET_MIN = 4;

/**
 * `clause` cut to DERIVED_TITLE_MAX em, never inside a bracket: run on to its close within the
 * slack, else cut before it — or, when that leaves less than BEFORE_BRACKET_MIN em, read without
 * the bracket's two marks — so a derived title never leaves a 《, “ or （ open.
 */
function shorten(clause: string): string {
  if (visualWidth(clause) <= DERIVED_TITLE_MAX) return clause;
  const closed = closeWithin(clause, DERIVED_TITLE_MAX + BRACKET_SLACK);
  if (closed) return closed;
  let kept = "";
  let bracketAt = -1;
  const open: string[] = [];
  for (const ch of clause) {
    if (visualWidth(kept + ch) > DERIVED_TITLE_MAX) break;
    if (open.length && ch === PAIRS[open[open.length - 1]!]) open.pop();
    else if (PAIRS[ch]) {
      if (!open.length) bracketAt = kept.length;
      open.push(ch);
    }
    kept += ch;
  }
  if (open.length) {
    const before = kept.slice(0, bracketAt).trimEnd();
    if (visualWidth(before) >= BEFORE_BRACKET_MIN) return before;
    return shorten(withoutPair(clause, bracketAt));
  }
  // Latin text is cut between words, not inside one.
  const space = kept.lastIndexOf(" ");
  if (/[A-Za-z]$/.test(kept) && /^[A-Za-z]/.test(clause.slice(kept.length)) && space > 0) kept = kept.slice(0, space);
  return kept.trimEnd();
}

/** `clause` without the bracket mark at `at` and the mark that closes it (or to the end, unclosed). */
function withoutPair(clause: string, at: number): string {
  const chars = [...clause.slice(0, at)].length;
  const all = [...clause];
  const close = PAIRS[all[chars]!]!;
  let depth = 0;
  let end = -1;
  for (let i = chars; i < all.length && end < 0; i++) {
    if (all[i] === all[chars]) depth++;
    else if (all[i] === close && --depth === 0) end = i;
  }
  return all.filter((_, i) => i !== chars && i !== end).join("");
}

/** The start of `clause` up to the bracket open at DERIVED_TITLE_MAX em, when it closes within `limit` em. */
function closeWithin(clause: string, limit: number): string | null {
  let kept = "";
  const open: string[] = [];
  let openAtMax = false;
  for (const ch of clause) {
    if (open.length && ch === PAIRS[open[open.length - 1]!]) open.pop();
    else if (PAIRS[ch]) open.push(ch);
    kept += ch;
    const width = visualWidth(kept);
    if (width > limit) return null;
    if (width >= DERIVED_TITLE_MAX && !openAtMax) {
      if (!open.length) return null;
      openAtMax = true;
    }
    if (openAtMax && !open.length) return kept;
  }
  return null;
}

/**
 * The derived title of an article from its body: the first clause of the first sentence after any
 * 本报讯/byline opening, bracketed asides and a time-only opening clause; at most
 * DERIVED_TITLE_MAX em, ending in DERIVED_MARK.
 */
export function derivedTitle(paragraphs: string[]): string {
  const first = (paragraphs[0] ?? "").trim();
  const text = first
    .replace(LEAD, "")
    .replace(BYLINE_OPENING, "")
    .replace(/^\s*[:：]\s*/u, "")
    .replace(/[（(][^（）()]*[）)]/gu, "");
  const clauses = clausesOf(text);
  const setting = (c: string) => TIME_ONLY.test(c.replace(/\s+/g, "")) || SETTING.test(c);
  const clause = clauses.find((c, i) => !(setting(c) && i < clauses.length - 1)) ?? first;
  return `${shorten(clause) || [...first].slice(0, DERIVED_TITLE_MAX).join("")}${DERIVED_MARK}`;
}
