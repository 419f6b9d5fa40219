/**
 * Question words, in one place: what kind of answer each asks for (the kind table), which words only
 * say what is asked and are no topic (never looked for in an article), and the forms the cloze and
 * span readers look for beside them. Each reader keeps its own list where it needs another cut (a
 * cloze is not read around 为什么), but every list lives here.
 */

import { ROLE, ROLE_EN } from "./roles.js";

/** The kind of answer a question asks for; the answer composer picks numbers, dates or names by it. */
export type QuestionKind = "count" | "amount" | "date" | "who" | "where" | "which" | "what" | "describe" | "why" | "yesno" | "other";

/**
 * 多少 or 几 asking a number — not the 几 of 这几家 / 那几个 (these few), 好几, 十几 (a dozen or so)
 * or 几乎 (almost), which name things the question is about.
 */
export const HOW_MANY_ZH = "多少|(?<![这那好十])几(?!乎)";

/** First matching row wins, so the more specific patterns (多少钱, what year) come before the general ones. */
const KIND_PATTERNS: [QuestionKind, RegExp][] = [
  // A reason is asked whatever else the question names: the answer is the sentence that gives it.
  ["why", /\b(why|how come|for what reason)\b|为什么|为何|什么原因|何故|原因是什么|(?:原因|起因|缘由|目的)(?:为|是)[？?。\s]*$/i],
  // 西元几年 asks a year: a date, never a count.
  ["date", /(?:西元|公元|民国)几年/],
  ["date", /\b(when|what (?:exact |specific |precise )?(year|month|day|date|time)|which (year|month|day|date)|how far back|how long ago|since when)\b|何时|什么时候|哪一?年|哪一?天|几月|几号|几日|哪个月|日期|时间是/i],
  ["amount", /\b(how much|how many (yuan|dollars|tons?|tonnes|hectares|mu|square|kilomet|met(er|re)s)|what (amount|sum|percentage|proportion|share)|what (?:was|is|were|are|will be) the (?:total |overall |combined )?(?:amount|sum))\b|多少(钱|元|万元|亿元|资金|吨|亩|公顷|平方|公里|米)|多少万|多少亿|金额|多大|百分之几|比例/i],
  // "How long" / 多久 asks for a duration (48个月), counted in time units, not for a date.
  // "How tall / big / heavy / far / old" ask for a measure too (55米, 0.304平方公里, 8公斤).
  ["count", new RegExp(String.raw`\b(how many|how long|how (tall|high|big|large|heavy|far|deep|wide|old)|number of|count of)\b|多久|多长时间|(?<![许很诸众繁好])(?:多长|多远|多深|多宽|多高|多重)(?![期兴])|${HOW_MANY_ZH}`, "i")],
  ["who", /\b(who|whom|whose)\b|谁|哪位|什么人|何人/i],
  // A role's name asked with 什么 (行长叫什么, 局长的名字是什么) asks who, not a phrase.
  ["who", new RegExp(`(?:${ROLE})的?(?:叫什么|叫啥|姓什么|(?:的?名字|姓名)是什么)`)],
  // Which role holder (which NDRC director, which hospital staff member, 哪位局长) asks who; up to four
  // words may name the body first.
  ["who", new RegExp(`\\bwhich\\s+(?:[A-Za-z'-]+\\s+){0,4}?(?:${ROLE_EN})\\b|哪(?:个|一|位)?(?:${ROLE})`, "i")],
  ["where", /\b(in |at )?which (county|city|town|township|village|district|place|province|region|park|street)\b|哪个(县|市|镇|乡|村|区|地方)|哪(县|市|镇)/i],
  ["where", /\b(where)\b|哪里|哪儿|在哪(?![一个次场])|什么地方|何地|何处|哪个地方/i],
  // A definition or a description is asked (什么是乡里制, 有什么变化): the answer is the sentence that
  // gives it, never a phrase cut out of it.
  ["describe", /\bwhat (does|did) .+ mean\b|\bwhat is meant by\b|^(请问)?什么(是|叫)|是什么意思|指的?是什么|何谓|什么样|有(什么|哪些)(变化|影响|功能|好处|作用|意义|特点|区别|不同|优势|特色|贡献)/i],
  ["which", /\b(which)\b|哪个|哪些|哪一|哪家|哪所|哪项|哪/i],
  // Asked whether: answered with what the paper reports, never a bare yes or no it does not print.
  ["yesno", /^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b|[吗嘛][？?！!。\s]*$|是否|有没有|是不是|能不能|会不会|可不可以|有无/i],
  ["what", /\b(what|how)\b|什么|啥|怎么|怎样|如何/i],
];

/** Classifies a Chinese or English question: why, count, amount, date, who, where, describe, which, yes/no, what, or other. */
export function detectQuestionKind(question: string): QuestionKind {
  // "When the Later Liao was fighting within itself, … with *whose* support?": a clause opening the
  // question sets the scene; the question word after it asks.
  const text = question.normalize("NFKC").replace(/^(?:when|while|after|before|as|since|if)\b(?!\s+(?:did|was|were|is|are|will|would|does|do|has|have|had|can|could|should)\b)[^,?]*,\s*(?=.*\b(?:who|whom|whose|what|which|where|when|why|how)\b)/i, "");
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(text)) return kind;
  return "other";
}

/**
 * Question words as some readers spell them (甚么, from 甚麼, for 什么; 什麽): read as the papers' spelling
 * before anything else reads the question.
 */
export const QUESTION_WORD_VARIANTS: readonly [RegExp, string][] = [[/甚[么麽]|什麽/gu, "什么"]];

/** The two ends of an event a when-question can ask (opens / closes): the words each is said with. */
export type EventEnd = "start" | "end";
export const EVENT_ENDS: Record<EventEnd, { zh: RegExp; en: RegExp }> = {
  start: { zh: /开幕|开始|开工|开业|启动|开板|开赛|开园|揭幕|开班/, en: /\b(?:open(?:s|ed|ing)?|start(?:s|ed|ing)?|begin(?:s|ning)?|began|launch(?:es|ed)?|kick(?:s|ed)? off)\b/i },
  end: { zh: /闭幕|结束|竣工|完工|落幕|收官|闭园|停业|截止|结业/, en: /\b(?:clos(?:e|es|ed|ing)|end(?:s|ed|ing)?|finish(?:es|ed)?|conclud(?:e|es|ed)|wrap(?:s|ped)? up)\b/i },
};

/** The end of an event a when-question asks, when it names one and not the other; else null. */
export function eventEndAsked(question: string, lang: "zh" | "en"): EventEnd | null {
  const start = EVENT_ENDS.start[lang].test(question);
  const end = EVENT_ENDS.end[lang].test(question);
  return start === end ? null : start ? "start" : "end";
}

/** Chinese words that say what kind of answer is wanted, not what it is about. */
export const ASKING_ZH: ReadonlySet<string> = new Set([
  "多少", "多少人", "多少个", "多少家", "多少次", "多少名", "多少万", "几", "几个", "几家", "几次", "几年", "啥",
  "哪些", "哪个", "哪家", "哪里", "哪儿", "哪天", "何时", "时候", "什么时候", "什么", "是谁", "谁", "怎样", "如何",
  "情况", "单位", "部门", "地方", "东西", "怎么样", "有没有", "是否", "多大", "多长", "多高", "多远", "介绍", "一下", "吗", "呢", "请问", "共", "一共", "总共",
  "共有", "总计", "合计",
  // "How many" said as a noun (城镇新增就业的人数是多少): the measure asked, not the topic.
  "人数", "数量", "次数", "户数", "个数", "总数",
]);

/** Segmenter leftovers of Chinese question phrases (第几个, 哪一年, 那位, 名字呢). */
export const ASKING_PART_ZH = /几|哪|谁|什么|多少|那|这|名字|[吗呢]$/;

/** Where a Chinese question asks (the focus is the concept beside it). */
export const FOCUS_CUE_ZH = new RegExp(`${HOW_MANY_ZH}|哪|什么|谁|何时|怎么|如何|是否`);

/** English words that only say what kind of answer is wanted (the kind table reads them). */
export const ASKING_EN: ReadonlySet<string> = new Set([
  "many", "much", "number", "total", "amount", "people", "year", "years", "date", "day", "time", "name", "happen", "happened", "said", "say",
  // "How old": an age is asked (askedUnit: 岁), not an old thing.
  "old",
  // "How much did it cost / spend": money is asked (askedUnit: 元); the papers say 投资, 投入, 资金.
  "cost", "costs", "spend", "spent",
  // Months and "last/this" are read as dates (see dates.ts), not matched as words.
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "last", "season",
]);

/** The question word a cloze reads around. Why and how questions are not cloze, and 为什么 would swallow the 为 of "即算为什么". */
export const CLOZE_WORD = /什么时[候间]|什么|哪[一个些里儿年天位国种家座条所]?|谁|多少|几[个年月天次名位家]?|何[时地处人种]?/u;

/** The question word an answer span stands in for, longest first so 什么时候 wins over 什么. */
export const SPAN_WORD = /什么时候|什么地方|什么|哪一年|哪一|哪里|哪儿|哪个|哪些|哪位|哪家|哪|谁|何时|何地|何处|多少|几/u;

/** Characters of question words: character pairs holding one are no evidence of an answer. */
export const QUESTION_CHARACTER = /[多少几哪谁什么何时怎如为吗呢]/;
