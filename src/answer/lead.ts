import type { QuestionAnalysis } from "./analysis.js";
import { bindingStrength, isBound, LEAD_BINDING } from "./binding.js";
import type { Candidate } from "./features.js";
import { findNames, type Figure } from "./figures.js";
import { pickFigure } from "./select.js";
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
export function replyLead(analysis: QuestionAnalysis, c: Candidate): ReplyLead | null {
  if (c.selection.missingAnchors.length) return null;
  const { figure, sentence } = c.selection;
  const span = figure ? null : spanLead(analysis, sentence.text);
  const leadless = analysis.wantsTypedAnswer && !figure && span === null;
  if (!leadless && isBound(analysis, sentence.text, figure)) return { value: figure ?? span, rebound: false };
  const rebound = boundFigure(analysis, sentence.text);
  return rebound ? { value: rebound, rebound: true } : null;
}

/** The phrase of the sentence standing where a Chinese what / which / who / where / when question's word stands, or null. */
function spanLead(analysis: QuestionAnalysis, sentence: string): Figure | null {
  if (analysis.lang !== "zh" || !SPAN_KINDS.has(analysis.kind)) return null;
  const span = answerSpan(analysis.wording.span, sentence);
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
    const figure = pickFigure(sentence, concepts, kind, unit, (f) => bindingStrength(analysis, sentence, f) >= need);
    if (figure) return figure;
  }
  return null;
}

/** Kinds a phrase can answer (counts and amounts need a figure). */
const SPAN_KINDS = new Set<QuestionKind>(["what", "which", "who", "where", "date", "other"]);
