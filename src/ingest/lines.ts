import { repairDoubled } from "./doubled.js";
import { furnitureReason, readMasthead, type PageMeta } from "./furniture.js";
import {
  endsMidSentence,
  endsSentence,
  hanCount,
  hasClausePunct,
  normalizeSpaces,
  visualWidth,
} from "./text.js";

/**
 * Step one of cleaning: read the page line by line, drop furniture, repair doubled glyphs and
 * decide what each surviving line is. Joining lines into paragraphs happens in `clean.ts`.
 */

/** What a kept line is: a heading, a byline, a lone photo credit, or body/caption text. */
export type LineKind = "heading" | "byline" | "credit" | "text";

/** One kept line of a page, classified, with the widths the paragraph joiner needs. */
export interface Line {
  text: string;
  kind: LineKind;
  /** Markdown heading level when the page marked the line up with #. */
  level?: number;
  /** Set in display type: marked up, or repaired from doubled outline-font glyphs. */
  display: boolean;
  /** Blank lines between this line and the previous kept one. */
  blanksBefore: number;
  width: number;
  /** Typical line width around this line — the column it was set in. */
  column: number;
}

/** A page after line classification, before lines are joined into blocks. */
export interface PageLines {
  lines: Line[];
  meta: PageMeta;
  masthead: string[];
  dropped: string[];
  /** Long lines (one paragraph per line) rather than a narrow newspaper column. */
  flow: boolean;
  /** Blank lines mark paragraph/heading breaks (false when every line is followed by one). */
  blanksMeaningful: boolean;
}

/** `□本报记者 杨鹤`, `□王昱晔`, `本报记者 吴铎思`, `□本报通讯员 田栋 高翔`. */
const BYLINE = [
  /^□\s*[^□\s][^，。；！？,;!?]{0,30}$/u,
  /^(?:本报)?(?:特约)?(?:记者|通讯员)\s*[\p{Script=Han}·]{2,8}(?:[\s、]+[\p{Script=Han}·]{2,8})*$/u,
];
/**
 * A byline set in heading type (as large as the headline on some e-paper pages): stricter than
 * BYLINE, since a headline may start with 记者 (记者节特别报道): it must open with 本报 or □, or
 * set its names apart with a space or 、.
 */
const BYLINE_IN_HEADING =
  /^(?:□\s*)?(?:本报)?(?:特约)?(?:记者|通讯员)\s*[\p{Script=Han}·]{2,4}(?:[\s、]+(?:(?:本报)?(?:记者|通讯员)\s*)?[\p{Script=Han}·]{2,4})*(?:\s*报道)?$/u;

/** True when a line is a byline (本报记者 李文, □王昱晔, 通讯员 田栋 报道), in body or in heading type. */
export function isByline(text: string, inHeading = false): boolean {
  const t = text.trim();
  if (inHeading) return BYLINE_IN_HEADING.test(t) && /^(?:□|本报)|[\s、]/u.test(t);
  return BYLINE.some((re) => re.test(t)) && !endsWithCredit(t);
}

/** A photographer credit on its own line: `□本报记者 许 乐摄`, `马小峰 摄`. */
export const CREDIT_ONLY =
  /^(?:□\s*)?(?:(?:本报)?(?:特约)?(?:记者|通讯员)\s*)?[\p{Script=Han}·]{1,12}(?:\s+[\p{Script=Han}·]{1,6})*\s*摄$/u;
/** A caption that ends in a credit: `…在乌鲁木齐召开。 刘安 摄`, `…车间。□吕振江摄`. */
const ENDS_WITH_CREDIT =
  /(?:^|[。！？”\s□])\s*(?:□\s*)?(?:(?:本报)?(?:记者|通讯员)\s*)?[\p{Script=Han}·]{2,12}(?:\s[\p{Script=Han}·]{1,4})?\s*摄$/u;

const MARKDOWN = /^(#{1,6})\s+(.*)$/;
const BRACKETED = /^[（(].*[）)]$/;

/** True when a line is a credit or ends in one — a caption, never continued by the next line. */
export function endsWithCredit(s: string): boolean {
  return ENDS_WITH_CREDIT.test(s.trim());
}

/** A wire dateline closing an article: `（新华社北京12月2日电）`. */
export function isDateline(s: string): boolean {
  return /^[（(][^（）()]{2,30}电[）)]$/u.test(s.trim());
}

/** True when nothing on the next line can continue `s`: a sentence end, a credit, a dateline. */
function endsParagraph(s: string): boolean {
  return endsSentence(s) || endsWithCredit(s) || isDateline(s);
}

interface RawLine {
  text: string;
  level?: number;
  display: boolean;
  blanksBefore: number;
}

function readLines(raw: string): { kept: RawLine[]; meta: PageMeta; masthead: string[]; dropped: string[] } {
  const all = raw.replace(/\r\n?/g, "\n").split("\n").map(normalizeSpaces);
  const { meta, consumed, kept: masthead } = readMasthead(all);
  const dropped = all.slice(0, consumed).map((l) => l.trim()).filter((l) => l && !masthead.includes(l.replace(/^#+\s*/, "")));
  const kept: RawLine[] = [];
  let blanks = 0;
  let carried = 0;
  for (const line of all.slice(consumed)) {
    let text = line.trim();
    if (!text) {
      blanks++;
      continue;
    }
    let level: number | undefined;
    const md = text.match(MARKDOWN);
    if (md) {
      level = md[1]!.length;
      text = md[2]!.trim();
    }
    // Dropped lines are transparent: they neither split nor join what is around them.
    if (furnitureReason(text)) {
      dropped.push(text);
      carried = Math.max(carried, blanks);
      blanks = 0;
      continue;
    }
    const repaired = repairDoubled(text);
    const blanksBefore = Math.max(carried, blanks);
    kept.push({ text: repaired ?? text, level, display: level !== undefined || repaired !== null, blanksBefore });
    blanks = 0;
    carried = 0;
  }
  return { kept, meta, masthead, dropped };
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  // Nearest-rank percentile; p = 0.5 is the (upper) median.
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Local column width: a high percentile of up to eight unmarked neighbours' widths, so the short
 * last lines of paragraphs and headings do not drag the estimate down.
 */
function columnWidths(lines: RawLine[], widths: number[]): number[] {
  return lines.map((_, i) => {
    const near: number[] = [];
    for (let d = 1; d <= 12 && near.length < 8; d++) {
      for (const j of [i - d, i + d]) {
        if (j >= 0 && j < lines.length && lines[j]!.level === undefined && !lines[j]!.display) near.push(widths[j]!);
      }
    }
    return percentile(near, 0.7);
  });
}

/** The blank-delimited block of lines around index `i`. */
function blockAround(lines: RawLine[], i: number): RawLine[] {
  let start = i;
  while (start > 0 && lines[start]!.blanksBefore === 0) start--;
  let end = i + 1;
  while (end < lines.length && lines[end]!.blanksBefore === 0) end++;
  return lines.slice(start, end);
}

const looksTitled = (t: string) => !hasClausePunct(t) && !BRACKETED.test(t);

/**
 * Cleans and classifies every line of a page. Marked-up and doubled-glyph lines are headings.
 * Otherwise a heading never continues a sentence (the previous line must have ended one) and:
 * - long-line pages: a short line (≤ 45 em, ≤ 26 with clause punctuation) that does not end a
 *   sentence or stop mid-clause;
 * - column pages: a line without clause punctuation with ≥ 4 ideographs (or starting ——) that is
 *   alone in its blank-delimited block, or notably narrower than its column (≤ 75 %), or that
 *   directly follows a heading line.
 */
export function classifyLines(raw: string): PageLines {
  const { kept, meta, masthead, dropped } = readLines(raw);
  const widths = kept.map((l) => visualWidth(l.text));
  const flow = percentile(widths, 0.75) > 40;
  const followedByBlank = kept.slice(1).filter((l) => l.blanksBefore > 0).length;
  const blanksMeaningful = kept.length < 2 || followedByBlank / (kept.length - 1) < 0.7;
  const columns = columnWidths(kept, widths);

  const lines: Line[] = [];
  for (let i = 0; i < kept.length; i++) {
    const raw = kept[i]!;
    const t = raw.text;
    const prev = lines[lines.length - 1];
    const afterBreak = !prev || prev.kind !== "text" || endsParagraph(prev.text);
    const width = widths[i]!;
    const column = columns[i]!;
    const base = { text: t, level: raw.level, display: raw.display, blanksBefore: raw.blanksBefore, width, column };

    if (/^\d{1,3}$/.test(t) && afterBreak) {
      dropped.push(t); // a page number between paragraphs
      continue;
    }
    let kind: LineKind = "text";
    // A byline is never a headline, whatever type it is set in.
    const headingType = raw.level !== undefined || raw.display;
    if (headingType && isByline(t, true)) kind = "byline";
    else if (raw.level !== undefined) kind = "heading";
    else if (CREDIT_ONLY.test(t)) kind = "credit";
    else if (isByline(t)) kind = "byline";
    else if (raw.display || (afterBreak && isHeading(kept, i, { t, width, column, flow, blanksMeaningful, prev }))) {
      kind = "heading"; // display type is a heading wherever it falls
    }
    lines.push({ ...base, kind });
  }
  return { lines, meta, masthead, dropped, flow, blanksMeaningful };
}

interface HeadingContext {
  t: string;
  width: number;
  column: number;
  flow: boolean;
  blanksMeaningful: boolean;
  prev: Line | undefined;
}

function isHeading(kept: RawLine[], i: number, c: HeadingContext): boolean {
  const raw = kept[i]!;
  const dash = c.t.startsWith("——");
  if (c.flow) {
    if (BRACKETED.test(c.t) || hanCount(c.t) < 2) return false;
    // Headlines rarely carry clause punctuation; one that does (`一处治理完毕，三处正在施工`) is short.
    const limit = dash ? 70 : hasClausePunct(c.t) ? 26 : 45;
    return c.width <= limit && !endsSentence(c.t) && !endsMidSentence(c.t);
  }
  const adjacentToHeading = c.prev?.kind === "heading" && raw.blanksBefore === 0;
  // A subtitle set right under a display headline may carry a comma, as on long-line pages.
  const subtitle = adjacentToHeading && c.prev?.display && c.width <= 26 && !endsSentence(c.t) && !endsMidSentence(c.t);
  if (subtitle && hanCount(c.t) >= 2) return true;
  if (!looksTitled(c.t)) return false;
  if (adjacentToHeading) return hanCount(c.t) >= 1;
  if (hanCount(c.t) < 4 && !dash) return false;
  if (c.blanksMeaningful && raw.blanksBefore > 0) {
    const block = blockAround(kept, i);
    if (block.every((l) => looksTitled(l.text) || BYLINE.some((re) => re.test(l.text)))) return true;
  }
  return c.width <= 0.75 * c.column;
}
