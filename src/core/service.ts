import { createAnswerer, type Answerer } from "../answer/answerer.js";
import { withComparisons } from "../answer/comparison.js";
import { answerTuning, type AnswerTuningOverrides } from "../answer/tuning.js";
import { ConversationMemory } from "../answer/conversation.js";
import { detectIntent } from "../answer/intent.js";
import { createNewsReader, type NewsReader } from "../answer/news/index.js";
import { describeProfile, profileOf, type DecisionProfile } from "../answer/profiles.js";
import { readerQuestion, validateQuestion } from "../answer/question.js";
import { clockOf, type Config } from "../config/index.js";
import { embedderFor, type Embedder } from "../embed/index.js";
import { describeError } from "../errors.js";
import { openIndex, type SearchIndex } from "../index/open.js";
import { settleAtStart } from "../index/seed-journal.js";
import { resolveCurrentBuild } from "../index/store.js";
import type { Logger } from "../log.js";
import type { LlmWriter } from "../llm/index.js";
import { createQueryTranslator } from "../retrieve/english.js";
import type { AskOptions, IndexInfo, QaService } from "./types.js";

export interface QaServiceDeps {
  logger?: Logger;
  /** Injected embedder (tests, benchmarks); by default the configured model is loaded when the index has vectors. */
  embedder?: Embedder | null;
  /** Injected LLM writer; by default one is made when LLM_BASE_URL and LLM_MODEL are set. */
  llm?: LlmWriter | null;
  /** "Today" when a question does not say (AskOptions.today): how old the newest paper is, 今年. Default: config.today, else the system clock. */
  clock?: () => Date;
  /** Overrides of the answer stage's hand-set numbers (answer/tuning.ts; e.g. `npm run eval -- --tuning`). Default: none. */
  tuning?: AnswerTuningOverrides;
}

interface Loaded {
  index: SearchIndex;
  profile: DecisionProfile;
  answer: Answerer;
  news: NewsReader;
}

/**
 * Opens the answering core over INDEX_DIR: loads and verifies the index, loads the embedding model
 * the index was built with, and wires retrieval and answering. `reload()` swaps in a newer build;
 * questions already running finish on the one they started with.
 */
export async function openQaService(config: Config, deps: QaServiceDeps = {}): Promise<QaService> {
  // Checked once, before anything is loaded: a bad value fails here with its name, not mid-question.
  const tuning = answerTuning(deps.tuning);
  let embedder: Embedder | null | undefined = deps.embedder;
  const getEmbedder = async (index: SearchIndex): Promise<Embedder | null> => {
    if (!index.vectors) return null;
    if (embedder === undefined) {
      embedder = await embedderFor(config);
    }
    return embedder;
  };
  const load = async (): Promise<Loaded> => {
    const index = openIndex({ indexDir: config.indexDir, model: config.embeddingModel, efSearch: config.hnsw.efSearch });
    const model = await getEmbedder(index);
    if (!index.vectors) deps.logger?.warn({ indexDir: config.indexDir }, "index has no vectors; answering with keyword search only");
    const translator = createQueryTranslator({ lexicon: index.lexicon });
    const embedQuery = model ? async (q: string) => (await model.embedQueries([q]))[0]! : null;
    const profile = profileOf(index);
    if (profile.unfittedModel) deps.logger?.warn({ model: profile.unfittedModel }, describeProfile(profile));
    const answer = withComparisons(createAnswerer({ index, translator, embedQuery, options: { model: profile.model, tuning } }));
    return { index, profile, answer, news: createNewsReader({ index, translator, embedQuery, answerFact: answer }) };
  };

  // An update killed before it finished left its journal: seeds and index are put in step first.
  // Answering does not depend on it: when that fails (a read-only INDEX_DIR), the next writer does it.
  try {
    const settled = settleAtStart(config.indexDir);
    if (settled !== "none") deps.logger?.warn({ indexDir: config.indexDir, settled }, "finished the seed changes of an interrupted index update");
  } catch (err) {
    deps.logger?.warn({ indexDir: config.indexDir, error: describeError(err) }, "could not finish the seed changes of an interrupted index update; the next index command will");
  }
  let current = await load();
  const conversations = new ConversationMemory();
  const clock = deps.clock ?? clockOf(config);
  // Optional: the LLM rewrites a found answer from the same passages; anything unverified falls back.
  // The OpenAI client is loaded only when an LLM is configured.
  const llmFromConfig = async (settings: NonNullable<Config["llm"]>) => (await import("../llm/index.js")).createLlmWriter(settings, { logger: deps.logger });
  const llm = deps.llm !== undefined ? deps.llm : config.llm ? await llmFromConfig(config.llm) : null;
  return {
    async answer(question: string, options: AskOptions = {}) {
      const { answer, news } = current; // pinned: a reload mid-question does not affect this one
      const today = options.today ?? clock();
      // Latest news, a day's paper, an overview: the news reader; everything else is a fact question.
      const asked = readerQuestion(validateQuestion(question));
      const reading = detectIntent(asked);
      if (reading.intent !== "fact") return news.answer(asked, reading, today);
      const previous = options.sessionId ? conversations.last(options.sessionId) : null;
      const { turn, ...extractive } = await answer(question, { previous, today });
      if (options.sessionId) conversations.remember(options.sessionId, turn);
      if (!llm || !extractive.found) return extractive;
      return llm.write({ question: extractive.question, lang: extractive.lang, citations: extractive.citations, extractive }, { onDelta: options.onDelta });
    },
    // An answer given before a page was replaced or removed: its articles no longer in the index are left out.
    more: async (answer) => {
      const { index, news } = current;
      return (await news.more(answer)).filter((c) => index.articles.has(c.articleId));
    },
    article: (articleId) => current.news.article(articleId),
    info(): IndexInfo {
      return indexInfo(current.index, current.profile);
    },
    async reload() {
      const dir = resolveCurrentBuild(config.indexDir);
      if (dir === current.index.buildDir) return false;
      current = await load();
      deps.logger?.info({ buildDir: current.index.buildDir }, "index reloaded");
      return true;
    },
    async close() {},
  };
}

function indexInfo(index: SearchIndex, profile: DecisionProfile): IndexInfo {
  const { manifest } = index;
  const dates = [...index.articles.values()].map((a) => a.date).filter((d): d is string => !!d).sort();
  const papers = [...new Set([...index.articles.values()].map((a) => a.paper).filter((p): p is string => !!p))];
  return {
    articles: manifest.counts.articles,
    passages: manifest.counts.passages,
    files: manifest.counts.files,
    model: manifest.model.id,
    vectors: index.vectors !== null,
    decision: { profile: profile.name, unfittedModel: profile.unfittedModel, summary: describeProfile(profile) },
    builtAt: manifest.builtAt,
    papers,
    dateRange: dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null,
    buildDir: index.buildDir,
  };
}
