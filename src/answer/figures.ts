import { jiebaSegmenter, taggedWords, type ChineseSegmenter, type TaggedWord } from "../retrieve/tokenize.js";
import { ADMIN_UNIT } from "./concepts.js";
import { ROLE } from "./roles.js";

/**
 * Finds the figures, dates and amounts a news sentence states, with their positions, so the answer
 * can lead with the one next to the words the reader asked about.
 */
export type FigureKind = "quantity" | "percent" | "date" | "year" | "name" | "place" | "phrase";

export interface Figure {
  /** Verbatim text, e.g. `10395人`, `1.45万人次`, `2027年10月`, `95.88%`. */
  text: string;
  kind: FigureKind;
  start: number;
  end: number;
  /** The numeric value with 万/亿 applied, when it is a plain quantity or percent. */
  value: number | null;
  /** The unit after the number (人, 万吨, 场次…), empty when there is none. */
  unit: string;
  /** Written in Chinese numerals (第二十个, 一年): weaker evidence than digits. */
  spelled?: boolean;
}

// Units as printed in the papers, longest first so 场次 wins over 场 and 人次 over 人. Besides the
// local papers' own: foreign money, metric and imperial measures and the counters general pages use
// (77亿美元 was read as a bare 77亿 and 80公分 as a bare 80).
const UNITS = [
  "平方公里", "平方米", "立方米", "千瓦时", "标准足球场", "人次", "场次", "批次", "余场", "公顷", "公里",
  "千米", "厘米", "毫米", "公分", "公尺", "公斤", "千克", "毫升", "英尺", "英里", "km", "cm", "mm", "kg",
  "美元", "欧元", "港元", "日元", "英镑",
  "小时", "分钟", "个月", "万元", "亿元", "元", "人", "名", "个", "项", "家", "场", "吨", "亩", "米",
  "户", "件", "起", "处", "套", "台", "辆", "头", "只", "副", "条", "栋", "次", "单", "所", "座", "天", "年", "岁",
  "根", "部", "支", "款", "种", "位", "期", "届", "列", "份", "间", "层", "倍", "周", "篇", "门", "张",
  "册", "株", "棵", "颗", "枚", "艘", "架", "首", "集", "克", "升", "秒",
];
const UNIT_PATTERN = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");

const DATE = /(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:[—-]\d{1,2}日)?|\d{1,2}月\d{1,2}日(?:[至—-]\d{1,2}日)?|\d{4}年\d{1,2}[—-]\d{1,2}月|\d{1,2}[—-]\d{1,2}月)/y;
const YEAR = /\d{4}(?:[—-]\d{4})?年(?:底|初|以来)?/y;
const PERCENT = /\d+(?:\.\d+)?%/y;
// 6,476名 and 31,875美元 print thousands with commas: read without them the figure was the 476 after the comma.
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?`;
const QUANTITY = new RegExp(`${NUMBER}(?:余|多)?(?:万|亿|千|百)?(?:余|多)?(?:${UNIT_PATTERN})?`, "y");

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

/** All figures in a text, left to right, dates before quantities where both could match. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    const isDigit = ch >= 48 && ch <= 57;
    const prevIsDigit = i > 0 && /[\d.]/.test(text[i - 1] ?? "");
    // Digits joined to Latin letters are part of a name (POWER6处理器, A-135, MP3), not a count of 处.
    if (isDigit && /[A-Za-z]-?$/.test(text.slice(Math.max(0, i - 2), i))) {
      i += /^[\w.-]*/.exec(text.slice(i))![0].length;
      continue;
    }
    if (isDigit && !prevIsDigit) {
      const figure = matchAt(text, i);
      out.push(figure);
      i = figure.end;
      continue;
    }
    // 数百名, 几十家, 上千人 are vague amounts, not figures.
    const vague = /[数几上成]/.test(text[i - 1] ?? "");
    const spelled = CHINESE_NUMERAL.test(text[i] ?? "") && !CHINESE_NUMERAL.test(text[i - 1] ?? "") && !vague ? matchChineseAt(text, i) : null;
    if (spelled) {
      out.push(spelled);
      i = spelled.end;
      continue;
    }
    i++;
  }
  return joinRanges(text, out);
}

const RANGE_JOIN = /^(?:至|到|~|～|—|－|-)$/;
/** A date or a year: what a when-question asks. */
export const isDate = (f: Figure) => f.kind === "date" || f.kind === "year";

/**
 * A range (50米至1,520米, 5~32公里, 1985年9月至1987年7月) is one figure: either end alone misstates
 * it. The ends must be of one kind and unit (the first may leave the unit to the second: 5~32公里).
 */
function joinRanges(text: string, figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figures) {
    const prev = out[out.length - 1];
    const joined = prev && RANGE_JOIN.test(text.slice(prev.end, f.start)) && (isDate(prev) ? isDate(f) : prev.kind === f.kind || (prev.kind === "quantity" && prev.unit === "" && f.kind === "percent"));
    if (joined && (isDate(f) || prev.unit === "" || prev.unit === f.unit) && !prev.spelled === !f.spelled) {
      out[out.length - 1] = { ...f, kind: prev.kind === "date" ? "date" : f.kind, text: text.slice(prev.start, f.end), start: prev.start, value: null };
    } else out.push(f);
  }
  return out;
}

const CHINESE_NUMERAL = /[第一二三四五六七八九十两百千]/;
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Measures after which 一 is a figure: time spans, age, multiples. */
const ONE_IS_A_FIGURE = /^(年|个月|天|周|小时|分钟|岁|倍)$/;
const CHINESE_QUANTITY = new RegExp(`第?[一二三四五六七八九十两百千]+(?:余|多)?[万亿]?(?:${UNIT_PATTERN})`, "y");

/** Spelled-out quantities with a unit (第二十个, 一年, 两百亿元); a numeral without a unit is a word (一带一路). */
function matchChineseAt(text: string, at: number): Figure | null {
  CHINESE_QUANTITY.lastIndex = at;
  const m = CHINESE_QUANTITY.exec(text);
  if (!m) return null;
  const raw = m[0];
  const digits = raw.replace(/^第/, "").match(/^[一二三四五六七八九十两百千]+/)?.[0] ?? "";
  const unit = raw.slice(raw.indexOf(digits) + digits.length).replace(/^(余|多)/, "");
  const n = parseChineseNumber(digits);
  const value = n === null ? null : n * (MULTIPLIER[unit[0] ?? ""] ?? 1);
  // 一次性, 二十届 (a congress), 一批 are words, not counts.
  // A numeral and measure followed by another (一人一策, 一户一档, 一对一) is a set phrase, not a count.
  if (/^(届|批)/.test(unit) || text[at + raw.length] === "性" || CHINESE_NUMERAL.test(text[at + raw.length] ?? "")) return null;
  // A lone 一 with a measure word is the article "a" (不漏一人, 一项制度), not a count: the CMRC trial
  // contexts spell it 361 times and no count answer is among them. A span of time (为期一年) or a
  // multiple (一倍) is still a figure.
  if (raw === `一${unit}` && !ONE_IS_A_FIGURE.test(unit)) return null;
  return { text: raw, kind: "quantity", start: at, end: at + raw.length, value, unit, spelled: true };
}

/** 二十 → 20, 两百 → 200, 一千二百 → 1200 (enough for the counts newspapers spell out). */
export function parseChineseNumber(digits: string): number | null {
  let total = 0;
  let current = 0;
  for (const ch of digits) {
    if (ch === "十" || ch === "百" || ch === "千") {
      const scale = ch === "十" ? 10 : ch === "百" ? 100 : 1000;
      total += (current || 1) * scale;
      current = 0;
    } else if (CHINESE_DIGITS[ch] !== undefined) current = CHINESE_DIGITS[ch]!;
    else return null;
  }
  return total + current;
}

const ROLE_WORD = new RegExp(ROLE);
const ROLE_END = new RegExp(`(?:${ROLE})$`);
const NAME_AFTER_ROLE = new RegExp(`(?:${ROLE})\\s?([\\p{Script=Han}·]{2,3}?)(?=说|表示|介绍|报道|主持|出席|摄|激动|笑着|坦言|告诉|[，,。、：:“\\s（(]|$)`, "gu");
// A clause that opens with a short name and a speech or chairing verb (李干杰主持会议).
const NAME_BEFORE_VERB = /(?:^|[，。；：:\s])([\p{Script=Han}]{2,3}?)(?=主持|出席|说|表示|介绍|指出|强调)/gu;
const NOT_A_NAME = /人员|干部|群众|同志|大家|我们|他们|她们|记者|代表|负责|专家|领导|委员|职工|居民|会上|会议/;
const NAME_BYLINE = /^[□■]?\s*(?:本报(?:记者|通讯员)|记者|通讯员)?\s*([\p{Script=Han}·]{2,4})$/u;
const PLACE_NAME = /[\p{Script=Han}]{2,8}?(?:自治州|自治县|州|县|市|镇|乡|村|街道|社区|园区|开发区|工业园|街)(?![\p{Script=Han}]{0,1}[长委书])/gu;

// A title ends right before the name: its organisation printed unbroken before it, a deputy's 副, the role.
const TITLE_BEFORE = new RegExp(`([\\p{Script=Han}A-Za-z0-9]*?)(副|常务副)?(${ROLE})\\s?$`, "u");
const ROLE_WORDS = new RegExp(ROLE, "g");

/**
 * The title printed right before a name (副主席 in 副主席谢荣新): its role word (主席), whether it is
 * a deputy's, and the organisation it names before the role, printed unbroken up to the name
 * (兴业银行昌吉分行 in 兴业银行昌吉分行行长韩平; "" for the role alone, 行长韩平); null when no title
 * stands there.
 */
export function titleBefore(text: string, at: number): Title | null {
  const m = TITLE_BEFORE.exec(text.slice(Math.max(0, at - 24), at));
  if (!m) return null;
  // 昌吉州总工会党组书记、副主席谢荣新: titles joined by 、 are all the person's, of the first one's organisation.
  const before = at - m[0].length;
  const chained = !m[1] && text[before - 1] === "、" ? titleBefore(text, before - 1) : null;
  const own = { role: m[3]!, deputy: m[2] !== undefined };
  return { ...own, organisation: m[1] || chained?.organisation || "", all: [...(chained?.all ?? []), own] };
}

/** A title printed before a name: its role word, whether a deputy's, its organisation, and every title of its 、 chain (the person holds them all). */
export interface Title {
  role: string;
  deputy: boolean;
  organisation: string;
  all: { role: string; deputy: boolean }[];
}

/** The role words of the titles table a text names (主席, 行长), and whether a deputy's (副) is asked. */
export function rolesNamed(words: string[]): { roles: string[]; deputy: boolean } {
  const roles = words.flatMap((w) => [...w.matchAll(ROLE_WORDS)].map((m) => m[0]));
  return { roles, deputy: words.some((w) => /副/.test(w)) };
}

/** Person names the text gives next to a title, or a byline's name. */
export function findNames(text: string, segmenter: ChineseSegmenter = jiebaSegmenter()): Figure[] {
  const byline = NAME_BYLINE.exec(text.trim());
  if (byline && /[□■]|记者|通讯员/.test(text)) {
    const name = byline[1]!;
    const start = text.indexOf(name);
    return [{ text: name, kind: "name", start, end: start + name.length, value: null, unit: "" }];
  }
  // A title's run of titles (委员会常委) is no name, nor words after a title that open with an
  // adverb or particle (职工最关心): what follows a title is not always a name.
  const afterRole = [...text.matchAll(NAME_AFTER_ROLE)].filter((m) => !ROLE_WORD.test(m[1]!) && !NOT_A_NAME.test(m[1]!) && !opensWithFunctionWord(m[1]!, segmenter));
  const startsWord = wordStarts(text, segmenter);
  const beforeVerb = afterRole.length ? [] : [...text.matchAll(NAME_BEFORE_VERB)].filter((m) => !NOT_A_NAME.test(m[1]!) && startsWord((m.index ?? 0) + m[0].length));
  const found = [...afterRole, ...beforeVerb].map((m) => {
    const start = (m.index ?? 0) + m[0].length - m[1]!.length;
    return { text: m[1]!, kind: "name" as const, start, end: start + m[1]!.length, value: null, unit: "" };
  });
  return found.length ? found : namesAfterTitleWord(text, segmenter);
}

/**
 * Whether a word of the text starts at an offset (the verb after a name is a word of its own: 科幻小 +
 * 说 is 科幻小说 cut). The text is segmented once, on the first question.
 */
function wordStarts(text: string, segmenter: ChineseSegmenter): (at: number) => boolean {
  let starts: Set<number> | null = null;
  return (at) => !segmenter.tag || (starts ??= new Set(taggedWords(text, segmenter).map((w) => w.start))).has(at);
}

// Parts of speech a name never opens with: adverb, preposition, particle, conjunction, pronoun, verb.
const FUNCTION_TAG = /^(?:d|p|u|c|r|v)/;

function opensWithFunctionWord(name: string, segmenter: ChineseSegmenter): boolean {
  const first = segmenter.tag?.(name)[0];
  return first !== undefined && first.word.length === 1 && FUNCTION_TAG.test(first.tag);
}

/**
 * A title word the segmenter keeps whole (党委书记, 副总经理) followed by one word it does not know
 * or tags as a person (俞国兵, 唐诚): the name, whatever follows it (俞国兵凭借…).
 */
function namesAfterTitleWord(text: string, segmenter: ChineseSegmenter): Figure[] {
  if (!segmenter.tag) return [];
  const tagged = taggedWords(text, segmenter);
  const out: Figure[] = [];
  tagged.forEach(({ word }, i) => {
    const next = tagged[i + 1];
    if (next && ROLE_END.test(word) && /^\p{Script=Han}{2,3}$/u.test(next.word) && /^(?:x|nr)/.test(next.tag) && !ROLE_WORD.test(next.word) && !NOT_A_NAME.test(next.word)) {
      out.push({ text: next.word, kind: "name", start: next.start, end: next.end, value: null, unit: "" });
    }
  });
  return out;
}

/**
 * Place names in the text: the segmenter's place words (ns: 呼图壁县, 石河子市) joined with a
 * following place word or suffix (喇嘛湖梁 + 工业园区). Without tags, a suffix pattern.
 */
export function findPlaces(text: string, segmenter: ChineseSegmenter = jiebaSegmenter()): Figure[] {
  if (!segmenter.tag) {
    return [...text.matchAll(PLACE_NAME)].map((m) => ({ text: m[0], kind: "place" as const, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, value: null, unit: "" }));
  }
  const out: Figure[] = [];
  const tagged = taggedWords(text, segmenter);
  let open: Figure | null = null;
  for (let i = 0; i < tagged.length; i++) {
    const { word, tag, start: at } = tagged[i]!;
    // Words the tagger does not know as a place, between a place and a place word, name part of
    // it (奇台县 + 喇嘛 + 湖梁 + 工业园区): up to 6 characters of them.
    const inner: number = open !== null && open.end === at ? placeWordAfter(tagged, i) : -1;
    const placeLike = tag === "ns" || namedPlace(word, tag) || (open !== null && PLACE_WORD.test(word)) || inner > i || cutFromTown(tagged, i);
    if (!placeLike) {
      open = null;
      continue;
    }
    const last: number = inner > i ? inner : i;
    const joined: string = tagged.slice(i, last + 1).map((t) => t.word).join("");
    if (open && open.end === at) {
      open.text += joined;
      open.end += joined.length;
    } else {
      open = { text: joined, kind: "place", start: at, end: at + joined.length, value: null, unit: "" };
      out.push(open);
    }
    i = last;
  }
  return out;
}

/**
 * A one-character word jieba cut off a town's name (大 | 丰镇 of 大丰镇): the next word is one
 * character and a town, village or township word, right after it. A town's name before 镇 is
 * rarely one character; a content word is, not a preposition, particle or numeral.
 */
function cutFromTown(tagged: readonly TaggedWord[], i: number): boolean {
  const [word, next] = [tagged[i]!, tagged[i + 1]];
  return !!next && next.start === word.end && /^\p{Script=Han}$/u.test(word.word) && /^[anj]/.test(word.tag) && /^\p{Script=Han}[镇乡村]$/u.test(next.word);
}

/** Index of the place word (工业园区) that ends a short run of Han words starting at `from`, or -1. */
function placeWordAfter(tagged: readonly { word: string }[], from: number): number {
  let chars = 0;
  for (let j = from; j < tagged.length && j - from <= 3; j++) {
    const word = tagged[j]!.word;
    if (j > from && PLACE_WORD.test(word)) return j;
    chars += word.length;
    if (!/^\p{Script=Han}+$/u.test(word) || chars > 6) return -1;
  }
  return -1;
}

const PLACE_WORD = /^(自治州|自治县|州|县|市|镇|乡|村|街道|社区|园区|工业园区|工业园|开发区|经济技术开发区|师|团|连|街|路|大道)$/;

/** A word the tagger takes for a person's or other proper name but that ends like a city or county (胡志明市/nr). */
const namedPlace = (word: string, tag: string) => /^(?:nr|nz|x)/.test(tag) && word.length >= 3 && /\p{Script=Han}$/u.test(word) && ADMIN_UNIT.test(word);

function matchAt(text: string, at: number): Figure {
  for (const [kind, re] of [["date", DATE], ["year", YEAR], ["percent", PERCENT]] as const) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) {
      const value = kind === "percent" ? Number.parseFloat(m[0]) : null;
      return { text: m[0], kind, start: at, end: at + m[0].length, value, unit: kind === "percent" ? "%" : "" };
    }
  }
  QUANTITY.lastIndex = at;
  const m = QUANTITY.exec(text) as RegExpExecArray; // always matches at a digit
  const raw = m[0];
  const number = Number.parseFloat(raw.replace(/,/g, ""));
  const multiplier = raw.match(/[万亿千百]/)?.[0];
  const unit = raw.replace(/^[\d,]+(?:\.\d+)?(?:余|多)?/, "").replace(/^[万亿千百](?:余|多)?/, "");
  const value = multiplier ? number * (MULTIPLIER[multiplier] ?? 1) : number;
  return { text: raw, kind: "quantity", start: at, end: at + raw.length, value, unit: (multiplier ?? "") + unit };
}

/** Whether a figure is a bare number with nothing that says what it counts (e.g. a street number). */
export function isBareNumber(figure: Figure): boolean {
  return figure.kind === "quantity" && figure.unit === "" && !/[余多]/.test(figure.text);
}
