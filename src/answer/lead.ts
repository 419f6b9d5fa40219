import type { QuestionAnalysis } from "./analysis.js";
import { bindingStrength, isBound, LEAD_BINDING } from "./binding.js";
import type { Candidate } from "./features.js";
import { findFigures, findNames, findPlaces, isBareNumber, type Figure } from "./figures.js";
import { pickFigure } from "./select.js";
import { otherOfKind } from "./qualifiers.js";
import { answerSpan } from "./span.js";
import type { QuestionKind } from "./types.js";

/**
 * What a reply with a candidate would lead with, read once for the answerer (bindLead) and for the
 * fit's labels, so the fitted decision learns from the lead a reader would see (issue #26).
 */
export interface ReplyLead {
  /** The figure, date, name, place or phrase the reply leads with; null: the quote leads (no value asked). */
  value: Figure | null;
  /** The sentence's chosen figure was not bound, and this other value of the same sentence is. */
  rebound: boolean;
}

/**
 * The candidate's lead when its reply can answer: every place, name and date the question anchors on
 * is in the article, a value is bound to the question (binding.ts) — its own figure, else the same
 * sentence's bound value (402名失业人员再就业 beside 105名就业困难人员) — and a question asking for a
 * figure, date, name or place gets one (for Chinese, the phrase where the question word stands will
 * do). Null: the reply with this candidate is evidence, not an answer.
 */
export function replyLead(c: Candidate): ReplyLead | null {
  if (c.selection.missingAnchors.length) return null;
  const { lead } = leadShape(c);
  // A value is the place's only where the sentence names it or the article is about it.
  return lead?.value && c.selection.placesAside.length ? null : lead;
}

/** The lead of the candidate's sentence whatever its article lacks (the decision reads missing anchors on their own). */
function leadOf(analysis: QuestionAnalysis, c: Candidate): ReplyLead | null {
  const { figure, sentence } = c.selection;
  const span = figure ? null : spanLead(analysis, sentence.text);
  const leadless = analysis.wantsTypedAnswer && !figure && span === null;
  if (!leadless && isBound(analysis, sentence.text, figure)) return { value: figure ?? span, rebound: false };
  const rebound = boundFigure(analysis, sentence.text);
  return rebound ? { value: rebound, rebound: true } : null;
}

/** What a phrase says a time with: a digit, or a word of time (年, 月, 时, 期, 代, 世纪, 春…, 晚…, 唐末, 年初). */
const SAYS_A_TIME = /[\d年月日时期代纪世季节春夏秋冬晨晚夜早午周旬朝初末]/u;

/** The phrase of the sentence standing where a Chinese what / which / who / where / when question's word stands, or null. */
export function spanLead(analysis: QuestionAnalysis, sentence: string): Figure | null {
  if (analysis.lang !== "zh" || !SPAN_KINDS.has(analysis.kind)) return null;
  const span = answerSpan(analysis.wording.span, sentence);
  // A when-question is answered by a time (傍晚时份, 白垩纪中期, 嘉靖七年), never a phrase that says none (毛与江青等人).
  if (span && analysis.kind === "date" && !SAYS_A_TIME.test(span.text)) return null;
  // A phrase naming another level, rank or stage than the question's (二等奖和三等奖6个 for 一等奖) is about that one.
  if (span && analysis.qualifiers.some((forms) => otherOfKind(forms, span.text))) return null;
  if (!span || analysis.kind !== "who") return span;
  // A who-answer leads with the name alone (副主席谢荣新表示 → 谢荣新): the role is in the quote. A
  // phrase without a person's name (an office, a team) stays the phrase.
  const name = findNames(span.text)[0];
  return name ? { ...name, start: span.start + name.start, end: span.start + name.end } : span;
}

/** The value of the sentence most firmly bound to the question, if one is bound enough to lead. */
function boundFigure(analysis: QuestionAnalysis, sentence: string): Figure | null {
  const { concepts, kind, unit, lang } = analysis;
  for (let need = 2; need >= LEAD_BINDING[lang]; need--) {
    const figure = pickFigure(sentence, concepts, kind, unit, (f) => bindingStrength(analysis, sentence, f) >= need, analysis.tuning.focusBoost);
    if (figure) return figure;
  }
  return null;
}

/** Kinds a phrase can answer (counts and amounts need a figure). */
const SPAN_KINDS = new Set<QuestionKind>(["what", "which", "who", "where", "date", "other"]);

/**
 * What the decision reads of a candidate's lead (features.ts): whether its sentence binds a value
 * to the question (anchors the article lacks aside: they are features of their own),
 * what leads it, how many other values of the same kind its sentence holds (one of two counts is a
 * coin toss), and how close the value stands to the question's own words in the sentence. Worked out
 * once per candidate: the features, the answerer's bindLead and the fit's labels all read this one.
 */
export interface LeadShape {
  /** The sentence's lead, as replyLead reads it but for the anchors; null: nothing bound. */
  lead: ReplyLead | null;
  /** Other values of the lead's kind in the sentence (other names for a name, other figures for a figure). */
  rivals: number;
  /** Characters between the value and the nearest of the question's own words in the sentence (Infinity: none there). */
  gap: number;
}

const shapes = new WeakMap<Candidate, LeadShape>();

export function leadShape(c: Candidate): LeadShape {
  const known = shapes.get(c);
  if (known) return known;
  const { analysis } = c;
  const lead = leadOf(analysis, c);
  const value = lead?.value ?? null;
  const text = c.selection.sentence.text;
  const shape: LeadShape = value ? { lead, rivals: rivalsOf(text, value), gap: gapToQuestion(analysis, text, value) } : { lead, rivals: 0, gap: Infinity };
  shapes.set(c, shape);
  return shape;
}

/** Values of the same kind as `value` elsewhere in the sentence. */
export function rivalsOf(sentence: string, value: Figure): number {
  const same =
    value.kind === "name" ? findNames(sentence) : value.kind === "place" ? findPlaces(sentence) : value.kind === "phrase" ? [] : findFigures(sentence).filter((f) => f.kind === value.kind && !isBareNumber(f));
  return same.filter((f) => f.start !== value.start).length;
}

/** Distance in characters from the value to the nearest spelling of one of the question's own words. */
export function gapToQuestion(analysis: QuestionAnalysis, sentence: string, value: Figure): number {
  let gap = Infinity;
  for (const concept of analysis.own) {
    for (const spelling of concept.alternatives) {
      if (spelling.length < 2 && !/\p{Script=Han}/u.test(spelling)) continue;
      for (let at = sentence.indexOf(spelling); at >= 0; at = sentence.indexOf(spelling, at + 1)) {
        const end = at + spelling.length;
        const d = end <= value.start ? value.start - end : at >= value.end ? at - value.end : 0;
        gap = Math.min(gap, d);
      }
    }
  }
  return gap;
}
