import { probabilityOf, thresholdFor, type DecisionModel, type LogisticLayer } from "../../src/answer/decision.js";
import { LEAD_GROUPS, LEAD_INPUT_NAMES, leadGroupOf, type LeadGroup, type LeadModel } from "../../src/answer/values.js";
import type { LabelledQuestion } from "./collect.js";
import { fitLogistic } from "./logistic.js";
import { bestOf, groupOfQuestion } from "./measure.js";
import { GRID, weighted, weightOf } from "./thresholds.js";

/**
 * The lead layer (src/answer/values.ts): which value of the chosen sentence leads the reply, and
 * whether any may. Fitted on the values of the sentence the model's `choose` picks per question —
 * the ones a reader would see — with the sentence's answer probability as the first input; a value
 * is right when it is (or holds) the gold answer, and every value of a question the pages do not
 * answer is wrong.
 */

/**
 * What one wrong lead costs in right ones: the threshold is the one with the most right leads less
 * LEAD_COST per wrong lead among answered questions, so a value leads only when the layer gives it
 * about LEAD_COST / (1 + LEAD_COST) or more. A wrong figure in the paper's name is worse than
 * "the articles don't state that directly" (issue #26); the curve in the fit's output shows the trade.
 */
export const LEAD_COST = 2;


const at = (name: string) => LEAD_INPUT_NAMES.indexOf(name) - 1;
/** A cached value's group, read from its kind features. */
const groupOfRow = (x: number[]): LeadGroup => leadGroupOf(x[at("phrase")] === 1 ? "phrase" : x[at("name")] === 1 ? "name" : x[at("place")] === 1 ? "place" : "quantity");

/** Per answered question the hand-set reading would lead with a value: the best value's probability and whether it is right, and whether the hand-set value is. */
export interface LeadSeen {
  q: LabelledQuestion;
  /** The best value's group (values.ts' leadGroupOf). */
  group: LeadGroup;
  p: number;
  right: boolean;
  hand: boolean;
}

/** The answered questions of one language with the values of their chosen sentence, as the lead layer sees them. */
export function leadsSeen(model: DecisionModel, layer: LogisticLayer, questions: LabelledQuestion[]): LeadSeen[] {
  const out: LeadSeen[] = [];
  for (const q of questions) {
    const b = bestOf(model, q);
    if (!b.row || b.p < thresholdFor(model, { lang: q.lang, wantsTypedAnswer: groupOfQuestion(q) === "typed" })) continue;
    const values = b.row.values ?? [];
    if (!values.length) continue;
    let top = { p: -1, right: false, group: "figure" as LeadGroup };
    for (const v of values) {
      const p = probabilityOf(layer, [b.p, ...v.x]);
      if (p > top.p) top = { p, right: v.y === 1 && !q.unanswerable, group: groupOfRow(v.x) };
    }
    // The layer only weighs in where the hand-set reading would lead with a value (values.ts' scoredLead).
    const hand = values.find((v) => v.x[at("handLead")] === 1);
    if (hand) out.push({ q, group: top.group, p: top.p, right: top.right, hand: hand.y === 1 && !q.unanswerable });
  }
  return out;
}

/** Fits the lead layer on the chosen sentences' values of both languages (the project's questions weighed by `weightOf`). */
function layerOf(model: DecisionModel, questions: LabelledQuestion[]): LogisticLayer {
  const xs: number[][] = [];
  const ys: number[] = [];
  const weights: number[] = [];
  for (const q of questions) {
    const b = bestOf(model, q);
    for (const v of b.row?.values ?? []) {
      xs.push([b.p, ...v.x]);
      ys.push(v.y === 1 && !q.unanswerable ? 1 : 0);
      weights.push(weightOf(q));
    }
  }
  if (!xs.length) throw new Error("No value candidates in the labelled data: a --cache file written before values.ts holds none. Label again (a new --cache file).");
  return fitLogistic(xs, ys, { weights });
}

/**
 * Share of the project's right hand-set leads (news questions on the seed pages) a lead threshold
 * must keep. The public data are Wikipedia questions, where names, places and phrases lead right
 * half the time; on the news pages a name after its title or a figure before its noun mostly does.
 * Left free, the threshold learnt on Wikipedia made evidence of a tenth of the news answers and no
 * wrong lead of them (own sets: single-turn 92.9 → 85.7 %, every wrong lead kept). So, as the
 * sentence thresholds hold the project's refusals, the lead thresholds hold its right leads.
 */
export const PROJECT_LEAD_TARGET = 0.95;

/**
 * The threshold with the most right leads less LEAD_COST per wrong one (the lower on ties) among
 * those keeping PROJECT_LEAD_TARGET of the project's right leads; a group never seen leads never.
 */
function thresholdOf(seen: LeadSeen[]): number {
  if (!seen.length) return GRID[GRID.length - 1]!;
  const project = seen.filter((l) => l.q.set === "project");
  const projectRight = project.filter((l) => l.hand).length;
  const keeps = (t: number) => project.filter((l) => l.p >= t && l.right).length >= PROJECT_LEAD_TARGET * projectRight;
  let best = { t: GRID[0]!, gain: -Infinity };
  for (const t of GRID.filter(keeps)) {
    const gain = seen.reduce((s, l) => s + (l.p >= t ? (l.right ? 1 : -LEAD_COST) : 0), 0);
    if (gain > best.gain + 1e-9) best = { t, gain };
  }
  return best.t;
}

export function fitLead(model: DecisionModel, questions: LabelledQuestion[]): LeadModel {
  const layer = layerOf(model, questions);
  return { features: [...LEAD_INPUT_NAMES], layer, threshold: { zh: leadThresholds(model, layer, questions, "zh"), en: leadThresholds(model, layer, questions, "en") } };
}

/** One language's lead thresholds, per lead group, for a lead layer over the sentences `model` answers with. */
export function leadThresholds(model: DecisionModel, layer: LogisticLayer, questions: LabelledQuestion[], lang: "zh" | "en"): Record<LeadGroup, number> {
  const seen = leadsSeen(model, layer, weighted(questions).filter((q) => q.lang === lang));
  return Object.fromEntries(LEAD_GROUPS.map((g) => [g, thresholdOf(seen.filter((l) => l.group === g))])) as Record<LeadGroup, number>;
}

/** Leads among answered questions: the fitted layer's at its threshold beside the hand-set reading's. */
export interface LeadMeasure {
  answered: number;
  fitted: { leads: number; right: number };
  hand: { leads: number; right: number };
}

/** The leads of one language's questions (`leadsSeen`), for measuring at several thresholds. */
export const leadsOf = (model: DecisionModel, lead: LeadModel, questions: LabelledQuestion[], lang: "zh" | "en") => leadsSeen(model, lead.layer, questions.filter((q) => q.lang === lang));

/** Leads of one language at the fitted thresholds; `threshold`: one for every group instead (the curve). */
export function measureLead(seen: LeadSeen[], lead: LeadModel, lang: "zh" | "en", threshold?: number): LeadMeasure {
  const fitted = seen.filter((l) => l.p >= (threshold ?? lead.threshold[lang][l.group]));
  return {
    answered: seen.length,
    fitted: { leads: fitted.length, right: fitted.filter((l) => l.right).length },
    hand: { leads: seen.length, right: seen.filter((l) => l.hand).length },
  };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "—");

export function formatLeadMeasure(label: string, m: LeadMeasure): string {
  const { fitted: f, hand: h } = m;
  return `${label}: of ${m.answered} answered with a hand-set value lead — fitted leads ${f.leads}, right ${f.right}, wrong ${f.leads - f.right} (precision ${pct(f.right, f.leads)}); hand-set leads ${h.leads}, right ${h.right}, wrong ${h.leads - h.right} (precision ${pct(h.right, h.leads)})`;
}
