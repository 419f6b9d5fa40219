import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAnswerer, createCandidateFinder, type AnswererDeps } from "../../src/answer/answerer.js";
import type { Turn } from "../../src/answer/conversation.js";
import { CHOOSE_INPUT_NAMES, chooseInputNames, type DecisionModel, type GroupThresholds, type LogisticLayer } from "../../src/answer/decision.js";
import { FEATURE_NAMES, featureVector, type Candidate } from "../../src/answer/features.js";
import type { Selection } from "../../src/answer/select.js";
import { replyLead } from "../../src/answer/lead.js";
import { LEAD_INPUT_NAMES, leadCandidates } from "../../src/answer/values.js";
import { KEYWORD_PROFILE, readProfile } from "../../src/answer/profiles.js";
import { validateQuestion } from "../../src/answer/question.js";
import { dayOf, type Config } from "../../src/config/index.js";
import { embedderFor, type Embedder } from "../../src/embed/index.js";
import { buildIndex, buildOptionsFor } from "../../src/index/build.js";
import { openIndex } from "../../src/index/open.js";
import { createQueryTranslator } from "../../src/retrieve/english.js";
import { evaluationToday, type EvalQuestion } from "../../src/eval/evaluate.js";
import type { PlacedQuestion } from "../../src/eval/corpus.js";

/** "Today" of the fit: fixed, so the fitted weights do not depend on the day the fit runs. */
const FIT_TODAY = dayOf(evaluationToday);

/** One candidate sentence of one question, as the fit sees it. */
export interface Row {
  x: number[];
  /** 1 when the sentence (with the figure it leads with) holds the expected answer. */
  y: number;
  /**
   * 1 when the reply with this candidate holds the expected answer at all: what the reader sees and
   * the eval counts. Differs from `y` for a window whose first sentence already holds it.
   */
  answers: number;
  /** The sentence's values a reply could lead with (values.ts): their features, and 1 when the value is the answer. */
  values?: { x: number[]; y: number }[];
}

/** The candidates of one question, and what the question is. */
export interface LabelledQuestion {
  set: string;
  id: string;
  lang: "zh" | "en";
  /** For folds: questions of one article stay together. */
  group: string;
  /** The right reply is a refusal (a left-out article, a near-topic unanswerable). */
  unanswerable: boolean;
  /** Its article is indexed with the answer taken out (src/eval/near-topic.ts): the right reply has no value. */
  nearTopic?: boolean;
  rows: Row[];
}

const squash = (s: string) => s.replace(/\s+/g, "");
/** Value features are simple fractions: four decimals keep the cache small. */
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** What the reader gets from a candidate: the figure it leads with and the quote (squashed). */
const replyOf = (s: Selection) => squash(`${s.figure?.text ?? ""}${s.sentence.text}`);

/** How a question's expected answer is recognised: in a reply (lead and quote), and in a lead value alone. */
interface Gold {
  reply: (reply: string) => boolean;
  lead: (value: string) => boolean;
}

/** A lead value holds the answer when it contains one, or is a part of one (1998年 of 1998年10月). */
const leadHolds = (answers: string[]) => (value: string) => answers.some((a) => value.includes(a) || (value.length >= 2 && a.includes(value)));

/**
 * A candidate's row. `answers`: the reply a reader would get with this candidate is right — the
 * quote holds the answer, the reply can answer at all (a bound value, every anchor in the article:
 * lead.ts), and the value it leads with, if any, is the answer: a right sentence led by a figure
 * counting another noun is a wrong reply (issue #26). `y` (the sentence to choose) only when it
 * needs all it quotes — a window of two sentences whose first already holds the answer is not the
 * pick, the single sentence is.
 */
function rowOf(c: Candidate, right: boolean, gold: Gold): Row {
  const lead = right ? replyLead(c) : null;
  const value = lead?.value ? squash(lead.value.text) : null;
  const answers = right && lead !== null && gold.reply(replyOf(c.selection)) && (value === null || gold.lead(value));
  const y = answers && !(c.first && gold.reply(replyOf(c.first)));
  const values = leadCandidates(c).map((v) => ({ x: v.x.map(round), y: right && gold.lead(squash(v.value.text)) ? 1 : 0 }));
  return { x: featureVector(c), y: y ? 1 : 0, answers: answers ? 1 : 0, values };
}

/** The candidate finder and the answerer over a built index; `profile`: the decision being fitted (replays conversation turns). */
export function openAnswering(config: Config, embedder: Embedder | null, profile: string) {
  const index = openIndex({ indexDir: config.indexDir, model: config.embeddingModel, efSearch: config.hnsw.efSearch });
  const deps: AnswererDeps = {
    index,
    translator: createQueryTranslator({ lexicon: index.lexicon }),
    embedQuery: embedder && index.vectors ? async (q) => (await embedder.embedQueries([q]))[0]! : null,
  };
  // The answerer only replays the earlier turns of a conversation question, with the committed model.
  return { find: createCandidateFinder(deps), answer: createAnswerer({ ...deps, options: { model: carriedOver(readProfile(profile) ?? readProfile(KEYWORD_PROFILE)!) } }) };
}

/**
 * The committed model on this build's feature list: after a feature is added or removed (before the
 * refit), the weights (the lead layer's too) are carried over by name and a new feature weighs 0, so the fit can run;
 * one threshold per language (an older file) serves both question groups.
 */
export function carriedOver(model: DecisionModel): DecisionModel {
  const layerOf = (names: string[], had: string[]) => {
    const at = names.map((name) => had.indexOf(name));
    return (l: LogisticLayer): LogisticLayer => ({
      bias: l.bias,
      weights: at.map((i) => (i < 0 ? 0 : l.weights[i]!)),
      mean: at.map((i) => (i < 0 ? 0 : l.mean[i]!)),
      scale: at.map((i) => (i < 0 ? 1 : l.scale[i]!)),
    });
  };
  const layer = layerOf(FEATURE_NAMES, model.features);
  // A choose layer from before `chooseInputs` read only the bare features.
  const chooseHad = model.choose.zh.weights.length === model.features.length ? model.features : chooseInputNames(model.features);
  const chooseLayer = layerOf(CHOOSE_INPUT_NAMES, chooseHad);
  // A weights file from before the per-group thresholds: its language's threshold serves both groups.
  const grouped = (t: GroupThresholds | number): GroupThresholds => (typeof t === "number" ? { typed: t, untyped: t } : t);
  return {
    ...model,
    threshold: { zh: grouped(model.threshold.zh), en: grouped(model.threshold.en) },
    features: [...FEATURE_NAMES],
    choose: { zh: chooseLayer(model.choose.zh), en: chooseLayer(model.choose.en) },
    answer: { zh: layer(model.answer.zh), en: layer(model.answer.en) },
    // The lead layer likewise, by its inputs' names.
    ...(model.lead ? { lead: { ...model.lead, features: [...LEAD_INPUT_NAMES], layer: layerOf(LEAD_INPUT_NAMES, model.lead.features)(model.lead.layer) } } : {}),
  };
}

/** Builds a temporary index over `seedsDir` with the configured model and opens it. */
export async function openSeeds(config: Config, seedsDir: string, profile: string) {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "qa-fit-"));
  const built = { ...config, seedsDir, indexDir };
  const report = await buildIndex(buildOptionsFor(built));
  const embedder = report.manifest.model.available ? await embedderFor(built) : null;
  return { ...openAnswering(built, embedder, profile), close: () => fs.rmSync(indexDir, { recursive: true, force: true }) };
}

type Corpus = ReturnType<typeof openAnswering>;

/** SQuAD questions: a candidate is right when it holds a gold answer; a left-out article's are all wrong. */
export async function labelSquad(corpus: Corpus, questions: PlacedQuestion[], set: string, english?: Map<string, string>, file = ""): Promise<LabelledQuestion[]> {
  const out: LabelledQuestion[] = [];
  for (const q of questions) {
    const text = english ? english.get(q.id) : q.question;
    if (!text?.trim()) continue;
    const { candidates } = await corpus.find(validateQuestion(text), { today: FIT_TODAY });
    const answers = q.answers.map(squash).filter(Boolean);
    const gold: Gold = { reply: (reply) => answers.some((g) => reply.includes(g)), lead: leadHolds(answers) };
    const rows = candidates.map((c) => rowOf(c, q.kept, gold));
    // Folds keep an article's questions together, Chinese and English alike.
    out.push({ set, id: q.id, lang: english ? "en" : "zh", group: `squad:${file}:${q.article}`, unanswerable: !q.kept, nearTopic: q.nearTopic, rows });
  }
  return out;
}

/** The project's eval questions (test/eval): right when the source page matches and every expected string is in the reply. */
export async function labelProject(corpus: Corpus, questions: EvalQuestion[], set: string): Promise<LabelledQuestion[]> {
  const out: LabelledQuestion[] = [];
  for (const q of questions) {
    const today = dayOf(q.today ?? evaluationToday);
    let previous: Turn | null = null;
    for (const turn of q.turns ?? []) previous = (await corpus.answer(turn, { previous, today })).turn;
    const { candidates } = await corpus.find(validateQuestion(q.question), { previous, today });
    const expected = q.expect.map(squash);
    const gold: Gold = { reply: (reply) => expected.every((e) => reply.includes(e)), lead: leadHolds(expected) };
    const rows = candidates.map((c) => rowOf(c, q.answerable && c.selection.hit.article.source === q.source, gold));
    out.push({ set, id: q.id, lang: q.lang, group: `${set}:${q.id}`, unanswerable: !q.answerable, rows });
  }
  return out;
}
