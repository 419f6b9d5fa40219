import type { QuestionAnalysis } from "./analysis.js";
import { clauseAround, itemBefore, named } from "./clauses.js";
import type { Concept } from "./concepts.js";
import { findFigures, isDate, type Figure } from "./figures.js";
import { classesOfUnit, MEASURE_CLASSES, type MeasureClass } from "./units.js";
import { vetoOf, type VetoContext, type VetoName } from "./vetoes.js";

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
   * The value is about something else than the question asks, whatever its clause names
   * (vetoes.ts). A vetoed value never leads — not even where the lead layer would swap it in
   * (values.ts' leadCandidates); an unbound one only lacks evidence.
   */
  vetoed: boolean;
  /** Which veto holds (vetoes.ts' VETOES), or null. */
  veto: VetoName | null;
}

export function bindingOf(analysis: QuestionAnalysis, sentence: string, figure: Figure): Binding {
  const { own: clause, before, after } = clauseAround(sentence, figure.start);
  // A date dates its sentence's event (12月1日，…滑雪场开板); a name or place sits beside its role.
  const region = isDate(figure) ? sentence : figure.kind === "name" || figure.kind === "place" ? `${before}，${clause}，${after}` : clause;
  const own = analysis.own.filter((c) => !c.date && !c.context);
  const focus = analysis.focus && !analysis.focus.date ? analysis.focus : null;
  // The noun a count counts: the head marked by the analysis (ski *runs*, 多少工会*经费*), else the focus of a Chinese count (多少*学生*).
  const counted = own.find((c) => c.counted) ?? (analysis.lang === "zh" && analysis.kind === "count" ? focus : null);
  const measured = classesOfUnit(figure.unit);
  const askedAsSuch = classesAskedBy(focus);
  // The counted head asks for its class as such too (多少工会*经费*: money).
  const countedClasses = classesCounting(counted);
  const asked = [...askedAsSuch, ...countedClasses, ...(counted && counted !== focus ? classesAskedBy(counted) : [])];
  // The sentence's values and this one's list item, found once for the vetoes that read them.
  let figures: Figure[] | null = null;
  let item: string | null = null;
  const context: VetoContext = {
    analysis,
    sentence,
    figure,
    own,
    focus,
    counted,
    near: `${before}，${region}`,
    figures: () => (figures ??= findFigures(sentence)),
    item: () => (item ??= itemBefore(sentence, context.figures(), figure)),
    classes: { measured, asked, counted: countedClasses },
  };
  const veto = vetoOf(context);
  if (veto) return { strength: 0, vetoed: true, veto };
  return { strength: strengthOf(analysis, own, focus, region, figure, measured, askedAsSuch), vetoed: false, veto: null };
}

/** bindingStrength of a value no veto holds for. */
function strengthOf(analysis: QuestionAnalysis, own: Concept[], focus: Concept | null, region: string, figure: Figure, measured: MeasureClass[], askedAsSuch: MeasureClass[]): 0 | 1 | 2 {
  const { partialMention } = analysis.tuning;
  if (!focus && !own.length) return 2;
  if (focus ? named(region, focus, partialMention) || measured.some((row) => askedAsSuch.includes(row)) : own.some((c) => named(region, c, partialMention))) return 2;
  // "How many people" with no focus word: a count in people is of the kind asked, if not of what.
  const ofAskedMeasure = !focus && analysis.unit !== null && figure.unit !== "";
  return ofAskedMeasure || own.some((c) => !c.anchor && named(region, c, partialMention)) ? 1 : 0;
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
