/**
 * Page furniture: the masthead block at the top of a front page (which carries the paper, date and
 * issue number) and the lines that repeat on every page (URLs, registration numbers, QR prompts,
 * letter-spaced labels). Patterns are a table so adding a paper's quirk is one line.
 */

/** What the masthead says about the page; null where the page does not say. */
export interface PageMeta {
  paper: string | null;
  /** ISO yyyy-mm-dd, only from the masthead — never guessed from dates in article text. */
  date: string | null;
  /** Issue number as printed, e.g. 总第12482期. */
  page: string | null;
}

/**
 * Lines dropped wherever they appear. `prose: false` rules match words that a story may also use
 * (a site name, 扫码): they drop a line only when it does not read as prose, so a web article's
 * paragraph that mentions `ussoccer.com` or `.NET` is kept while the footer line is not.
 */
const FURNITURE: { why: string; test: RegExp; prose?: false }[] = [
  { why: "url", test: /https?:\/\/|www\.|\.(?:com|cn|net)\b/i, prose: false },
  { why: "registration", test: /国内统一刊号|邮发代号|\bCN\s*\d{2}\s*[—-]\s*\d{4}/ },
  { why: "contact", test: /新闻热线|邮箱|投稿信箱/, prose: false },
  { why: "app / QR", test: /客户端\s*$|扫码|二维码|扫一扫/, prose: false },
  { why: "page count", test: /^今日\s*\d+\s*版$/ },
  { why: "page number", test: /^(?:第\s*\d+\s*版|-\s*\d+\s*-|A?\d{1,2}\s*版)$/ },
  { why: "weekday", test: /^星期[一二三四五六日天]$/ },
  { why: "lunar date", test: /^[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年\S{1,3}月\S{1,3}$/ },
  { why: "latin masthead", test: /^[A-Z][A-Z .]{3,}$/ },
  { why: "label", test: /^(?:阅读提示|本版导读|导读|核心提示)$/ },
  { why: "spaced label", test: /^(?:\p{Script=Han}\s+){2,7}\p{Script=Han}$/u },
];

/** Masthead-only lines: harmless words elsewhere, furniture at the top of a front page. */
const MASTHEAD_FURNITURE = /(?:主管|主办|出版|编辑出版|社长|总编辑)\s*$/;
const PAPER = /^((?:\p{Script=Han}){2,8}(?:日报|晚报|报|时报))$/u;
const YEAR_MONTH = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/;
const DAY = /^(\d{1,2})$/;
const ISSUE = /^(总第\s*\d+\s*期)$/;

/** Why `line` is page furniture, or null when it is content. */
export function furnitureReason(line: string): string | null {
  const t = line.trim().replace(/^□\s*/, "");
  for (const rule of FURNITURE) {
    if (rule.test.test(t) && !(rule.prose === false && readsAsProse(t))) return rule.why;
  }
  return null;
}

/** Longer than a PDF column line and built of clauses: a sentence of a story, not a footer. */
const PROSE_MIN_CHARS = 30;
function readsAsProse(line: string): boolean {
  return line.length >= PROSE_MIN_CHARS && (line.match(/[，。；！？,;!?]/gu)?.length ?? 0) >= 2;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Strips markdown heading marks so masthead lines match whether or not they were marked up. */
const unmark = (line: string) => line.trim().replace(/^#{1,6}\s+/, "");

/**
 * Reads the masthead at the top of the page. Returns the metadata and how many lines it spans;
 * stops at the first line that is neither masthead nor furniture, so an inside page (no
 * masthead) yields nulls and consumes only leading furniture.
 */
export function readMasthead(lines: string[]): { meta: PageMeta; consumed: number; kept: string[] } {
  const meta: PageMeta = { paper: null, date: null, page: null };
  const kept: string[] = [];
  let pendingYm: { y: number; m: number } | null = null;
  let consumed = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = unmark(lines[i]!);
    if (!t) {
      consumed = i + 1;
      continue;
    }
    let m: RegExpMatchArray | null;
    if (!meta.paper && (m = t.match(PAPER))) {
      meta.paper = m[1]!;
      kept.push(t);
    } else if (!meta.date && (m = t.match(YEAR_MONTH))) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      if (m[3]) meta.date = `${y}-${pad(mo)}-${pad(Number(m[3]))}`;
      else pendingYm = { y, m: mo };
      kept.push(t);
    } else if (pendingYm && !meta.date && (m = t.match(DAY))) {
      // The day is printed large on its own line under "2026年4月".
      meta.date = `${pendingYm.y}-${pad(pendingYm.m)}-${pad(Number(m[1]))}`;
      kept.push(t);
    } else if (!meta.page && (m = t.match(ISSUE))) {
      meta.page = m[1]!.replace(/\s+/g, "");
      kept.push(t);
    } else if (!(MASTHEAD_FURNITURE.test(t) || furnitureReason(t))) {
      break;
    }
    consumed = i + 1;
  }
  // A lone "2026年4月" with no paper name is article text, not a masthead.
  if (!meta.paper && !meta.page) return { meta: { paper: null, date: null, page: null }, consumed: leadingFurniture(lines), kept: [] };
  return { meta, consumed, kept };
}

/** Number of leading lines that are blank or furniture. */
function leadingFurniture(lines: string[]): number {
  let i = 0;
  while (i < lines.length && (!lines[i]!.trim() || furnitureReason(unmark(lines[i]!)))) i++;
  return i;
}
