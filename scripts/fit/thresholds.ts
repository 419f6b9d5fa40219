import { EVIDENCE_BEFORE_FIT, type DecisionModel, type GroupThresholds } from "../../src/answer/decision.js";
import type { LabelledQuestion } from "./collect.js";
import { bestOf, groupOfQuestion, measure } from "./measure.js";

/**
 * The thresholds of a fitted decision (scripts/fit.ts): per language, one per question group that
 * the answer probability must reach, and below them the evidence threshold at which the chosen
 * sentence is still quoted. Chosen on the labelled questions, the project's weighed as in the layers.
 */

/**
 * The project's own questions are news questions with near-topic refusals, the product's domain:
 * each counts PROJECT_WEIGHT times (tried 3, 6, 12, 20: 12 answered most of both at the refusal targets;
 * again under the jointly chosen group thresholds, CMRC zh in-sample: 6 → 73.7 %, 12 → 73.8 %, 20 → 73.2 %).
 */
export const PROJECT_WEIGHT = 12;
/** How many times a question counts: in the layers as a row weight, in the threshold counts as copies (`weighted`). */
export const weightOf = (q: LabelledQuestion) => (q.set === "project" ? PROJECT_WEIGHT : 1);
export const weighted = (questions: LabelledQuestion[]) => questions.flatMap((q) => Array<LabelledQuestion>(weightOf(q)).fill(q));

/** The thresholds tried, sentence and lead alike: 0.01 to 0.99. */
export const GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
export const DEV = (lang: "zh" | "en") => (lang === "zh" ? "squad" : "squad-en");
export type Group = keyof GroupThresholds;
export const GROUPS = ["typed", "untyped"] as const;
export const of = (qs: LabelledQuestion[], set: string, lang?: "zh" | "en", group?: Group) =>
  qs.filter((q) => q.set === set && (!lang || q.lang === lang) && (!group || groupOfQuestion(q) === group));

/** Share of left-out-article questions that must be refused (the target). */
export const LEFT_OUT_TARGET = 0.95;
/**
 * Share of the project's own refusals, per question group, a threshold must hold: a target, not every
 * one — with every one, a single in-sample question set the Chinese typed threshold once DRCD joined
 * the data (0.75; CMRC zh answer-in-reply 70.0 → 61.5 %). 90 % lets one of the 16 Chinese (12 English)
 * typed refusals go; the untyped groups (4 and 2) still hold all.
 */
export const PROJECT_REFUSAL_TARGET = 0.9;

/**
 * What one answer with a wrong lead or quote costs, in right answers: the bot speaks in the paper's
 * name, and a wrong figure there is worse than "the articles don't say" (issue #26) — before, a wrong
 * answer cost nothing. At 1 a threshold rises while fewer than half of the answers it gives up are
 * right. Tried on the lead-labelled data (CMRC + DRCD, Chinese, in-sample): 0 → 51.4 % right at 65.6 %
 * lead precision; 1 → 48.0 % at 71.2 %, near-topic given no value 79 → 84 %; 2 → 32.8 % at 77.0 %
 * and the seeds' own answers 95 → 69 %; 3 → 21.8 % at 80.9 %, 62 %: the layers cannot buy precision
 * past ~80 % at any cost, so a higher cost only refuses.
 */
export const WRONG_REPLY_COST = 1;

/**
 * The better pair: more right answers, less WRONG_REPLY_COST per wrong one, plus near-topic questions given no value (a value kept from a
 * question the pages do not answer weighs as much as a right answer given); then more left-out
 * refusals; then the lower pair.
 */
function better(a: GroupThresholds & { right: number; wrong: number; refused: number; near: number }, b: typeof a | null): boolean {
  if (!b) return true;
  const gain = (p: typeof a) => p.right + p.near - WRONG_REPLY_COST * p.wrong;
  if (gain(a) !== gain(b)) return gain(a) > gain(b);
  if (a.refused !== b.refused) return a.refused > b.refused;
  return a.typed + a.untyped < b.typed + b.untyped;
}

/**
 * Per language, the pair of thresholds (typed, untyped) that answers the most development and
 * project questions right — counting a near-topic negative given no value (an answer taken out of an
 * indexed article) as one more — while refusing ≥ 95 % of all the left-out-article questions (one target for the whole
 * set, as the issue states it) and ≥ 90 % of the project's refusals in each group. (A hard target of
 * 80 % near-topic was tried first: zh typed 0.75, and the seeds' held-out answers fell 82.6 → 17.4 %.)
 * Among equals, the pair
 * refusing more left-out questions, then the lower pair (a higher one costs news overviews, which the
 * fact decision gates, and buys nothing the data shows). Typed questions (a figure, date, name or place asked) risk a
 * confident wrong figure and hold nearly all the project's near-topic refusals, so those bind the
 * typed threshold and no longer hold the untyped one up. (A 95 % target per group was tried: the
 * 92 untyped left-out questions then decide by one question, zh 69.3 %.)
 */
export function chooseThresholds(model: DecisionModel, questions: LabelledQuestion[], lang: "zh" | "en"): GroupThresholds {
  const dev = of(questions, DEV(lang), lang).map((q) => ({ q, group: groupOfQuestion(q), ...bestOf(model, q) }));
  // The project's news questions count in the gain as in the layers (PROJECT_WEIGHT each; one it
  // should refuse counts as a near-topic one): on the translated English questions alone the gain
  // is nearly flat, and one question set the English typed threshold (0.60 on one fit, 0.82 on the next).
  const project = of(questions, "project", lang).map((q) => ({ q, group: groupOfQuestion(q), ...bestOf(model, q) }));
  // Each group's thresholds that hold ≥ 90 % of the project's refusals of the group: the lowest such and up.
  const holding = (group: Group) => {
    const own = of(questions, "project", lang, group);
    const lowest = GRID.find((t) => measure(model, own, t).refusals >= PROJECT_REFUSAL_TARGET) ?? GRID[GRID.length - 1]!;
    return GRID.filter((t) => t >= lowest);
  };
  const [typedGrid, untypedGrid] = [holding("typed"), holding("untyped")];
  const leftOut = dev.filter((d) => d.q.unanswerable && !d.q.nearTopic).length;
  type Pick = GroupThresholds & { right: number; wrong: number; refused: number; near: number };
  let best: Pick | null = null;
  for (const typed of typedGrid) {
    for (const untyped of untypedGrid) {
      const pick: Pick = { typed, untyped, right: 0, wrong: 0, refused: 0, near: 0 };
      for (const d of [...dev, ...project]) {
        const answered = d.p >= (d.group === "typed" ? typed : untyped);
        const weight = d.q.set === "project" ? PROJECT_WEIGHT : 1;
        if (d.q.nearTopic || (d.q.unanswerable && d.q.set === "project")) pick.near += answered ? 0 : weight;
        else if (d.q.unanswerable) pick.refused += answered ? 0 : 1;
        else if (answered && d.right) pick.right += weight;
        else if (answered) pick.wrong += weight;
      }
      if (pick.refused >= LEFT_OUT_TARGET * leftOut && better(pick, best)) best = pick;
    }
  }
  const top = GRID[GRID.length - 1]!;
  return best ? { typed: best.typed, untyped: best.untyped } : { typed: top, untyped: top };
}

/**
 * The evidence threshold of a language: below its answer thresholds, the one that best separates
 * questions whose answer was taken out of an indexed article (on topic: quote the closest sentence)
 * from questions about articles left out (nothing on topic: a plain refusal) — the largest share of
 * near-topic questions quoted minus the share of left-out ones (Youden's J), the lower on ties.
 */
export function chooseEvidence(model: DecisionModel, questions: LabelledQuestion[], lang: "zh" | "en", threshold: GroupThresholds): number {
  const unanswered = questions.filter((q) => q.lang === lang && q.set !== "project" && q.unanswerable).map((q) => ({ near: q.nearTopic === true, p: bestOf(model, q).p }));
  const near = unanswered.filter((u) => u.near);
  const leftOut = unanswered.filter((u) => !u.near);
  if (!near.length || !leftOut.length) return Math.min(EVIDENCE_BEFORE_FIT, threshold.typed, threshold.untyped);
  const quoted = (set: typeof near, e: number) => set.filter((u) => u.p >= e).length / set.length;
  let best = { e: GRID[0]!, j: -Infinity };
  for (const e of GRID.filter((t) => t <= Math.min(threshold.typed, threshold.untyped))) {
    const j = quoted(near, e) - quoted(leftOut, e);
    if (j > best.j + 1e-9) best = { e, j };
  }
  return best.e;
}
