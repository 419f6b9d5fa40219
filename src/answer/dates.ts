/**
 * Dates a question names, absolute or relative to "today": 2024年11月, in November 2024, 今年,
 * this year, 去年12月, last November. An answer must come from an article of that year (and month).
 */
export interface AskedDate {
  year: number;
  /** 1–12 when the question names a month. */
  month?: number;
  /** Said relative to today (今年, last year, this month): resolved against the injected "today". */
  relative: boolean;
  /** The words that said it, to drop from the concepts. */
  text: string;
  /** A winter season spanning `year`—`year + 1` (this season, 本雪季): pages name it "2024—2025冰雪季". */
  season?: boolean;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_WORD = `(${MONTHS.join("|")})`;
const RELATIVE_YEAR: [RegExp, number][] = [
  [/今年|本年|this year|so far this year/i, 0],
  [/去年|last year|previous year/i, -1],
  [/前年|the year before last/i, -2],
];

/** Months said relative to today: the pattern, then how many days and months back the month is. */
const RELATIVE_MONTH: [RegExp, number, number][] = [
  [/本月|这个月|这月|this month/gi, 0, 0],
  [/上个?月|last month|previous month/gi, 0, 1],
  [/本周|这周|这个星期|this week/gi, 0, 0],
  [/上周|上个?星期|last week/gi, 7, 0],
];

/** Dates asked about in the question, relative ones resolved against `today`. */
export function askedDates(question: string, today: Date): AskedDate[] {
  const out: AskedDate[] = [];
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth() + 1;
  let rest = question;
  const take = (re: RegExp, make: (match: RegExpExecArray) => AskedDate | null) => {
    for (let match = re.exec(rest); match; match = re.exec(rest)) {
      const date = make(match);
      if (date) out.push(date);
      rest = rest.slice(0, match.index) + " ".repeat(match[0].length) + rest.slice(match.index + match[0].length);
      re.lastIndex = 0;
    }
  };
  take(/(\d{4})年(\d{1,2})月/g, (x) => ({ year: +x[1]!, month: +x[2]!, relative: false, text: x[0] }));
  take(new RegExp(`${MONTH_WORD},?\\s+(\\d{4})`, "gi"), (x) => ({ year: +x[2]!, month: MONTHS.indexOf(x[1]!.toLowerCase()) + 1, relative: false, text: x[0] }));
  take(/(去年|今年)(\d{1,2})月/g, (x) => ({ year: y + (x[1] === "去年" ? -1 : 0), month: +x[2]!, relative: true, text: x[0] }));
  take(new RegExp(`last\\s+${MONTH_WORD}`, "gi"), (x) => {
    const month = MONTHS.indexOf(x[1]!.toLowerCase()) + 1;
    return { year: month < m ? y : y - 1, month, relative: true, text: x[0] };
  });
  take(/(?<!\d)((?:19|20)\d{2})(?!\d)/g, (x) => ({ year: +x[1]!, relative: false, text: x[0] }));
  // This month, last month, this week, last week: the month they fall in (a week that began in the
  // previous month is read as that month's).
  for (const [re, daysBack, monthsBack] of RELATIVE_MONTH) {
    take(re, (x) => {
      const day = new Date(Date.UTC(y, m - 1 - monthsBack, today.getUTCDate() - daysBack));
      return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, relative: true, text: x[0] };
    });
  }
  // Winter seasons span two years: in December 2025 "this season" is 2025—2026, in March 2026 too.
  take(/this (?:ski |winter |snow )?season|本(?:冰)?雪季|这个(?:冰)?雪季|本冰雪季|今冬/gi, (x) => ({ year: m >= 7 ? y : y - 1, relative: true, season: true, text: x[0] }));
  for (const [re, delta] of RELATIVE_YEAR) {
    const match = re.exec(rest);
    if (match && !out.some((d) => d.relative)) out.push({ year: y + delta, relative: true, text: match[0] });
  }
  return out;
}

/**
 * Whether an article can answer for the asked date: its issue date is in that year (and month),
 * or, for an undated page, its text names the year (and month).
 */
export function fitsDate(asked: AskedDate, articleDate: string | null, text: string): boolean {
  if (asked.season) return fitsSeason(asked.year, articleDate, text);
  if (articleDate) {
    const [year, month] = articleDate.split("-").map(Number);
    if (year === asked.year && (!asked.month || month === asked.month)) return true;
    // A page can report on an earlier period it names (2024年1—11月 in a December issue).
    return text.includes(`${asked.year}年${asked.month ? `${asked.month}月` : ""}`) || (!asked.month && text.includes(`${asked.year}`));
  }
  // An undated page answers for a date, relative or not, only where its text names that date.
  return asked.month ? namesDate(text, asked) : text.includes(String(asked.year));
}

/** The text names the asked year, and the asked month of it if any (2025年1—11月 names November). */
export function namesDate(text: string, date: AskedDate): boolean {
  if (!date.month) return text.includes(`${date.year}年`);
  const key = `${date.year}-${date.month}`;
  let pattern = MONTH_NAMED.get(key);
  if (!pattern) MONTH_NAMED.set(key, (pattern = new RegExp(`${date.year}年[^。；;]{0,6}?(?<!\\d)${date.month}月`)));
  return pattern.test(text);
}

/** Words that give a sentence a span of years of its own (近年来, 五年来, 多年来): no one year is in force there. */
const SPAN_OF_YEARS = /近年来|近几年|近些年|多年来|[一二三四五六七八九十两几\d]+年来|历年/u;

/**
 * The years each sentence speaks of: those it names (2018年, 2024—2025冰雪季), else the last ones
 * named before it in the article or its heading (昌吉州总工会2024年工作综述 … 新建工会组织631家); none
 * ([]) for a span of years (近年来); null where nothing is named yet (the page's text then dates it).
 * A page naming a year somewhere does not date its every sentence: 近年来…救助总金额195万元, after
 * 2018年“两节”期间…, is not that year's.
 */
export function yearsInForce(heading: string, sentences: readonly { text: string }[]): (number[] | null)[] {
  const headed = yearsNamed(heading);
  let years: number[] | null = headed.length ? headed : null;
  return sentences.map(({ text }) => {
    if (SPAN_OF_YEARS.test(text)) return (years = []);
    const own = yearsNamed(text);
    if (own.length) years = own;
    return years;
  });
}

/** monthInForce runs per sentence: one compiled pattern per month, as namesDate keeps its own. */
const MONTH_AS_DATE: RegExp[] = [];

/**
 * On an undated page, whether sentence `i` is of the month asked (December 2024): it or a sentence
 * beside it names the month as a date (12月1日，…开板), and the asked year is in force there
 * (2024—2025冰雪季，…当日共接待1700余名).
 */
export function monthInForce(sentences: readonly { text: string }[], inForce: readonly (number[] | null)[], i: number, date: AskedDate): boolean {
  if (!date.month || !(inForce[i] ?? []).includes(date.year)) return false;
  const month = (MONTH_AS_DATE[date.month - 1] ??= new RegExp(`(?<![\\d.])${date.month}月(?:\\d|[上中下]旬|[初底末])`, "u"));
  return [i - 1, i, i + 1].some((k) => month.test(sentences[k]?.text ?? ""));
}

/** The years a text names as years: 2018年, 2018 年, both ends of 2024—2025 (冰雪季). */
function yearsNamed(text: string): number[] {
  const years: number[] = [];
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?:\s*[—–-]\s*((?:19|20)\d{2}))?(?=\s*年|\s*[—–-]|(?<=\d{4}\s*[—–-]\s*\d{4}))/gu)) {
    years.push(Number(m[1]));
    if (m[2]) years.push(Number(m[2]));
  }
  return years;
}

/** namesDate runs per sentence: one compiled pattern per asked month. */
const MONTH_NAMED = new Map<string, RegExp>();

/**
 * A season fits a page issued during it (July of its first year to June of the next), or a page
 * that names it; an undated page that names another season (2024—2025冰雪季) does not fit.
 */
function fitsSeason(start: number, articleDate: string | null, text: string): boolean {
  const named = [...text.matchAll(/((?:19|20)\d{2})\s*[—–-]\s*((?:19|20)\d{2})\s*(?:年)?\s*(?:冰雪季|雪季|冬季|赛季|季)/g)].map((m) => Number(m[1]));
  if (named.includes(start)) return true;
  if (articleDate) {
    const [year, month] = articleDate.split("-").map(Number);
    return (year === start && month! >= 7) || (year === start + 1 && month! < 7);
  }
  return named.length === 0;
}

/**
 * The relative period a question asks about (今年, this month, this season) that begins after the
 * newest issue in the archive: no page can report on it yet. Null when every asked period has begun.
 */
export function periodBeyond(dates: AskedDate[], newestIssue: string): AskedDate | null {
  const [year, month] = newestIssue.split("-").map(Number) as [number, number];
  const startMonth = (d: AskedDate) => (d.season ? 7 : (d.month ?? 1));
  return dates.find((d) => d.relative && (d.year > year || (d.year === year && startMonth(d) > month))) ?? null;
}

/** How a reply names an asked period: 2027 / 2027年, February 2027 / 2027年2月, the 2027—2028 season. */
export function periodName(date: AskedDate, lang: "zh" | "en"): string {
  if (date.season) return lang === "zh" ? `${date.year}—${date.year + 1}雪季` : `the ${date.year}–${date.year + 1} season`;
  if (!date.month) return lang === "zh" ? `${date.year}年` : String(date.year);
  return lang === "zh" ? `${date.year}年${date.month}月` : `${MONTHS[date.month - 1]!.replace(/^./, (c) => c.toUpperCase())} ${date.year}`;
}
