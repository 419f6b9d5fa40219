import type { Figure } from "./figures.js";
import type { QuestionKind } from "./types.js";
import { HOW_MANY_ZH } from "./question-words.js";

/**
 * The units and measure words of questions and values, in one place: which unit a question names
 * (多少吨, in tonnes, 几条), which values are in it (人 for 名 too; any count for 个), and which
 * kinds of value a question kind takes. Read by the analysis (askedUnit), the hand-set figure pick
 * (select.ts), the binding (binding.ts) and the lead model's features (values.ts).
 */

// Either list serves either kind ("how many tonnes" is a count in words, an amount in fact); they
// keep out dates, years and bare numbers.
const COUNT_UNITS = /人|名|个|家|项|户|件|场|次|处|套|台|辆|头|只|副|条|栋|座|所|批|年|岁|支|位|根|天|倍|期|届|单|列|种|款|部|份|间|层|周|篇|门|张|起|册|株|棵|颗|枚|艘|架|首|集|小时|分钟|秒/;
export const AMOUNT_UNITS = /元|吨|亩|米|公里|公顷|%|公分|公尺|克|斤|升|英尺|英里|英镑|km|cm|mm|kg/;

/** Each measure in its spellings (公里, 千米, km): a value printed in any of them is in the measure asked by any. */
const METRIC_SPELLINGS = [["公里", "千米", "km"], ["厘米", "公分", "cm"], ["毫米", "mm"], ["公斤", "千克", "kg"]];
const SAME_METRIC: Record<string, RegExp> = Object.fromEntries(METRIC_SPELLINGS.flatMap((spellings) => spellings.map((s) => [s, new RegExp(spellings.join("|"))])));

/** Kinds answered by a figure, date, name or place (the others by the sentence itself). */
export function asksForFigure(kind: QuestionKind): boolean {
  return kind === "count" || kind === "amount" || kind === "date" || kind === "who" || kind === "where";
}

/** askedUnit's answer for "哪一年 / which year": a year (or a date) answers, and a bare year is enough. */
export const YEAR_ASKED = "年份";
/** askedUnit's answer for "哪天 / on what date": a day of a month answers, never a bare year or month. */
export const DAY_ASKED = "日期";
/** askedUnit's answer for an English "how many <things>": any count answers, no measure of money, area, length, weight or volume. */
const COUNTED = "计数";
/** askedUnit's answer for an English "how much" naming no measure: any amount answers (元, 吨, 亩, %), no count. */
const AMOUNT_ASKED = "数额";

// The unit a question names ("多少吨", "in tonnes"): the answer must be in that unit, never a nearby other measure.
const ASKED_UNITS: [RegExp, string][] = [
  [/多少(万|亿)?吨|几(万)?吨|\b(tonnes?|tons?)\b/i, "吨"],
  [/多少(万|亿)?亩|几(万)?亩|\bmu\b/i, "亩"],
  // "How many farms": things counted, as 多少个 asks — not a sum, an area or a weight (40万亩 is no farm count).
  // Before the money words: "how many graduates received subsidies" counts graduates, not yuan.
  [/\bhow many (people|persons)\b/i, "人"],
  // Time counted in its unit ("how many minutes", 多少分钟 below): a count of anything else is no answer.
  ...Object.entries({ 秒: "seconds?", 分钟: "minutes?", 小时: "hours?", 天: "days?", 周: "weeks?", 个月: "months?", 年: "years?" }).map(([unit, en]): [RegExp, string] => [new RegExp(`\\bhow many ${en}\\b`, "i"), unit]),
  [/\bhow many\b(?! (?:yuan|dollars?|tons?|tonnes|hectares?|mu|square|cubic|(?:kilo|centi|milli)?met(?:er|re)s|km|kilograms?|kg|grams?|lit(?:er|re)s|inch(?:es)?|feet|foot|miles?|percent)\b)/i, COUNTED],
  [/多少(万|亿)?(元|钱)|多少资金|投资多少|\b(yuan|rmb|money|cost|costs|price|priced|invest|invested|investment|investing|funding|funds|budget|revenue|profits?|taxes|subsidy|subsidies|wages|salary|spent|spend)\b/i, "元"],
  [/多少公里|\b(kilomet(er|re)s?|km)\b/i, "公里"],
  // Square and cubic metres are areas and volumes; plain metres a length (98653米, not 2145.12万立方米).
  [/多少平方米|\bsquare met(?:er|re)s\b/i, "平方米"],
  [/多少立方米|\bcubic met(?:er|re)s\b/i, "立方米"],
  [/多少(?:万)?米(?![面饭粮])|\bmet(?:er|re)s\b/i, "米"],
  [/多少公顷|\bhectares?\b/i, "公顷"],
  [/百分之|比例|\b(percent|percentage|rate)\b|\bwhat (?:share|proportion)\b/i, "%"],
  [/人数/, "人"],
  [/多久|多长时间|\bhow long\b/i, "时长"],
  // An age is asked in years of age (32岁), never in another count of the sentence.
  [/多大年纪|多少岁|几岁|\bhow old\b/i, "岁"],
  [/哪一?年|(?:西元|公元|民国)几年|\b(what|which) year\b/i, YEAR_ASKED],
  [/哪一?天|几月几[日号]|几号|\b(?:what|which) (?:exact |specific |precise )?(?:date|day)\b/i, DAY_ASKED],
  // "How much" naming no measure above asks an amount — a price, a mass, an area — never a count of
  // people or things. Last: "how much land in hectares" asks hectares, "how much … rate" a percentage.
  [/\bhow much\b|\bwhat (?:amount|sum)\b|\bwhat (?:was|is|were|are|will be) the (?:total |overall |combined )?(?:amount|sum)\b/i, AMOUNT_ASKED],
];

// Measure words after 多少 / 几 (多少支队伍, 几条雪道, 多少分钟内): the answer counts or measures in
// the same one. Longest first, so 个月 wins over 个 and 公斤 over 斤.
const MEASURE_WORDS = [
  "个月", "分钟", "小时", "公斤", "千克", "厘米", "毫米", "千米",
  "支", "条", "个", "家", "项", "名", "人", "户", "座", "台", "辆", "场", "次", "所", "处", "栋", "套", "批", "位", "部", "件",
  "只", "头", "列", "种", "款", "份", "间", "层", "篇", "门", "张", "起", "副", "根", "届", "期", "秒", "天", "周", "年", "倍", "斤", "克",
];
const MEASURE = new RegExp(`(?:${HOW_MANY_ZH})(${MEASURE_WORDS.join("|")})`);

export function askedUnit(question: string): string | null {
  for (const [pattern, unit] of ASKED_UNITS) if (pattern.test(question)) return unit;
  return MEASURE.exec(question)?.[1] ?? null;
}

// Measures a figure may use for the one asked: people are counted in 人, 名 or 人次.
// 个 is the general classifier (多少个岗位 is answered by 10395人): any count answers it, but not a
// sum, an area or a date. An English "how many <things>" takes any unit but an amount's.
const SAME_MEASURE: Record<string, RegExp> = { 人: /人|名/, 名: /人|名/, 位: /位|名|人/, 个: new RegExp(`^(?:[万亿千百])?(?:${COUNT_UNITS.source})`), 场: /场/, 次: /次/, 时长: /个月|年|天|日|周|小时|分钟|秒/, 米: /^(?:[万千])?米$/, [COUNTED]: new RegExp(`^(?!.*(?:${AMOUNT_UNITS.source}))`), [AMOUNT_ASKED]: AMOUNT_UNITS, ...SAME_METRIC };

/** Whether a value is in the measure a question names (多少吨 → 吨; 人 for 名 too); true when none is named. */
export function inUnit(figure: Figure, unit: string | null): boolean {
  if (!unit) return true;
  // A day of a month (11月9日) does not say which year.
  if (unit === YEAR_ASKED) return figure.kind === "year" || (figure.kind === "date" && figure.text.includes("年"));
  if (unit === DAY_ASKED) return figure.kind === "date" && /[日号]/.test(figure.text);
  const same = SAME_MEASURE[unit];
  return same ? same.test(figure.unit) : figure.unit.includes(unit);
}

/** Whether a value is of the kind a question asks (a name for who, a date for when, a count for how many). */
export function fitsKind(f: Figure, kind: QuestionKind): boolean {
  switch (kind) {
    case "who":
      return f.kind === "name";
    case "where":
      return f.kind === "place";
    case "date":
      return f.kind === "date" || f.kind === "year";
    case "count":
      return (f.kind === "quantity" && (COUNT_UNITS.test(f.unit) || AMOUNT_UNITS.test(f.unit))) || f.kind === "percent";
    case "amount":
      return (f.kind === "quantity" && (AMOUNT_UNITS.test(f.unit) || COUNT_UNITS.test(f.unit))) || f.kind === "percent";
    default:
      return f.kind === "quantity" || f.kind === "percent";
  }
}

/** One class of things and its measures (MEASURE_CLASSES). */
export interface MeasureClass {
  kind: string;
  units: RegExp;
  words?: RegExp;
  counts?: RegExp;
  /** A measure as general as 个 (项): a general counter beside it is no evidence it counts something else. */
  general?: boolean;
}

/**
 * Measures and the things they measure: one row per class of thing. `units` are the measures and
 * counters of the class; `words` ask for the class as such (面积, 人数, how long) and bind a value in
 * its units even where its clause says 占地, not 土地; `counts` are nouns counted in its units
 * (学生 in 名, 心愿 in 件). A value in one class's units never answers a focus of another class
 * ("how many students" is not answered by 三次, nor 多少头牛 by 300人): the noun another counter counts.
 */
export const MEASURE_CLASSES: MeasureClass[] = [
  { kind: "area", units: /亩|公顷|平方(?:公里|米)/, words: /面积|占地|土地|耕地|用地|land|area|acre|space|hectare/i },
  {
    kind: "money",
    units: /元|美元|欧元|港元|日元|英镑/,
    words: /资金|投资|金额|费用|经费|补贴|补助|奖励|收入|营收|money|fund|invest|cost|price|budget|subsid|revenue|income|spend|wage|salar|reward|bonus/i,
  },
  {
    kind: "people",
    units: /^(?:[万亿千百])?(?:人|名|位|人次)$/,
    words: /人数|人员|人口|people|persons|participants|population|visitors/i,
    counts: /^(?:学生|教师|老师|职工|员工|工人|农民|居民|村民|牧民|游客|患者|医生|护士|干部|党员|志愿者|运动员|选手|儿童|群众|劳动力|人才|求职者|毕业生|退役军人|农民工|司机|参赛者|参与者)$|\b(?:students?|teachers?|workers?|employees?|staff|residents?|villagers?|farmers?|herders?|tourists?|patients?|doctors?|nurses?|volunteers?|athletes?|children|members?|skiers?|officials?|seekers?|jobseekers?|applicants?|graduates?|veterans?|migrants?|drivers?|participants?|trainees?|retirees?|visitors?)\b/i,
  },
  { kind: "weight", units: /吨/, words: /产量|产能|重量|output|capacity|production|weight|tonnage/i },
  { kind: "length", units: /公里|千米|米|km|cm|mm/, words: /长度|距离|里程|length|distance|long|mileage/i },
  { kind: "duration", units: /小时|天|个月|年|周|分钟|秒/, words: /时长|工期|周期|多久|duration|how long|period/i },
  { kind: "times", units: /^(?:次|回|遍|趟|场|场次)$/, words: /次数|how many times|how often/i, counts: /\b(?:sessions?|rounds?|matches|performances?|lectures?|competitions?|contests?|events?|activities|fairs?)\b/i },
  { kind: "lines", units: /^(?:条)$/, counts: /^(?:雪道|道路|线路|路线|河流|航线)$|\b(?:runs?|trails?|roads?|routes?|lines?|rivers?|slopes?)\b/i },
  { kind: "animals", units: /^(?:[万千百])?(?:头|只|匹|羽)$/, counts: /^(?:牛|羊|马|猪|鸡|鸭|骆驼|牲畜|肉牛|奶牛|生猪)$|\b(?:cattle|cows?|sheep|horses?|pigs?|chickens?|camels?|livestock)\b/i },
  { kind: "households and firms", units: /^(?:[万千百])?(?:户|家)$/, counts: /(?:企业|公司|商户|农户|家庭|合作社|households?|famil(?:y|ies)|companies|firms|businesses|enterprises|cooperatives)$/i },
  // Pairs and sets (单板2100副, 3200双鞋, 1000套住房): things counted by the pair or set, never a number of runs or people.
  { kind: "pairs and sets", units: /^(?:[万千百])?(?:副|双|对|套)$/, counts: /\b(?:pairs?|sets?|skis|snowboards|gloves|shoes|boots)\b/i },
  { kind: "vehicles", units: /^(?:辆)$/, counts: /(?:车|车辆)$|\b(?:cars?|vehicles?|trucks?|buses)\b/i },
  { kind: "teams", units: /^(?:支)$/, counts: /^(?:队伍|代表队|球队|团队|队)$|\b(?:teams?|squads?)\b/i },
  // Items of a list (2.6万项 projects, 10项 events, 2165项 hazards): never firms, people or runs. A
  // general measure: a general counter beside it (项目2.6万项，其中…项目25677个) may count the same things.
  {
    kind: "items",
    units: /^(?:[万千百])?项$/,
    counts: /^(?:项目|措施|任务|活动|赛事|隐患|成果|专利|工程)$|\b(?:projects?|measures?|tasks?|items?|events?|activities|programmes?|programs?|initiatives?|hazards?|risks?|patents?)\b/i,
    general: true,
  },
];

/**
 * Kinds of money, one row each: an investment is no revenue, a revenue no profit, a subsidy neither.
 * Where the question names one kind and a value's own words another (该项目总投资1.26亿元 for "how
 * much revenue"), the value is about something else. `words` are the papers' and readers' words.
 */
export const MONEY_KINDS: { kind: string; words: RegExp }[] = [
  { kind: "investment", words: /投资|投入|造价|\binvest|\bcosts?\b|\bcost to build/i },
  { kind: "revenue", words: /收入|营收|营业额|销售额|产值|\brevenue|\bincome|\bsales\b|\bturnover|\bearn/i },
  { kind: "profit", words: /利润|盈利|净利|\bprofits?\b/i },
  { kind: "tax", words: /税收|纳税|利税|\btax(?:es)?\b/i },
  { kind: "subsidy", words: /补贴|补助|奖补|资助|\bsubsid|\bgrants?\b|\ballowances?\b/i },
  { kind: "wages", words: /工资|薪酬|薪金|欠薪|\bwages?\b|\bsalar(?:y|ies)\b|\bpay(?:roll)?\b/i },
];

/** The kinds of money a text names (MONEY_KINDS). */
export const moneyKindsIn = (text: string): string[] => MONEY_KINDS.filter((row) => row.words.test(text)).map((row) => row.kind);

/** The classes a unit measures or counts in (10395人: people; none for no unit). */
export const classesOfUnit = (unit: string): MeasureClass[] => (unit ? MEASURE_CLASSES.filter((row) => row.units.test(unit)) : []);
