import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Answer } from "../answer/types.js";
import type { Config } from "../config/index.js";
import { openQaService } from "../core/service.js";
import type { AnswerTuningOverrides } from "../answer/tuning.js";
import type { QaService } from "../core/types.js";
import { embedderFor, type Embedder } from "../embed/index.js";
import { buildIndex, buildOptionsFor, describeModel, type BuildReport } from "../index/build.js";
import { parseArticles } from "../ingest/index.js";
import { seedPageText, writeSquadCorpus, type PlacedQuestion, type WrittenCorpus } from "./corpus.js";
import { leadMatches, peerFigure } from "./lead.js";
import { createBigramPeer, type NaivePeer } from "./peer.js";
import { figuresOf, holdsAnswer, share, type ExternalReport, type SquadOutcome } from "./report.js";
import { loadSquad, loadTranslatedQuestions, type SquadArticle, type SquadFile } from "./squad.js";

/**
 * The external evaluation: any SQuAD-format file is written as seed pages, indexed with the
 * configured model in a temporary folder, and every question is asked in-process through the real
 * answering service — next to a naive peer reading the same kept articles.
 */

export interface ExternalEvalOptions {
  /** SQuAD-format JSON file. */
  squadFile: string;
  /** JSONL of {"id","question"} in English, ids as in the SQuAD file. */
  questionsEnFile?: string | null;
  /**
   * Every n-th article (1-based) is left out of the corpus; its questions must be refused. Default 6.
   * Halfway between, an article is written with an answer taken out (near-topic negatives).
   */
  leaveOutEvery?: number;
  /** Use the configured LLM writer too (default false: the extractive answer alone). */
  useLlm?: boolean;
  /** Overrides of the answer stage's hand-set numbers (answer/tuning.ts). Default: none. */
  tuning?: AnswerTuningOverrides;
  /** Called after each question (done, total), e.g. for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExternalEvalRun {
  report: ExternalReport;
  /** Every question's outcome, Chinese then English (for `--details`). */
  outcomes: SquadOutcome[];
}

/** A SQuAD file written as seed pages and built into a temporary index. */
export interface SquadIndex {
  squad: SquadFile;
  corpus: WrittenCorpus;
  leaveOutEvery: number;
  /** The settings with SEEDS_DIR and INDEX_DIR pointing at the temporary pages and index. */
  config: Config;
  build: BuildReport;
  /** The embedder the index was built with, or null for a keyword-only index. */
  embedder: Embedder | null;
  /** Removes the temporary pages and index. */
  dispose(): void;
}

/**
 * Writes the file's articles as pages (every `leaveOutEvery`-th left out) and indexes them with the
 * configured model. What the evaluation asks against — and what a script fitting the answer
 * decision can open (`openIndex(handle.config…)`) to label the same questions. Call `dispose()`.
 */
export async function buildSquadIndex(config: Config, squadFile: string, leaveOutEvery = 6): Promise<SquadIndex> {
  const squad = loadSquad(squadFile);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "qa-squad-"));
  const dispose = () => fs.rmSync(work, { recursive: true, force: true });
  try {
    const evalConfig: Config = { ...config, seedsDir: path.join(work, "seeds"), indexDir: path.join(work, "index") };
    fs.mkdirSync(evalConfig.seedsDir);
    const corpus = writeSquadCorpus(squad.articles, evalConfig.seedsDir, leaveOutEvery);
    let embedder: Promise<Embedder> | null = null;
    const loadEmbedder = () => (embedder ??= embedderFor(config));
    const build = await buildIndex(buildOptionsFor(evalConfig, { loadEmbedder }));
    const loaded = build.manifest.model.available ? await loadEmbedder() : null;
    return { squad, corpus, leaveOutEvery, config: evalConfig, build, embedder: loaded, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}

/** Runs the whole evaluation; the temporary pages and index are removed afterwards. */
export async function runExternalEval(config: Config, options: ExternalEvalOptions): Promise<ExternalEvalRun> {
  const english = options.questionsEnFile ? loadTranslatedQuestions(options.questionsEnFile) : null;
  const built = await buildSquadIndex(config, options.squadFile, options.leaveOutEvery ?? 6);
  try {
    const { squad, corpus, build, leaveOutEvery } = built;
    const qa = await openQaService(built.config, { embedder: built.embedder, tuning: options.tuning, ...(options.useLlm ? {} : { llm: null }) });
    // The peer reads what the bot can: the pages as written (a near-topic article without its answer).
    const peer = createBigramPeer(corpus.written.flatMap((a) => a?.paragraphs ?? []));

    const asked = [
      ...corpus.questions.map((q) => ({ q, lang: "zh" as const, text: q.question })),
      ...(english ? corpus.questions.filter((q) => english.has(q.id)).map((q) => ({ q, lang: "en" as const, text: english.get(q.id)! })) : []),
    ];
    const outcomes: SquadOutcome[] = [];
    for (const { q, lang, text } of asked) {
      outcomes.push(await askOne(qa, peer, q, lang, text));
      options.onProgress?.(outcomes.length, asked.length);
    }
    const decision = qa.info().decision.profile;
    await qa.close();

    const report: ExternalReport = {
      dataset: path.basename(options.squadFile),
      model: describeModel(build.manifest),
      decision,
      articles: { total: squad.articles.length, written: corpus.kept, indexed: build.articles, leftOut: corpus.leftOut, nearTopic: corpus.nearTopic, leaveOutEvery },
      passages: build.passages,
      goldInCorpus: goldInCorpus(corpus.written, corpus.questions.filter((q) => q.kept)),
      skipped: squad.skipped,
      buildSeconds: Number(build.seconds.toFixed(2)),
      zh: figuresOf(outcomes.filter((o) => o.lang === "zh")),
      en: english ? figuresOf(outcomes.filter((o) => o.lang === "en")) : null,
    };
    return { report, outcomes };
  } finally {
    built.dispose();
  }
}

/** Asks one question through the service and the peer, and scores both replies. */
async function askOne(qa: QaService, peer: NaivePeer, q: PlacedQuestion, lang: "zh" | "en", text: string): Promise<SquadOutcome> {
  let answer: Answer | null = null;
  let error: string | null = null;
  const t0 = performance.now();
  try {
    answer = await qa.answer(text);
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const ms = performance.now() - t0;
  const first = answer?.citations[0] ?? null;
  const shown = holdsAnswer(answer?.answer ?? null, q.answers) || holdsAnswer(first?.quote ?? null, q.answers);
  const peerReply = peer(text);
  const lead = answer?.found === true ? answer.figure : null;
  const peerLead = peerReply ? peerFigure(peerReply) : null;
  // A lead is the answer when it matches one gold answer, judged as the fresh set judges a lead.
  const isAnswer = (value: string | null) => q.kept && value !== null && q.answers.some((a) => leadMatches(value, [a]));
  return {
    id: q.id,
    lang,
    question: text,
    kept: q.kept,
    nearTopic: q.nearTopic,
    answers: q.answers,
    found: answer ? answer.found : null,
    answer: answer?.answer ?? null,
    quote: first?.quote ?? null,
    source: first?.source ?? null,
    expectedSource: q.source,
    error,
    ms,
    answerInReply: q.kept && answer?.found === true && shown,
    answerInAnyReply: q.kept && shown,
    leadsWithAnswer: q.kept && answer?.found === true && holdsAnswer(answer.figure, q.answers),
    ledWithValue: lead !== null,
    leadRight: isAnswer(lead),
    peerReply,
    peerAnswerInReply: q.kept && holdsAnswer(peerReply, q.answers),
    peerLead,
    peerLeadRight: isAnswer(peerLead),
  };
}

/**
 * Share of kept-article questions whose gold answer is still in the article body after ingest
 * cleaned the page: the most any answering could reach.
 */
function goldInCorpus(written: (SquadArticle | null)[], kept: PlacedQuestion[]): number {
  const bodies = new Map<number, string>();
  const bodyOf = (q: PlacedQuestion) => {
    if (!bodies.has(q.article)) {
      const parsed = parseArticles(q.source, seedPageText(written[q.article]!, q.article));
      bodies.set(q.article, parsed.map((a) => [a.headline, ...a.paragraphs].join("\n")).join("\n"));
    }
    return bodies.get(q.article)!;
  };
  return share(kept, (q) => holdsAnswer(bodyOf(q), q.answers));
}
