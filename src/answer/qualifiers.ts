/**
 * Qualifiers a question can name that pick one value among several of the same article (第二批,
 * 重大, 高级, 女职工, 全国, 一等奖): one table, one row per kind. The binding (binding.ts) requires a
 * value's clause to hold every qualifier asked, and its list item to name no other of the same kind.
 */

/** Qualifiers a question can name that pick one value among several of the same article. One row per kind. */
interface QualifierRow {
  /** What the row is (documentation and tests). */
  kind: string;
  zh: RegExp;
  en: RegExp;
  /** The spellings a sentence must hold, from the question's match. */
  forms: (match: RegExpExecArray, lang: "zh" | "en") => string[];
  /**
   * Where a value's sentence must hold it: beside the value (the default: 其中*重大*隐患12项), or
   * anywhere in the sentence — a body named once for all its figures (兵团*第十三师*…职工子女…4928元).
   */
  within?: "sentence";
}

const ORDINAL_EN = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const ORDINAL_ZH = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const SERIES_EN: Record<string, string> = { batch: "批", batches: "批", phase: "期", stage: "期", session: "届", edition: "届", round: "轮" };

/** A number as the papers write an ordinal in Chinese: 四, 十三, 二十一. */
function zhNumber(n: number): string {
  if (n <= 10) return ORDINAL_ZH[n - 1] ?? String(n);
  if (n < 20) return `十${ORDINAL_ZH[n - 11]}`;
  return n < 100 ? `${ORDINAL_ZH[Math.floor(n / 10) - 1]}十${n % 10 ? ORDINAL_ZH[(n % 10) - 1] : ""}` : String(n);
}
/** The value of a Chinese ordinal number (四 → 4, 十三 → 13), or NaN. */
function fromZhNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (ch: string | undefined) => (ch ? ORDINAL_ZH.indexOf(ch) + 1 : 0);
  const at = text.indexOf("十");
  if (at < 0) return text.length === 1 ? digit(text) || NaN : NaN;
  return (at === 0 ? 1 : digit(text[at - 1])) * 10 + digit(text[at + 1]);
}
/** 第四师 ↔ 第4师: the spellings of a division or regiment of the Corps by its ordinal. */
const unitForms = (n: number, unit: string) => [`第${zhNumber(n)}${unit}`, `第${n}${unit}`];

/** 第二批 ↔ 第2批, 二期, 第一批 ↔ 首批: the spellings of one ordinal of a series. */
function ordinalForms(n: number, series: string): string[] {
  const zh = ORDINAL_ZH[n - 1] ?? String(n);
  const forms = [`第${zh}${series}`, `第${n}${series}`, ...(n === 1 ? [`首${series}`] : [])];
  return series === "期" ? [...forms, `${zh}期`, `${n}期`] : forms;
}

/** A sex as the papers spell it beside a count (女职工, 妇女, 巾帼): never a bare 女 or 男. */
const SEX_FORMS = { female: ["女性", "女职工", "女工", "妇女", "女子", "女士", "女干部", "女农民工", "巾帼"], male: ["男性", "男子", "男职工", "男士"] };

/** A level as the papers spell it: 全国 or 国家级; a region's with or without 级. */
const LEVEL_FORMS: Record<string, string[]> = { 全国: ["全国", "国家级"], 国家级: ["全国", "国家级"], 自治区级: ["自治区级", "自治区"], 乡镇级: ["乡镇级", "乡镇"] };
const LEVEL_EN: Record<string, string> = { region: "自治区级", regional: "自治区级", prefecture: "州级", county: "县级", city: "市级", township: "乡镇级", village: "村级", bingtuan: "兵团级", xpcc: "兵团级" };

export const QUALIFIERS: QualifierRow[] = [
  {
    kind: "the ordinal of a batch, phase, session or round",
    zh: /第([一二三四五六七八九十\d]+)(批|期|届|轮)|([一二三四五六七八九十])期(?=工程|项目)|首(批|期|届|轮)/,
    en: new RegExp(`\\b(${ORDINAL_EN.join("|")})\\s+(${Object.keys(SERIES_EN).join("|")})\\b|\\b(phase|stage)\\s+(\\d+|i{1,3}|one|two|three)\\b`, "i"),
    forms: (m, lang) => {
      if (lang === "zh") {
        if (m[4]) return ordinalForms(1, m[4]);
        const raw = m[1] ?? m[3]!;
        const n = /\d/.test(raw) ? Number(raw) : ORDINAL_ZH.indexOf(raw) + 1;
        return ordinalForms(n, m[2] ?? "期");
      }
      if (m[1]) return ordinalForms(ORDINAL_EN.indexOf(m[1].toLowerCase()) + 1, SERIES_EN[m[2]!.toLowerCase()]!);
      const word = m[4]!.toLowerCase();
      const n = /\d/.test(word) ? Number(word) : ({ i: 1, ii: 2, iii: 3, one: 1, two: 2, three: 3 } as Record<string, number>)[word]!;
      return ordinalForms(n, "期");
    },
  },
  { kind: "severity", zh: /重大|较大/, en: /\b(major|serious)\b/i, forms: (m, lang) => [lang === "zh" ? m[0] : m[0].toLowerCase() === "major" ? "重大" : "较大"] },
  { kind: "level", zh: /高级|中级|初级/, en: /\b(advanced|intermediate|beginners?)\b/i, forms: (m, lang) => [lang === "zh" ? m[0] : ({ advanced: "高级", intermediate: "中级" } as Record<string, string>)[m[0].toLowerCase()] ?? "初级"] },
  {
    kind: "the level of an award, a title or a body (全国 against 自治区级, village-level)",
    zh: /全国|国家级|自治区级|省级|兵团级|州级|县级|市级|乡镇级|村级/,
    en: /\bnational-level\b|\bnational\b(?! [A-Z])|\b([Rr]egion|[Rr]egional|[Pp]refecture|[Cc]ounty|[Cc]ity|[Tt]ownship|[Vv]illage|[Bb]ingtuan|XPCC)-level\b/,
    forms: (m, lang) => {
      const level = lang === "zh" ? m[0] : m[1] ? LEVEL_EN[m[1].toLowerCase()]! : "全国";
      return LEVEL_FORMS[level] ?? [level];
    },
  },
  {
    kind: "the rank of a prize",
    zh: /[一二三特]等奖/,
    en: /\b(first|second|third|top|grand)[- ]prizes?\b/i,
    forms: (m, lang) => [lang === "zh" ? m[0] : `${({ first: "一", second: "二", third: "三" } as Record<string, string>)[m[1]!.toLowerCase()] ?? "特"}等奖`],
  },
  {
    kind: "a grade (一级标准化, Level 1, second-class)",
    zh: /[一二三四五]级/,
    en: /\b(?:level|grade|class|tier)[- ]?([1-5]|one|two|three|i{1,3})\b|\b(first|second|third)[- ](?:level|grade|class|tier)\b/i,
    forms: (m, lang) => {
      if (lang === "zh") return [m[0]];
      const word = (m[1] ?? m[2]!).toLowerCase();
      const n = /\d/.test(word) ? Number(word) : ({ one: 1, two: 2, three: 3, i: 1, ii: 2, iii: 3, first: 1, second: 2, third: 3 } as Record<string, number>)[word]!;
      return [`${ORDINAL_ZH[n - 1]}级`];
    },
  },
  {
    kind: "a division or regiment of the Corps by its ordinal (第四师, 4th Division)",
    zh: /第([一二三四五六七八九十]{1,3}|\d{1,2})(师|团)(?![范生长部])/,
    en: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${ORDINAL_EN.join("|")}))\\s+(division|regiment)\\b`, "i"),
    forms: (m, lang) => {
      if (lang === "zh") return unitForms(fromZhNumber(m[1]!), m[2]!);
      const n = m[1] ? Number(m[1]) : ORDINAL_EN.indexOf(m[2]!.toLowerCase()) + 1;
      return unitForms(n, m[3]!.toLowerCase() === "division" ? "师" : "团");
    },
    within: "sentence",
  },
  // A contest's stages: an audition's date or place is not the final's. English "final" only as the
  // stage (the final of…, reached the finals), never the adjective (the final cost).
  {
    kind: "the stage of a contest (海选, 初赛, 半决赛, 决赛)",
    zh: /海选|初赛|预赛|复赛|半决赛|总决赛|决赛/,
    en: /\bauditions?\b|\bpreliminar(?:y|ies)(?: rounds?)?\b|\bsemi-?finals?\b|\b(?:the|a|its|their) (?:grand )?finals?(?: rounds?)?(?=\s*(?:of|in|on|at|for|held|take|took|be|was|is|will|\?|,|\.|$))/i,
    forms: (m, lang) => {
      if (lang === "zh") return m[0] === "决赛" || m[0] === "总决赛" ? ["决赛"] : [m[0]];
      const stage = m[0].toLowerCase();
      return /^audition/.test(stage) ? ["海选"] : /^preliminar/.test(stage) ? ["初赛", "预赛", "海选"] : /^semi/.test(stage) ? ["半决赛"] : ["决赛"];
    },
  },
  // Spelled out: a bare 女 is also the 女 of 子女 (children), a bare 男 that of 男女 (both).
  { kind: "sex", zh: /女性|女职工|女工|妇女|男性/, en: /\b(female|women|woman|male|men)\b/i, forms: (m) => (/^(女|妇|female|wom)/i.test(m[0]) ? SEX_FORMS.female : SEX_FORMS.male) },
];

/** The qualifiers a question names, each as the spellings a sentence must hold (any one of them). */
export function questionQualifiers(question: string, lang: "zh" | "en"): string[][] {
  const out: string[][] = [];
  for (const row of QUALIFIERS) {
    const match = (lang === "zh" ? row.zh : row.en).exec(question);
    if (match) out.push(row.forms(match, lang));
  }
  return out;
}

/** Whether a word is itself a qualifier (national, 重大, 高级): it picks among values, it is not what they count. */
export function isQualifierWord(word: string): boolean {
  return QUALIFIERS.some((row) => [row.zh, row.en].some((pattern) => pattern.exec(word)?.[0].length === word.length));
}

/** The row an asked qualifier (its spellings) comes from. */
const rowOf = (forms: string[]) => QUALIFIERS.find((r) => forms.some((f) => r.zh.test(f)));

/** Whether the asked qualifier (its spellings) may stand anywhere in a value's sentence, not only beside it. */
export function withinSentence(forms: string[]): boolean {
  return rowOf(forms)?.within === "sentence";
}

/** Whether `text` names another value of the asked qualifier's kind (兵团级 asked, 全国 named) and not the asked one. */
export function otherOfKind(forms: string[], text: string): boolean {
  const row = rowOf(forms);
  return !!row && row.zh.test(text) && !forms.some((f) => text.includes(f));
}

/** Words joining things into one subject or one count (全国*和*自治区、兵团级; 能繁母羊*以及*饲草料). */
const JOINING_WORDS = "以及|或者|和|及|与|或|、";
/** Two of a kind are joined by a formal 暨 too (全国暨兵团级); a count of things together is read by the plain words. */
const JOINED_AFTER = new RegExp(`^(?:${JOINING_WORDS}|暨)`, "u");
const JOINED_BEFORE = new RegExp(`(?:${JOINING_WORDS}|暨)$`, "u");

/** A level an English question names before a "level" (at *national*, *regional* or *Bingtuan* level). */
const LEVEL_LISTED = new RegExp(`\\b(national|${Object.keys(LEVEL_EN).join("|")})\\b(?=[^.?!]*\\blevels?\\b)`, "gi");

/** How many levels an English question lists before a "level" (at national, regional or Bingtuan level). */
const levelsListed = (question: string) => new Set([...question.matchAll(LEVEL_LISTED)].map((m) => m[1]!.toLowerCase())).size;

/**
 * Whether the asked qualifier stands joined to another of its kind in `text` (全国和自治区、兵团级
 * 五一劳动奖章获得者172名 for the national medals): a value under both counts them together, so it
 * is not the asked one's — unless the question names several of the kind itself.
 */
export function joinedWithOther(forms: string[], text: string, question: string): boolean {
  const row = rowOf(forms);
  if (!row) return false;
  const all = (s: string) => [...s.matchAll(new RegExp(row.zh.source, "gu"))].map((m) => m[0]);
  const another = (s: string) => all(s).some((w) => !forms.some((f) => w.includes(f) || f.includes(w)));
  if (all(question).length + [...question.matchAll(new RegExp(row.en.source, "gi"))].length > 1 || levelsListed(question) > 1) return false;
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const right = text.slice(at + form.length, at + form.length + 10).split(/[，。；：,;]/u)[0]!;
      const left = text.slice(Math.max(0, at - 10), at).split(/[，。；：,;]/u).pop()!;
      if ((JOINED_AFTER.test(right) && another(right)) || (JOINED_BEFORE.test(left) && another(left))) return true;
    }
  }
  return false;
}

/**
 * How a count is scoped: what is planned against what is done so far, a total (会员总数, in total), what was added (新增, new members), a whole
 * period (the whole season, 全年) against one day of it (当日), or one thing alone (forage subsidies
 * alone, 光是牛) — not together with others.
 */
export type CountScope = "planned" | "so far" | "total" | "added" | "period" | "day" | "alone";

/** One row per scope: the words a question asks it with, those a value's own words say it with, and the scope opposite it. */
const COUNT_SCOPES: Record<Exclude<CountScope, "alone">, { asked: RegExp; item: RegExp; other: Exclude<CountScope, "alone"> }> = {
  // What is planned (一共要打多少根, 计划投资) against what is done so far (目前已打下15根) — first: 一共要 asks the plan's total.
  planned: { asked: /计划|规划|预计|拟|(?:一共|总共|共)要|\bplan(?:s|ned)?\b|\bexpected to\b|\bintend/i, item: /计划|规划|预计|拟建|拟投|目标|设计/, other: "so far" },
  "so far": { asked: /已经|目前|至今|到现在|\bso far\b|\balready\b|\bto date\b/i, item: /已|目前|至今|截至/, other: "planned" },
  total: { asked: /总数|总量|总共|一共|累计|总计|合计|现有|\bin total\b|\btotal (?:number|membership|count)\b|\baltogether\b/i, item: /共有|总数|累计|总计|合计|现有|总量/, other: "added" },
  added: { asked: /新增|新建|新发展|新招|新开|新成立|新吸纳|新入会|\bnew(?:ly)?\b|\badded\b|\brecruited\b/i, item: /新增|新建|新发展|发展(?=会员|党员)|新招|新开|新成立|新吸纳|新入会|增加/, other: "total" },
  period: { asked: /整个(?:雪季|冰雪季|季度|年度|假期)|全年|全季|\b(?:whole|entire|full)(?: \d{4}(?:[–—-]\d{2,4})?)? (?:ski )?(?:season|year|winter|holiday)\b|\ball (?:season|year|winter) long\b/i, item: /全年|全季|整个|累计|共计/, other: "day" },
  day: { asked: /当日|当天|首日|\bon (?:the )?(?:first|opening) day\b|\bthat day\b/i, item: /当日|当天|首日|单日/, other: "period" },
};
const ALONE_ASKED = /\balone\b|\bby (?:itself|themselves)\b|\bon (?:its|their) own\b|单独|光是|单是|仅仅是/i;

/** The scope of a count the question asks, when it names one of a pair and not the other; else null. */
export function countScopeAsked(question: string): CountScope | null {
  if (ALONE_ASKED.test(question)) return "alone";
  for (const [scope, row] of Object.entries(COUNT_SCOPES) as [Exclude<CountScope, "alone">, (typeof COUNT_SCOPES)["total"]][]) {
    if (row.asked.test(question) && !COUNT_SCOPES[row.other].asked.test(question)) return scope;
  }
  return null;
}

/** Whether a value's own words give the scope opposite the one asked (an addition for a total, a day for a season), and not the one asked. */
export function otherScope(asked: CountScope | null, item: string): boolean {
  if (!asked || asked === "alone") return false;
  const { other } = COUNT_SCOPES[asked];
  return COUNT_SCOPES[other].item.test(item) && !COUNT_SCOPES[asked].item.test(item);
}

/** Words joining things counted together (能繁母羊*以及*饲草料补贴资金58.9万元). */
const JOINING = new RegExp(JOINING_WORDS, "u");
/** A second measure after the value's (44.91万头（只）: head of cattle and sheep). */
const SECOND_MEASURE = /^\s*[（(]\p{Script=Han}[）)]/u;

/** Whether a value counts several things together: its own words join them, or a second measure follows it. */
export function countsTogether(item: string, after: string): boolean {
  return JOINING.test(item) || SECOND_MEASURE.test(after);
}
