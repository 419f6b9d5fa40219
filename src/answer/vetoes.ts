import type { QuestionAnalysis } from "./analysis.js";
import { clauseAround, clauseSpan, closedItems, dateSpan, headsClause, itemAfter, itemBefore, named, nounAfter } from "./clauses.js";
import { mentions, type Concept } from "./concepts.js";
import { isDate, type Figure } from "./figures.js";
import { ofOrganisationAsked } from "./organisations.js";
import { countsTogether, joinedWithOther, otherOfKind, otherScope, withinSentence } from "./qualifiers.js";
import { EVENT_ENDS, type EventEnd } from "./question-words.js";
import { classesOfUnit, inUnit, MEASURE_CLASSES, moneyKindsIn, type MeasureClass } from "./units.js";
import { taggedWords } from "../retrieve/tokenize.js";

/**
 * Vetoes: evidence that a value is about something else than the question asks, whatever its clause
 * names — a qualifier missing or another of its kind, a total of parts when a part is asked, another
 * verb, list item, organisation, class, kind of money or place. One row per kind of evidence, named,
 * so a reply can say why a value did not lead (binding.ts' Binding.veto). A vetoed value never leads.
 */

/** What the vetoes read about one value, worked out once (binding.ts); the costly parts on first use. */
export interface VetoContext {
  analysis: QuestionAnalysis;
  sentence: string;
  figure: Figure;
  /** The question's own words (its dates and a follow-up's carried context left out). */
  own: Concept[];
  /** The concept the question word points at, unless it is a date. */
  focus: Concept | null;
  /** The noun a count counts: the head the analysis marked (ski *runs*), else a Chinese count's focus (多少*学生*). */
  counted: Concept | null;
  /** The clause before the value's and the value's region: where a qualifier must stand. */
  near: string;
  /** Every value of the sentence. */
  figures(): Figure[];
  /** The value's list item: the words since the previous value (clauses.ts' itemBefore). */
  item(): string;
  /** The measure classes of the value's unit, and those the question asks (by its focus or counted head; `counted`: by the head). */
  classes: { measured: MeasureClass[]; asked: MeasureClass[]; counted: MeasureClass[] };
}

/** The general classifier, which counts anything (471个项目): no measure of its own. */
const GENERAL_COUNTER = /^(?:[万亿千百])?个$/;

const quantity = (v: VetoContext) => v.figure.kind === "quantity";

/** A noun with no Chinese reading: the bridge kept only the English word. */
const unread = (c: Concept | null): boolean => c !== null && ![c.label, ...c.alternatives].some((a) => /\p{Script=Han}/u.test(a));

/** A value's own words in its list: those after it where it is written before its noun (1家*全国示范性…*), else those since the previous value. */
function ownItem(v: VetoContext): string {
  const after = itemAfter(v.sentence, v.figures(), v.figure);
  return /\p{Script=Han}/u.test(after) ? after : v.item();
}

/** The vetoes, in the order they are tried; the first that holds names the reason. */
export const VETOES = [
  // A qualifier picks one value among several: it must stand by this one (其中重大隐患12项), not
  // elsewhere in the sentence (共排查隐患300项，其中重大隐患12项 binds 重大 to 12项 only).
  { name: "qualifier missing", holds: (v) => !v.analysis.qualifiers.every((forms) => forms.some((f) => (withinSentence(forms) ? v.sentence : v.near).includes(f))) },
  // …and the value's list item (全国…5名、自治区和兵团级…144名; a count before its noun: 1家*全国*示范性…、
  // 32家*自治区和兵团级*…), or a date's clause (海选于4月16日), must not name another of its kind: a
  // level, rank or stage the question did not ask.
  { name: "another level or rank", holds: (v) => (quantity(v) || isDate(v.figure)) && v.analysis.qualifiers.some((forms) => otherOfKind(forms, isDate(v.figure) ? clauseAround(v.sentence, v.figure.start).own : ownItem(v))) },
  // …nor stand joined to another of its kind (全国和自治区、兵团级…162个): the value counts both.
  { name: "levels counted together", holds: (v) => quantity(v) && v.analysis.qualifiers.some((forms) => joinedWithOther(forms, v.near, v.analysis.wording.plain)) },
  // A total asked is not answered by what was added (会员总数 → 发展会员9912人), nor the reverse.
  { name: "another scope of the count", holds: (v) => quantity(v) && otherScope(v.analysis.countScope, v.item()) },
  // One thing asked alone (forage subsidies alone) is not answered by a value counting it with others.
  { name: "several things counted together", holds: (v) => quantity(v) && v.analysis.countScope === "alone" && countsTogether(v.item(), v.sentence.slice(v.figure.end)) },
  { name: "another part of a total", holds: (v) => quantity(v) && otherPartThanAsked(v.own, v.sentence, v.figures(), v.figure, v.analysis.tuning.partialMention) },
  { name: "another verb's", holds: (v) => quantity(v) && otherPredicate(v.analysis.predicate, v.sentence, v.figures(), v.figure) },
  // A date dates its clause's event: where another date's clause holds the event asked (在1999年…上市)
  // and this one's does not (1996年首钢总公司成为…), this one dates something else.
  { name: "another date's event", holds: (v) => isDate(v.figure) && otherDatesEvent(v.analysis, v.sentence, v.figures(), v.figure) },
  // …and the other end of it: a when-question asking when a week closes is not answered by its opening day (开幕式举行).
  { name: "the other end of the event", holds: (v) => isDate(v.figure) && otherEventEnd(v.analysis.eventEnd, v.sentence, v.figure) },
  { name: "another list item's", holds: (v) => quantity(v) && otherItemThanAsked(v.own, v.focus, v.sentence, v.figures(), v.figure, v.analysis.tuning.partialMention) },
  { name: "another organisation's", holds: (v) => v.figure.kind === "name" && !ofOrganisationAsked(v.analysis, v.own, v.focus, v.sentence, v.figure) },
  // A value in one class's units asked about other classes only measures or counts something else —
  // unless it is in the very measure the question names (多少套…卡车防碰撞预警系统: 400套).
  {
    name: "another class of thing",
    holds: ({ analysis, figure, classes: { measured, asked } }) => {
      const inMeasureNamed = analysis.unit !== null && analysis.unit !== "个" && figure.unit.endsWith(analysis.unit);
      return measured.length > 0 && asked.length > 0 && !inMeasureNamed && !measured.some((row) => asked.includes(row));
    },
  },
  // A thing with its own measure (households: 户) is counted in it where the sentence has it: a
  // general counter beside it (项目471个，…21887户) counts something else.
  {
    name: "a general counter beside the thing's own",
    holds: (v) => quantity(v) && v.classes.counted.length > 0 && GENERAL_COUNTER.test(v.figure.unit) && v.figures().some((f) => f.start !== v.figure.start && classesOfUnit(f.unit).some((row) => !row.general && v.classes.counted.includes(row))),
  },
  // A count written before its noun counts that noun (164家*企业*): a class of things the question
  // never names is something else than what it asks (多少个岗位).
  {
    name: "counts another noun",
    holds: ({ analysis, sentence, figure, classes }) => {
      const noun = figure.kind === "quantity" ? nounAfter(sentence, figure) : null;
      const counts = noun ? MEASURE_CLASSES.filter((row) => row.counts?.test(noun)) : [];
      return counts.length > 0 && !counts.some((row) => classes.asked.includes(row)) && !analysis.own.some((c) => mentions(noun!, c) || c.alternatives.some((a) => noun!.includes(a)));
    },
  },
  // An English count's noun the dictionary cannot read (how many *snowmobiles*) cannot be shown to
  // stand in the sentence: a value in a class's own counter (1700余名: people; 2100副: pairs) counts
  // that class's things, and the noun is none the class lists. A general one (1.8万个, 五项) may still answer.
  { name: "a thing its measure does not count", holds: (v) => quantity(v) && unread(v.counted) && v.classes.counted.length === 0 && v.classes.measured.some((row) => row.counts && !row.general) },
  // Where one value of the sentence is written right before the noun counted (150多个*国家*), a value
  // written before another noun (30多个*国际组织*) counts that one.
  {
    name: "another value counts the noun asked",
    holds: ({ analysis, sentence, figure, counted, figures }) => {
      const noun = figure.kind === "quantity" && counted ? nounAfter(sentence, figure) : null;
      if (!noun || !counted || named(noun, counted, analysis.tuning.partialMention)) return false;
      return figures().some((f) => f.kind === "quantity" && f.start !== figure.start && mentions(nounAfter(sentence, f) ?? "", counted));
    },
  },
  // A value given for a list of places (赴喀什、和田、巴州、伊犁等地…3388个) is not one listed place's.
  { name: "a list of places'", holds: (v) => quantity(v) && v.own.some((c) => (c.place || romanName(c)) && forPlacesListed(c, v.own, v.sentence, v.figure, v.analysis.wording.plain)) },
  // Money of another kind: the question asks revenue, the value's own words say investment.
  { name: "another kind of money", holds: (v) => v.classes.measured.some((row) => row.kind === "money") && otherMoney(v.analysis, v.item()) },
  // A number inside a title or a quoted name (《…“四个聚焦”…》, “两节”) is part of the name, no count.
  { name: "part of a quoted name", holds: (v) => quantity(v) && insideQuotes(v.sentence, v.figure) },
  // A number, name or place the question itself states is what it asks about, not the answer (how
  // many of the 234 sessions…; 一个位于香港大屿山，另一个位于何处).
  { name: "stated by the question", holds: ({ analysis, figure }) => (figure.kind === "quantity" && figure.value !== null && analysis.stated.includes(figure.value)) || ((figure.kind === "name" || figure.kind === "place") && analysis.wording.plain.includes(figure.text)) },
] as const satisfies readonly { name: string; holds: (v: VetoContext) => boolean }[];

export type VetoName = (typeof VETOES)[number]["name"];

const QUOTE_OPENS = "《“「『";
const QUOTE_CLOSES = "》”」』";

/**
 * Whether the value stands inside a title (《…》) or a quoted name (“四个聚焦”, “两节”): a short quote
 * without a clause break. A speaker's words in quotes (“一期投资…，…超过70亿元。”) are no name.
 */
function insideQuotes(sentence: string, figure: Figure): boolean {
  const opened: number[] = [];
  for (let i = 0; i < figure.start; i++) {
    if (QUOTE_OPENS.includes(sentence[i]!)) opened.push(i);
    else if (QUOTE_CLOSES.includes(sentence[i]!)) opened.pop();
  }
  const from = opened.at(-1);
  if (from === undefined) return false;
  let to = figure.end;
  while (to < sentence.length && !QUOTE_CLOSES.includes(sentence[to]!)) to++;
  if (to === sentence.length) return false;
  const quoted = sentence.slice(from + 1, to);
  return !/[，,。；;！？!?]/u.test(quoted) && (sentence[from] === "《" || [...quoted].length <= 16);
}

/** Whether what the date dates (its clause to its sentence's end) says the other end of the event asked and not the asked one. */
function otherEventEnd(asked: EventEnd | null, sentence: string, date: Figure): boolean {
  if (!asked) return false;
  const dated = sentence.slice(clauseSpan(sentence, date.start).start);
  return EVENT_ENDS[asked === "start" ? "end" : "start"].zh.test(dated) && !EVENT_ENDS[asked].zh.test(dated);
}

/** The first veto that holds for the value, or null. */
export function vetoOf(v: VetoContext): VetoName | null {
  return VETOES.find((row) => row.holds(v))?.name ?? null;
}

/**
 * Whether the value is another part of a total than the one asked (项目2.6万项，其中“五小创新”项目25677个、
 * …75个): where a word of the question names exactly one part's item, the total (its item names the
 * word too) and the other parts are no answer — only that part is.
 */
function otherPartThanAsked(own: Concept[], sentence: string, figures: Figure[], figure: Figure, partial: number): boolean {
  const at = sentence.indexOf("其中");
  if (at < 0) return false;
  const parts = figures.filter((f) => f.kind === "quantity" && f.start > at).map((f) => ({ f, item: itemBefore(sentence, figures, f) }));
  if (parts.length < 2) return false;
  const telling = own.filter((c) => parts.filter((p) => named(p.item, c, partial)).length === 1);
  if (!telling.length) return false;
  const item = itemBefore(sentence, figures, figure);
  if (figure.start < at) return !/[。；;！？!?]/u.test(sentence.slice(figure.end, at)) && telling.some((c) => named(item, c, partial));
  return !telling.some((c) => named(item, c, partial));
}

/**
 * Whether the value is another item of its clause's list than the one asked (走访…困难劳模241人和一线职工35173人
 * for front-line workers): where a word of the question
 * is spelled in exactly one item, and not the first (whose words before its value lead the whole list
 * in: 走访慰问…), a value whose own item names neither that word nor the focus counts another item.
 * Only where each value closes its item (困难劳模241人、一线职工35173人).
 */
function otherItemThanAsked(own: Concept[], focus: Concept | null, sentence: string, figures: Figure[], figure: Figure, partial: number): boolean {
  const { start, end } = clauseSpan(sentence, figure.start);
  const list = figures.filter((f) => f.kind === "quantity" && f.start >= start && f.end <= end);
  const at = list.findIndex((f) => f.start === figure.start);
  // A list of items each closed by its value (…劳模241人和…), bounded by any value of the sentence.
  const closed = list.length >= 2 && at >= 0 ? closedItems(sentence, list, figures) : null;
  if (!closed) return false;
  const items = closed.map((i) => i.item);
  const telling = own.filter((c) => !mentions(items[0]!, c) && items.filter((item) => mentions(item, c)).length === 1);
  const mine = items[at]!;
  return telling.length > 0 && !(focus && named(mine, focus, partial)) && !telling.some((c) => named(mine, c, partial));
}

/**
 * Whether another verb governs the value than the one the question asks with (共接收工单226单，已办理113单
 * for 已经办理了多少单): where the question's verb stands in some value's list item, a value whose own
 * item holds another verb and not that one is the other verb's.
 */
function otherPredicate(predicate: string | null, sentence: string, figures: Figure[], figure: Figure): boolean {
  if (!predicate) return false;
  // Values with a measure make the items: a bare number (“12351”热线) is part of one.
  // …each closing its item: after a count before its noun (返还309家小微企业工会经费455.43万元) the verb goes on.
  const items = closedItems(sentence, figures.filter((f) => f.kind === "quantity" && f.unit !== ""));
  if (!items) return false;
  const mine = items.find((i) => i.value.start === figure.start)?.item;
  if (mine === undefined || mine.includes(predicate) || !items.some((i) => i.item.includes(predicate))) return false;
  // A verb: tagged one (not a verbal noun, vn, which names a thing: 经费), or a word an adverb precedes (已*办理*: jieba tags it n).
  const words = taggedWords(mine);
  return words.some((w, i) => [...w.word].length >= 2 && (/^v(?!n)/.test(w.tag) || (w.tag === "n" && words[i - 1]?.tag === "d")));
}

/** How precise a date is: a year, a month, a day. */
const precision = (f: Figure) => (f.kind === "year" ? 1 : /[日号]/.test(f.text) ? 3 : 2);

/**
 * Whether the event asked (a when-question's predicate) is in what another date dates and not in
 * what this one does (clauses.ts' dateSpan). Only a date as precise, or one heading its clause
 * (1991年，BBC正式开始…), does: a bare year before a noun often names an edition (11月5日上午，*2024年*
 * 昌吉州…活动周开幕式举行), not when it happened.
 */
function otherDatesEvent(analysis: QuestionAnalysis, sentence: string, figures: Figure[], date: Figure): boolean {
  const event = analysis.predicate;
  if (!event) return false;
  const dated = figures.filter(isDate);
  // …and only one that could answer (4月20日 does not say the year a 哪一年 question asks), not one the question states (自1948年以来).
  const rival = (f: Figure) => f.start !== date.start && inUnit(f, analysis.unit) && !analysis.wording.plain.includes(f.text) && (precision(f) >= precision(date) || headsClause(sentence, f));
  if (dateSpan(sentence, date, dated).includes(event)) return false;
  return dated.some((f) => rival(f) && dateSpan(sentence, f, dated).includes(event));
}

/** A name an English question writes with a capital mid-sentence (Hotan), read in Chinese: a place or body, as likely as not. */
const romanName = (c: Concept): boolean => (c.at ?? 0) > 0 && /^[A-Z][a-z]/.test(c.label) && c.alternatives.some((a) => /\p{Script=Han}/u.test(a));

/**
 * Whether the place asked is one of three or more listed before the value (赴喀什、和田、巴州、伊犁等地)
 * and the question leaves the others out: the value is the list's, not the place's alone. A question
 * naming two or more of the items (Kashgar, Hotan… and Ili) asks about the list.
 */
function forPlacesListed(place: Concept, own: Concept[], sentence: string, figure: Figure, question: string): boolean {
  for (const list of sentence.slice(0, figure.start).matchAll(/\p{Script=Han}{1,8}(?:、\p{Script=Han}{1,8}){2,}/gu)) {
    const items = list[0].split("、");
    // An item itself (赴*喀什*、和田…), not the whole the items make up (大肚王国由A族、B族…).
    const last = items.length - 1;
    const listed = (c: Concept) => items.some((item, k) => c.alternatives.some((a) => (k === 0 ? item.endsWith(a) : k === last ? item.startsWith(a) : item === a)));
    if (!listed(place) || own.filter(listed).length >= 2) continue;
    // The first and last items carry the words around the list (赴喀什, 伊犁等地开展); the middle ones are names.
    if (items.slice(1, -1).some((item) => !question.includes(item))) return true;
  }
  return false;
}

/** Whether the question names a kind of money and the value's item only others (MONEY_KINDS). */
function otherMoney(analysis: QuestionAnalysis, item: string): boolean {
  const asked = new Set(analysis.own.flatMap((c) => moneyKindsIn([c.label, ...c.alternatives].join(" "))));
  const printed = moneyKindsIn(item);
  return asked.size > 0 && printed.length > 0 && !printed.some((k) => asked.has(k));
}
