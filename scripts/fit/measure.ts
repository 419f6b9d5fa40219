import { chosenIndex, probabilityOf, type DecisionModel, type GroupThresholds } from "../../src/answer/decision.js";
import { FEATURE_NAMES } from "../../src/answer/features.js";
import type { LabelledQuestion, Row } from "./collect.js";

const TYPED = FEATURE_NAMES.indexOf("typedAnswerAsked");

/**
 * A question's threshold group, read from its candidates' `typedAnswerAsked` feature (the same for
 * every candidate of a question), so cached rows need no new field. No candidate: refused anyway.
 */
export const groupOfQuestion = (q: LabelledQuestion): keyof GroupThresholds => (q.rows[0]?.x[TYPED] === 1 ? "typed" : "untyped");

/** How a model with a threshold does on a set of questions, as the reader would see it. */
export interface Measure {
  threshold: number;
  /** Answerable questions answered with the right sentence / all answerable. */
  recall: number;
  /** Found answers that are right / all found answers (refusable questions answered count as wrong). */
  precision: number;
  /** Unanswerable questions refused / all unanswerable. */
  refusals: number;
  answerable: number;
  unanswerable: number;
}

/** Per question: the candidate `choose` picks, its `answer` probability, and whether it is right. */
export function bestOf(model: DecisionModel, q: LabelledQuestion): { p: number; right: boolean; x: number[] | null; row: Row | null } {
  const i = chosenIndex(model, q.rows.map((r) => r.x), q.lang);
  if (i < 0) return { p: 0, right: false, x: null, row: null };
  const row = q.rows[i]!;
  return { p: probabilityOf(model.answer[q.lang], row.x), right: row.answers === 1 && !q.unanswerable, x: row.x, row };
}

export function measure(model: DecisionModel, questions: LabelledQuestion[], threshold?: number): Measure {
  let rightFound = 0;
  let found = 0;
  let refused = 0;
  const best = questions.map((q) => ({ q, ...bestOf(model, q) }));
  for (const { q, p, right } of best) {
    const answered = p >= (threshold ?? model.threshold[q.lang][groupOfQuestion(q)]);
    if (answered) found++;
    if (answered && right && !q.unanswerable) rightFound++;
    if (!answered && q.unanswerable) refused++;
  }
  const answerable = questions.filter((q) => !q.unanswerable).length;
  const unanswerable = questions.length - answerable;
  return {
    threshold: threshold ?? NaN,
    recall: answerable ? rightFound / answerable : 1,
    precision: found ? rightFound / found : 1,
    refusals: unanswerable ? refused / unanswerable : 1,
    answerable,
    unanswerable,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatMeasure(label: string, m: Measure): string {
  return `${label}: right answer ${pct(m.recall)} of ${m.answerable} answerable, precision ${pct(m.precision)}, refusals ${pct(m.refusals)} of ${m.unanswerable} ${Number.isNaN(m.threshold) ? "" : ` (threshold ${m.threshold.toFixed(2)})`}`;
}
