import type { QuestionAnalysis } from "./analysis.js";
import { ADMIN_UNIT, mentions, mentionStrength, type Concept } from "./concepts.js";
import { findFigures, rolesNamed, titleBefore, type Figure } from "./figures.js";
import { otherOfKind } from "./qualifiers.js";
import { classesOfUnit, MEASURE_CLASSES, moneyKindsIn, type MeasureClass } from "./units.js";
import { taggedWords } from "../retrieve/tokenize.js";

/**
 * A reply leads with a value only when that value is bound, inside its clause, to what the question
 * asks: the counted or measured thing for a count or an amount (657件*微心愿*, not the 1614名 of the
 * same sentence), the role for a who-question (the *行长* of the branch asked about, not the nearest
 * name), and every qualifier the question names (第二批, 重大, 高级, 女) in the sentence itself.
 * An unbound value is no answer: the reply gives the sentence as evidence instead.
 */

/**
 * Words a place follows when it is where the clause's thing is or its event happens (位于哈尔滨市,
 * 总部设在胡志明市, 在南京举行): the binding of a place to what a where-question asks.
 */
export const LOCATIVE_BEFORE = /(?:位于|坐落|座落|地处|设在|设于|落户|处于|在|于)$/;

const spellings = (focus: Concept) => [focus.label, ...focus.alternatives];


/** The classes the focus word asks for as such (面积, how long). */
const classesAskedBy = (focus: Concept | null): MeasureClass[] => (focus ? MEASURE_CLASSES.filter((row) => spellings(focus).some((w) => row.words?.test(w))) : []);

/**
 * The class counting a count's noun (how many *students*, 多少头*牛*), read as the question spells
 * it: the bridge's readings of an English word are guesses (milk → 奶牛).
 */
const classesCounting = (counted: Concept | null): MeasureClass[] => (counted ? MEASURE_CLASSES.filter((row) => row.counts?.test(counted.label)) : []);

/** Clauses of a sentence with their offsets: a value belongs to what its own clause says. */
function clausesOf(sentence: string, at: number): { clauses: { start: number; text: string }[]; i: number } {
  const clauses = [...sentence.matchAll(/[^，,；;：:。！？!?]+/gu)].map((m) => ({ start: m.index ?? 0, text: m[0] }));
  return { clauses, i: Math.max(0, clauses.findIndex((c) => at >= c.start && at < c.start + c.text.length)) };
}

function clauseAround(sentence: string, at: number): { own: string; before: string; after: string } {
  const { clauses, i } = clausesOf(sentence, at);
  return { own: clauses[i]?.text ?? sentence, before: clauses[i - 1]?.text ?? "", after: clauses[i + 1]?.text ?? "" };
}

/** The offsets of the clause holding `at`. */
function clauseSpan(sentence: string, at: number): { start: number; end: number } {
  const { clauses, i } = clausesOf(sentence, at);
  const c = clauses[i];
  return c ? { start: c.start, end: c.start + c.text.length } : { start: 0, end: sentence.length };
}

/** The words of a list item before its value: from the previous value of the sentence's `figures` (or the clause's start) to this one. */
function itemBefore(sentence: string, figures: Figure[], figure: Figure): string {
  const clauseStart = Math.max(...[...sentence.slice(0, figure.start).matchAll(/[，,；;：:。！？!?]/gu)].map((m) => (m.index ?? 0) + 1), 0);
  const previousEnd = Math.max(clauseStart, ...figures.filter((f) => f.end <= figure.start).map((f) => f.end));
  return sentence.slice(previousEnd, figure.start);
}

/** The noun written right after a count (164家*企业*), if any: the first word of what follows, when jieba tags it a noun. */
function nounAfter(sentence: string, figure: Figure): string | null {
  const next = taggedWords(sentence.slice(figure.end, figure.end + 8))[0];
  return next && next.start === 0 && /^n(?!r)/.test(next.tag) ? next.word : null;
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

/** What follows a value that closes a list item: a list or clause mark, a conjunction, the end. */
const ITEM_END = /^(?:[、，,；;：:。！？!?）)」”]|以及|和|及|与|或|$)/u;

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
  // A list of items each closed by its value (…劳模241人和…): a count before its noun (向129名…毕业生) is no item's end.
  if (list.length < 2 || at < 0 || !list.every((f) => ITEM_END.test(sentence.slice(f.end)))) return false;
  const items = list.map((f) => itemBefore(sentence, figures, f));
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
  const values = figures.filter((f) => f.kind === "quantity" && f.unit !== "");
  // …each closing its item: after a count before its noun (返还309家小微企业工会经费455.43万元) the verb goes on.
  if (!values.every((f) => ITEM_END.test(sentence.slice(f.end)))) return false;
  const items = values.map((f) => ({ f, item: itemBefore(sentence, values, f) }));
  const mine = items.find((i) => i.f.start === figure.start)?.item;
  if (mine === undefined || mine.includes(predicate) || !items.some((i) => i.item.includes(predicate))) return false;
  // A verb: tagged one (not a verbal noun, vn, which names a thing: 经费), or a word an adverb precedes (已*办理*: jieba tags it n).
  const words = taggedWords(mine);
  return words.some((w, i) => [...w.word].length >= 2 && (/^v(?!n)/.test(w.tag) || (w.tag === "n" && words[i - 1]?.tag === "d")));
}

/**
 * Whether the place asked is one of three or more listed before the value (赴喀什、和田、巴州、伊犁等地)
 * and the question leaves the others out: the value is the list's, not the place's alone.
 */
function forPlacesListed(place: Concept, sentence: string, figure: Figure, question: string): boolean {
  for (const list of sentence.slice(0, figure.start).matchAll(/\p{Script=Han}{1,8}(?:、\p{Script=Han}{1,8}){2,}/gu)) {
    const items = list[0].split("、");
    // The place must be an item itself (赴*喀什*、和田…), not the whole the items make up (大肚王国由A族、B族…).
    const last = items.length - 1;
    const isItem = (item: string, k: number) => place.alternatives.some((a) => (k === 0 ? item.endsWith(a) : k === last ? item.startsWith(a) : item === a));
    if (!items.some(isItem)) continue;
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

const named = (text: string, c: Concept, partial: number) => mentions(text, c) || mentionStrength(text, c, partial) >= 0.5;

/**
 * How firmly the value a sentence would lead with is bound to the question: 2 when its clause (for
 * a name or place, the clauses beside it too: 兴业银行昌吉分行行长，韩平表示; for a date, its sentence)
 * names the focus — or, without a focus, one of the question's own words — or its unit measures
 * what the focus asks (占地98.42亩 for "how much land"); 1 when it names another of the question's
 * own words, or the question has no focus and the value is in the measure asked ("how many
 * people" → 58072人次); 0 otherwise, or when a qualifier the question names is not beside it.
 */
export function bindingStrength(analysis: QuestionAnalysis, sentence: string, figure: Figure): 0 | 1 | 2 {
  return bindingOf(analysis, sentence, figure).strength;
}

/** A value's binding (bindingStrength), and whether it is vetoed. */
export interface Binding {
  strength: 0 | 1 | 2;
  /**
   * The value is about something else than the question asks, whatever its clause names: a
   * qualifier missing or another of its kind, a total of parts when a part is asked, another
   * organisation's title, a measure or a noun of another class. A vetoed value never leads — not even
   * where the lead layer would swap it in (values.ts' leadCandidates); an unbound one only lacks evidence.
   */
  vetoed: boolean;
}

export function bindingOf(analysis: QuestionAnalysis, sentence: string, figure: Figure): Binding {
  const read = readBinding(analysis, sentence, figure);
  return read === VETOED ? { strength: 0, vetoed: true } : { strength: read, vetoed: false };
}

const VETOED = "vetoed";

/** The general classifier, which counts anything (471个项目): no measure of its own. */
const GENERAL_COUNTER = /^(?:[万亿千百])?个$/;

/** bindingStrength, telling a vetoed value (VETOED) from one its clause merely does not bind (0). */
function readBinding(analysis: QuestionAnalysis, sentence: string, figure: Figure): 0 | 1 | 2 | typeof VETOED {
  const { own: clause, before, after } = clauseAround(sentence, figure.start);
  // A date dates its sentence's event (12月1日，…滑雪场开板); a name or place sits beside its role.
  const region = figure.kind === "date" || figure.kind === "year" ? sentence : figure.kind === "name" || figure.kind === "place" ? `${before}，${clause}，${after}` : clause;
  // A qualifier picks one value among several: it must stand by this one (其中重大隐患12项), not
  // elsewhere in the sentence (共排查隐患300项，其中重大隐患12项 binds 重大 to 12项 only).
  const near = `${before}，${region}`;
  // The sentence's values and this one's list item, found once for the checks that read them.
  let figures: Figure[] | null = null;
  const sentenceFigures = () => (figures ??= findFigures(sentence));
  let item: string | null = null;
  const ownItem = () => (item ??= itemBefore(sentence, sentenceFigures(), figure));
  if (!analysis.qualifiers.every((forms) => forms.some((f) => near.includes(f)))) return VETOED;
  // …and the words since the previous value (the list item of 全国…5名、自治区和兵团级…144名) must
  // not name another of its kind: a level or rank the question did not ask.
  if (figure.kind === "quantity" && analysis.qualifiers.some((forms) => otherOfKind(forms, ownItem()))) return VETOED;
  const own = analysis.own.filter((c) => !c.date && !c.context);
  if (figure.kind === "quantity" && otherPartThanAsked(own, sentence, sentenceFigures(), figure, analysis.tuning.partialMention)) return VETOED;
  const focus = analysis.focus && !analysis.focus.date ? analysis.focus : null;
  if (figure.kind === "quantity" && otherPredicate(analysis.predicate, sentence, sentenceFigures(), figure)) return VETOED;
  if (figure.kind === "quantity" && otherItemThanAsked(own, focus, sentence, sentenceFigures(), figure, analysis.tuning.partialMention)) return VETOED;
  if (figure.kind === "name" && !ofOrganisationAsked(analysis, own, focus, sentence, figure)) return VETOED;
  // The noun a count counts: the head marked by the analysis (ski *runs*, 多少工会*经费*), else the focus of a Chinese count (多少*学生*).
  const counted = own.find((c) => c.counted) ?? (analysis.lang === "zh" && analysis.kind === "count" ? focus : null);
  const { partialMention } = analysis.tuning;
  const measured = classesOfUnit(figure.unit);
  const askedAsSuch = classesAskedBy(focus);
  // The counted head asks for its class as such too (多少工会*经费*: money).
  const countedClasses = classesCounting(counted);
  const asked = [...askedAsSuch, ...countedClasses, ...(counted && counted !== focus ? classesAskedBy(counted) : [])];
  // A value in one class's units asked about other classes only measures or counts something else —
  // unless it is in the very measure the question names (多少套…卡车防碰撞预警系统: 400套).
  const inMeasureNamed = analysis.unit !== null && analysis.unit !== "个" && figure.unit.endsWith(analysis.unit);
  if (measured.length && asked.length && !inMeasureNamed && !measured.some((row) => asked.includes(row))) return VETOED;
  // A thing with its own measure (households: 户) is counted in it where the sentence has it: a
  // general counter beside it (项目471个，…21887户) counts something else.
  if (figure.kind === "quantity" && countedClasses.length && GENERAL_COUNTER.test(figure.unit) && sentenceFigures().some((f) => f.start !== figure.start && classesOfUnit(f.unit).some((row) => countedClasses.includes(row)))) return VETOED;
  // A count written before its noun counts that noun (164家*企业*): a class of things the question
  // never names is something else than what it asks (多少个岗位).
  const noun = figure.kind === "quantity" ? nounAfter(sentence, figure) : null;
  const counts = noun ? MEASURE_CLASSES.filter((row) => row.counts?.test(noun)) : [];
  if (counts.length && !counts.some((row) => asked.includes(row)) && !analysis.own.some((c) => mentions(noun!, c) || c.alternatives.some((a) => noun!.includes(a)))) return VETOED;
  // A value given for a list of places (赴喀什、和田、巴州、伊犁等地…3388个) is not one listed place's.
  if (figure.kind === "quantity" && own.some((c) => c.place && forPlacesListed(c, sentence, figure, analysis.wording.plain))) return VETOED;
  // Money of another kind: the question asks revenue, the value's own words say investment.
  if (measured.some((row) => row.kind === "money") && otherMoney(analysis, ownItem())) return VETOED;
  // A number, name or place the question itself states is what it asks about, not the answer (how
  // many of the 234 sessions…; 一个位于香港大屿山，另一个位于何处).
  if (figure.kind === "quantity" && figure.value !== null && analysis.stated.includes(figure.value)) return VETOED;
  if ((figure.kind === "name" || figure.kind === "place") && analysis.wording.plain.includes(figure.text)) return VETOED;
  if (!focus && !own.length) return 2;
  if (focus ? named(region, focus, partialMention) || measured.some((row) => askedAsSuch.includes(row)) : own.some((c) => named(region, c, partialMention))) return 2;
  // "How many people" with no focus word: a count in people is of the kind asked, if not of what.
  const ofAskedMeasure = !focus && analysis.unit !== null && figure.unit !== "";
  return ofAskedMeasure || own.some((c) => !c.anchor && named(region, c, partialMention)) ? 1 : 0;
}

/** A paper's own staff, named in bylines (本报记者 杨鹤): "the reporter of this story" names the story, not an employer. */
const BYLINE_ROLE = /记者|通讯员/;

/**
 * Whether a name holds the role asked *of the organisation asked*: where its title names an
 * organisation (兴业银行昌吉分行行长韩平), that title must spell every word the question puts
 * right before the role, unbroken (兴业银行准东支行的行长: 准东 and 支行 are not in it, so 韩平
 * heads another branch). Places the question anchors on are left out (the article must name them
 * anyway; a title says 州总工会 for 昌吉州总工会), and a bare role (行长韩平) or a byline (本报记者)
 * says nothing against the name.
 */
function ofOrganisationAsked(analysis: QuestionAnalysis, own: Concept[], focus: Concept | null, sentence: string, name: Figure): boolean {
  if (analysis.lang === "en") return ofOrganisationAskedEn(analysis, sentence, name);
  if (!focus || focus.at === undefined || !rolesNamed([focus.label]).roles.length || BYLINE_ROLE.test(focus.label)) return true;
  // What the title prints before a role the question spells whole (高级*技师*) is part of the role, no organisation.
  const printed = titleBefore(sentence, name.start)?.organisation ?? "";
  const organisation = focus.label.includes(printed) ? "" : printed;
  const before = own.filter((c) => c.run === focus.run && c.at !== undefined && c.at < focus.at!);
  const whose = before.filter((c) => !c.anchor);
  return !organisation || (whose.every((c) => mentions(organisation, c)) && !ofAnotherPlace(organisation, before.filter((c) => c.place)));
}

/**
 * Whether a title's organisation is another place's (奇台县退役军人事务局 when 昌吉州's bureau is
 * asked): it names a place, and none the question puts before the role. A title without a place
 * (州总工会) says nothing against it.
 */
function ofAnotherPlace(organisation: string, asked: Concept[]): boolean {
  if (!asked.length) return false;
  const places = taggedWords(organisation).filter((w) => w.tag === "ns" || (w.word.length >= 3 && ADMIN_UNIT.test(w.word)));
  return places.length > 0 && !places.some((p) => asked.some((c) => mentions(p.word, c) || c.alternatives.some((a) => p.word.includes(a))));
}

/**
 * The English form of `ofOrganisationAsked`: the words after the role (the head *of the Changji
 * education bureau*, who *heads the ski resort*) name the organisation, read through the bridge's
 * loose readings — so most of them, not every one, must be in the title (教育 and 局 for
 * 奇台县退役军人事务局局长: 局 only, another bureau). A name the question puts in the
 * organisation (the *Zhundong* branch) must be in it (兴业银行昌吉分行: another branch).
 */
function ofOrganisationAskedEn(analysis: QuestionAnalysis, sentence: string, name: Figure): boolean {
  const own = analysis.own.filter((c) => !c.date && !c.context && c.at !== undefined);
  const role = own.find((c) => rolesNamed(c.alternatives).roles.length > 0);
  const title = role ? titleBefore(sentence, name.start) : null;
  if (!role || !title?.organisation) return true;
  const titled = title.organisation + title.role;
  const after = own.filter((c) => c.at! > role.at! && !rolesNamed(c.alternatives).roles.length);
  const words = after.filter((c) => !c.anchor && !c.weak && c.alternatives.some((a) => /\p{Script=Han}/u.test(a)));
  const { partialMention } = analysis.tuning;
  if (words.length && words.filter((c) => named(titled, c, partialMention)).length * 2 <= words.length) return false;
  return after.filter((c) => c.anchor).every((c) => mentions(titled, c));
}

/**
 * The least binding a value needs to lead a reply: Chinese questions name their focus beside the
 * question word (多少*微心愿*); an English focus is a guess at a compound's head ("livestock feed"),
 * so there another of the question's own words in the clause will do.
 */
export const LEAD_BINDING: Record<"zh" | "en", 1 | 2> = { zh: 2, en: 1 };

/** Whether a value may lead the reply (no value: the sentence itself answers, nothing to bind). */
export function isBound(analysis: QuestionAnalysis, sentence: string, figure: Figure | null): boolean {
  return !figure || bindingStrength(analysis, sentence, figure) >= LEAD_BINDING[analysis.lang];
}
