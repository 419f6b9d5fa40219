import { QaError } from "../errors.js";
import type { QuestionAnalysis } from "./analysis.js";
import { FEATURE_NAMES, featureVector, type Candidate } from "./features.js";
import { LEAD_GROUPS, LEAD_INPUT_NAMES, type LeadModel } from "./values.js";

/**
 * The answer decision: two logistic layers over the same named features (features.ts), fitted by
 * `npm run fit` (scripts/fit.ts) and stored per retrieval profile in model/profiles/ (profiles.ts) with a summary of the
 * data they came from. `choose` scores every candidate sentence of a question (is this the
 * sentence that answers it?); `answer` scores the chosen one (does the reply answer the question
 * at all, or should the bot refuse?). Each has one layer per question language. Scoring, choosing and "found" are decided here only.
 */
export interface LogisticLayer {
  weights: number[];
  bias: number;
  /** Features are standardised before weighing: (x − mean) / scale. */
  mean: number[];
  scale: number[];
}

export interface DecisionModel {
  /** Feature names, in the order of every layer's arrays. */
  features: string[];
  /**
   * Per question language: an English question reaches the Chinese sentence through the dictionary,
   * so what marks its answering sentence weighs differently (fitted on the English questions only).
   * Reads `chooseInputs` (CHOOSE_INPUT_NAMES order), not the bare features.
   */
  choose: { zh: LogisticLayer; en: LogisticLayer };
  /** Per question language too, for the same reason. */
  answer: { zh: LogisticLayer; en: LogisticLayer };
  /**
   * The chosen candidate answers when `answer` gives it at least this probability, per question
   * language (English questions reach the Chinese text through a dictionary and calibrate apart)
   * and per question group: one asking for a figure, date, name or place (`typed`) or not.
   */
  threshold: { zh: GroupThresholds; en: GroupThresholds };
  /**
   * Below the threshold, the chosen sentence is still quoted as evidence when `answer` gives it at
   * least this probability, per question language: fitted so that questions about an article left
   * out of the corpus (nothing on topic) get a plain refusal, and those whose answer was taken out
   * of an indexed article (on topic) the closest sentence. Absent in older files: 0.1.
   */
  evidence?: { zh: number; en: number };
  /**
   * Which value of the chosen sentence leads the reply, and whether any may (values.ts): fitted on
   * (sentence, value) pairs. Absent in older files: the hand-set lead (lead.ts) leads.
   */
  lead?: LeadModel;
  /** What the model was fitted on and how it measured (see docs/answer-decision.md). */
  fittedOn?: unknown;
}

/**
 * Thresholds of one language by question group: a question that asks for a typed answer risks a
 * confident wrong figure, one that does not a wrong sentence; each group is calibrated on its own.
 */
export interface GroupThresholds {
  typed: number;
  untyped: number;
}

/** The group a question falls in for its threshold. */
export const groupOf = (analysis: Pick<QuestionAnalysis, "wantsTypedAnswer">): keyof GroupThresholds => (analysis.wantsTypedAnswer ? "typed" : "untyped");

/** The probability a chosen candidate needs for this question to be answered. */
export const thresholdFor = (model: DecisionModel, analysis: Pick<QuestionAnalysis, "lang" | "wantsTypedAnswer">): number => model.threshold[analysis.lang][groupOf(analysis)];

/** The least probability at which a sentence that does not answer is still quoted as evidence. */
export const evidenceThresholdFor = (model: DecisionModel, lang: "zh" | "en"): number => model.evidence?.[lang] ?? EVIDENCE_BEFORE_FIT;
/** The evidence threshold of a weights file from before it was fitted. */
export const EVIDENCE_BEFORE_FIT = 0.1;


/** The chosen candidate and whether it answers. */
export interface Decision {
  best: Candidate | null;
  /** Probability that the reply with the best candidate answers the question. */
  probability: number;
  found: boolean;
  /** `choose`'s probability of each candidate against the others, in the candidates' order. */
  chosen: number[];
}

/** Probability of a feature vector (in FEATURE_NAMES order) under one layer. */
export function probabilityOf(layer: LogisticLayer, x: number[]): number {
  let z = layer.bias;
  for (let i = 0; i < x.length; i++) z += (layer.weights[i] ?? 0) * ((x[i]! - (layer.mean[i] ?? 0)) / (layer.scale[i] || 1));
  return 1 / (1 + Math.exp(-z));
}

/** Probability that a candidate, chosen, answers its question (the citation score). */
export function probability(model: DecisionModel, c: Candidate): number {
  return probabilityOf(model.answer[c.analysis.lang], featureVector(c));
}

/**
 * What `choose` reads of each candidate: every feature three ways — its value, how far it falls
 * behind the question's best candidate, and whether it is that best. Choosing is ranking one
 * question's candidates against each other; a bare value says how good a sentence is in general
 * (two-fold CMRC zh, right sentence chosen: 77.6 → 79.5 %).
 */
export function chooseInputs(xs: number[][]): number[][] {
  const d = xs[0]?.length ?? 0;
  const best = Array.from({ length: d }, (_, j) => Math.max(...xs.map((x) => x[j]!)));
  return xs.map((x) => [...x, ...x.map((v, j) => v - best[j]!), ...x.map((v, j) => (v >= best[j]! - 1e-9 ? 1 : 0))]);
}

/** Names of the `choose` inputs over a feature list: each feature, its gap behind the best (`name:gap`), and whether it is the best (`name:best`). */
export const chooseInputNames = (features: readonly string[]): string[] => [...features, ...features.map((n) => `${n}:gap`), ...features.map((n) => `${n}:best`)];

/** The `choose` inputs of this build, in the order of `chooseInputs`. */
export const CHOOSE_INPUT_NAMES = chooseInputNames(FEATURE_NAMES);

/** `choose`'s probability of each candidate (its features) against the question's others. */
function chooseProbabilities(model: DecisionModel, features: number[][], lang: "zh" | "en"): number[] {
  return chooseInputs(features).map((x) => probabilityOf(model.choose[lang], x));
}

/** Index of the highest probability (the first on ties), or −1 for none. */
function indexOfMax(ps: number[]): number {
  let best = -1;
  let p = -1;
  ps.forEach((q, i) => {
    if (q > p) [best, p] = [i, q];
  });
  return best;
}

/** Index of the candidate `choose` (of the question's language) ranks first, or −1 when there is none. */
export function chosenIndex(model: DecisionModel, features: number[][], lang: "zh" | "en"): number {
  return indexOfMax(chooseProbabilities(model, features, lang));
}

/** Picks the answering sentence; found when the reply with it is probable enough. */
export function decide(model: DecisionModel, candidates: Candidate[]): Decision {
  const xs = candidates.map(featureVector);
  const chosen = candidates.length ? chooseProbabilities(model, xs, candidates[0]!.analysis.lang) : [];
  const i = indexOfMax(chosen);
  if (i < 0) return { best: null, probability: 0, found: false, chosen };
  const best = candidates[i]!;
  const p = probabilityOf(model.answer[best.analysis.lang], xs[i]!);
  return { best, probability: p, found: p >= thresholdFor(model, best.analysis), chosen };
}

/**
 * Refuses a model this build cannot read (a stale weights file): another feature list, or one
 * threshold per language where this build reads one per language and question group.
 */
export function checkModel(model: DecisionModel): DecisionModel {
  const want = FEATURE_NAMES.join(",");
  if (model.features.join(",") !== want) {
    throw new QaError("MODEL_MISMATCH", `The answer decision was fitted on features [${model.features.join(", ")}]; this build computes [${want}].`, "Refit it: npm run fit");
  }
  const inputs = CHOOSE_INPUT_NAMES.length;
  if ([model.choose?.zh, model.choose?.en].some((l) => l?.weights?.length !== inputs)) {
    throw new QaError("MODEL_MISMATCH", `The answer decision's choose layer has ${model.choose?.zh?.weights?.length} weights; this build reads ${inputs} (each feature, its gap behind the best candidate, and whether it is the best).`, "Refit it: npm run fit");
  }
  const grouped = (t: unknown) => typeof t === "object" && t !== null && ["typed", "untyped"].every((g) => typeof (t as Record<string, unknown>)[g] === "number");
  if (!grouped(model.threshold?.zh) || !grouped(model.threshold?.en)) {
    throw new QaError("MODEL_MISMATCH", `The answer decision's thresholds are ${JSON.stringify(model.threshold)}; this build reads one per language and question group ({ zh: { typed, untyped }, en: { typed, untyped } }).`, "Refit it: npm run fit");
  }
  const leadGrouped = (t: unknown) => typeof t === "object" && t !== null && LEAD_GROUPS.every((g) => typeof (t as Record<string, unknown>)[g] === "number");
  if (model.lead && (model.lead.features.join(",") !== LEAD_INPUT_NAMES.join(",") || !leadGrouped(model.lead.threshold?.zh) || !leadGrouped(model.lead.threshold?.en))) {
    throw new QaError("MODEL_MISMATCH", `The answer decision's lead layer was fitted on [${model.lead.features.join(", ")}] with thresholds ${JSON.stringify(model.lead.threshold)}; this build reads [${LEAD_INPUT_NAMES.join(", ")}] with one threshold per language and lead group ({ ${LEAD_GROUPS.join(", ")} }).`, "Refit it: npm run fit -- --lead-only");
  }
  return model;
}
