import type { Config } from "../config/index.js";
import { embedderFor, embedderOptionsFor, type Embedder, type EmbedderOptions } from "../embed/index.js";
import { QaError, describeError } from "../errors.js";
import { parseArticles, readSeedFiles, type SeedFile } from "../ingest/index.js";
import type { Article, ChunkOptions, Passage } from "../ingest/types.js";
import { KeywordIndex } from "../retrieve/bm25.js";
import { BridgeLexicon } from "../retrieve/lexicon/bridge.js";
import { createTokenizer } from "../retrieve/tokenize.js";
import { acquireWriteLock } from "./lock.js";
import { checkIndexWritable } from "./writable.js";
import { settleSeedChanges } from "./seed-journal.js";
import { checkShrink, liveArticleCount, type ShrinkOptions } from "./shrink.js";
import { FILES, type Manifest, type SeedEntry } from "./manifest.js";
import { BuildWriter } from "./store.js";
import type { ProcessedBatch } from "./page-batch.js";
import { machineLoadFor, workerCount } from "./build-workers.js";
import { startPagePool } from "./page-pool.js";
import { CorpusStream, LineSink, sealBuild } from "./stream.js";
import { VectorIndex, type HnswOptions } from "./vectors.js";

export type BuildStage = "read" | "clean" | "chunk" | "keyword" | "embed" | "vectors" | "write";
/** What progress is reported in: a stage of an incremental update, or "pages" through a whole full build. */
export type ProgressStage = BuildStage | "pages";

export interface BuildOptions {
  seedsDir: string;
  indexDir: string;
  /** Model id recorded in the manifest (and checked when the index is opened). */
  model: string;
  chunk: ChunkOptions;
  hnsw: HnswOptions;
  /** Loads the embedder; when it throws, the index is built keyword-only with a warning. */
  loadEmbedder: () => Promise<Embedder>;
  onProgress?: (stage: ProgressStage, done: number, total: number) => void;
  /** Pages parsed, indexed and embedded together (memory is bounded by one batch). Default 16. */
  pagesPerBatch?: number;
  /**
   * Worker processes that parse, tokenize and embed page batches (BUILD_WORKERS). Default 0: all on
   * this thread. "auto": one per core (at most 4) for 64 pages or more while at least half the cores
   * are idle (sampled just before the build), else 0. Workers
   * load the model from `embedderOptions` themselves, and need a runtime that can load this
   * TypeScript in a worker (tsx, as `npm run cli` and `npm start` use).
   */
  workers?: number | "auto";
  /** How workers load the embedder; without it, a build with workers is keyword-only in the workers. */
  embedderOptions?: EmbedderOptions;
  /** Test only (QA_TEST_CRASH_AT): an update SIGKILLs its own process at this stage (see seed-journal.ts). */
  crashAt?: string;
}

/** Options of a full build only: the guard against dropping most of the live articles (shrink.ts). */
export interface FullBuildOptions extends BuildOptions, ShrinkOptions {}

export interface BuildReport {
  manifest: Manifest;
  files: number;
  articles: number;
  passages: number;
  seconds: number;
  /** Seconds spent per stage, for `npm run bench`. */
  stages: Record<BuildStage, number>;
  warnings: string[];
}

/** One line for people: "Indexed 5 files: 26 articles, 121 passages in 4.2 s (model …)." */
export function describeBuild(report: BuildReport): string {
  return `Indexed ${report.files} files: ${report.articles} articles, ${report.passages} passages in ${report.seconds.toFixed(1)} s (${describeModel(report.manifest)}).`;
}

/** "model tiny-zh", or "keyword-only" for an index built without vectors. */
export function describeModel(manifest: Manifest): string {
  return manifest.model.available ? `model ${manifest.model.id}` : "keyword-only";
}

/** What a build produces in memory before it is written (shared by full and incremental builds). */
export interface Corpus {
  seeds: SeedEntry[];
  articles: Article[];
  passages: Passage[];
}

/** Everything one build writes; `vectors` is null for a keyword-only index. */
export interface BuildContent {
  corpus: Corpus;
  keyword: KeywordIndex;
  lexicon: BridgeLexicon;
  vectors: VectorIndex | null;
  model: Manifest["model"];
  chunking: ChunkOptions;
  hnsw: Manifest["hnsw"];
}

/**
 * Rebuilds the whole index from the seed files: clean → articles → passages → keyword index →
 * embeddings → HNSW, written to a temporary build and swapped in only when complete.
 */
/** Build options from the settings: the configured model (loaded lazily), chunking and HNSW. */
export function buildOptionsFor(config: Config, extra: Partial<Pick<BuildOptions, "onProgress" | "loadEmbedder" | "workers">> = {}): BuildOptions {
  return {
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    model: config.embeddingModel,
    chunk: config.chunk,
    hnsw: config.hnsw,
    loadEmbedder: () => embedderFor(config),
    workers: config.buildWorkers,
    embedderOptions: embedderOptionsFor(config),
    crashAt: config.testCrashAt ?? undefined,
    ...extra,
  };
}

export async function buildIndex(options: FullBuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const timer = stageTimer();
  const { stages, timed } = timer;
  const progress = options.onProgress ?? (() => {});
  // A read-only INDEX_DIR: INDEX_READONLY with what to do, before anything is read (not INDEX_CORRUPT mid-build).
  checkIndexWritable(options.indexDir);

  // The seeds are read under the lock, so an `index --add` running meanwhile cannot be undone by this build.
  return underWriteLock(options.indexDir, async (startBuild) => {
    const { files, warnings } = await timed("read", () => readSeedFiles(options.seedsDir));
    const live = liveArticleCount(options.indexDir);
    const skipped = [...warnings];
    const writer = startBuild();
    let model: Manifest["model"] = { id: options.model, dim: null, available: false };
    const embedder = await options.loadEmbedder().catch((err: unknown) => {
      const warning = `Embedding model ${options.model} could not be loaded; the index is keyword-only. ${describeError(err)}`;
      warnings.push(warning);
      model = { ...model, warning };
      return null;
    });
    if (embedder) model = { id: embedder.modelId, dim: embedder.dim, available: true };
    const stream = new CorpusStream({ writer, chunk: options.chunk, hnsw: options.hnsw, embedder, timer, expectedPassages: files.length * 40 });
    const total = files.length;
    const batchSize = options.pagesPerBatch ?? PAGES_PER_BATCH;
    const setting = options.workers ?? 0;
    const workers = workerCount(setting, files.length, batchSize, await machineLoadFor(setting, files.length, batchSize));
    if (workers > 0) {
      const pool = await startPagePool(workers, { chunk: options.chunk, embedder: embedder && options.embedderOptions ? oneThreadEach(options.embedderOptions) : null });
      try {
        // A few batches in flight per worker; results are taken in page order.
        const inflight: Promise<ProcessedBatch>[] = [];
        let done = 0;
        while (files.length || inflight.length) {
          while (files.length && inflight.length < workers * 2) inflight.push(pool.process(files.splice(0, batchSize)));
          const batch = await inflight.shift()!;
          stream.addProcessed(batch);
          done += batch.pages.length;
          progress("pages", done, total);
        }
      } finally {
        await pool.close();
      }
    } else {
      // Pages leave `files` batch by batch, so their text is freed as the build goes.
      while (files.length) {
        await stream.addPages(files.splice(0, batchSize));
        progress("pages", total - files.length, total);
      }
    }
    const hnsw = { m: options.hnsw.m, efConstruction: options.hnsw.efConstruction, space: "cosine" as const };
    const manifest = await stream.finish({ model, chunking: options.chunk, hnsw }, (counts) => checkShrink(live, counts.articles, skipped, options));
    return {
      manifest,
      files: manifest.counts.files,
      articles: manifest.counts.articles,
      passages: manifest.counts.passages,
      seconds: (performance.now() - started) / 1000,
      stages,
      warnings,
    };
  });
}

/**
 * Runs one index write under the writer lock. `startBuild` creates the temporary build folder (only
 * when there is something to write); on any failure it is removed and `current` is left as it was.
 */
export async function underWriteLock<T>(indexDir: string, work: (startBuild: () => BuildWriter) => Promise<T>): Promise<T> {
  const release = acquireWriteLock(indexDir);
  let writer: BuildWriter | null = null;
  try {
    settleSeedChanges(indexDir); // an update killed before it finished: seeds and index in step first
    return await work(() => (writer ??= new BuildWriter(indexDir)));
  } catch (err) {
    (writer as BuildWriter | null)?.abort();
    if (err instanceof QaError) throw err;
    throw new QaError("INDEX_CORRUPT", `Index build failed: ${describeError(err)}`, "The previous index is untouched. Fix the cause and run the build again.", { cause: err });
  } finally {
    release();
  }
}

/**
 * A worker's embedder: onnxruntime threads left at "auto" become one per worker. The workers are
 * the parallelism; a per-core onnxruntime pool in each would oversubscribe the cores, and its idle
 * threads spin (22k passages with the fixture model: 21.4 CPU s with one thread, 23.1 with auto).
 */
function oneThreadEach(options: EmbedderOptions): EmbedderOptions {
  const threads = options.threads ?? { intraOp: 0, interOp: 0 };
  return { ...options, threads: { intraOp: threads.intraOp || 1, interOp: threads.interOp || 1 } };
}

/** Pages parsed, indexed and embedded together: big enough for full embedding batches, small enough to bound memory. */
const PAGES_PER_BATCH = 16;

export type StageTimer = ReturnType<typeof stageTimer>;

/** Seconds per stage, accumulated across calls of `timed` (and `add`, for time measured elsewhere, e.g. in a worker). */
export function stageTimer() {
  const stages = {} as Record<BuildStage, number>;
  const add = (stage: BuildStage, seconds: number) => {
    stages[stage] = (stages[stage] ?? 0) + seconds;
  };
  const timed = async <T>(stage: BuildStage, work: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    add(stage, (performance.now() - t0) / 1000);
    return result;
  };
  /** `timed` for synchronous work. */
  const timedSync = <T>(stage: BuildStage, work: () => T): T => {
    const t0 = performance.now();
    const result = work();
    add(stage, (performance.now() - t0) / 1000);
    return result;
  };
  return { stages, timed, timedSync, add };
}

/** Splits seed pages into articles, one SeedEntry per page (passage counts come from `countPassages`). */
export function parseSeeds(files: SeedFile[], onFile?: (done: number, total: number) => void): Corpus {
  const seeds: SeedEntry[] = [];
  const articles: Article[] = [];
  files.forEach((file, i) => {
    const found = parseArticles(file.name, file.text);
    articles.push(...found);
    seeds.push({ name: file.name, sha256: file.sha256, bytes: file.bytes, articles: found.length, passages: 0 });
    onFile?.(i + 1, files.length);
  });
  return { seeds, articles, passages: [] };
}

/** Fills in each seed's passage count from the corpus. */
export function countPassages(corpus: Corpus): void {
  const bySource = new Map<string, number>();
  const sourceOf = new Map(corpus.articles.map((a) => [a.id, a.source]));
  for (const p of corpus.passages) {
    const source = sourceOf.get(p.articleId)!;
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  for (const seed of corpus.seeds) seed.passages = bySource.get(seed.name) ?? 0;
}

/** BM25 over the passages, and the English bridge pruned to the vocabulary the corpus uses. */
export function keywordIndexes(passages: Passage[]): { keyword: KeywordIndex; lexicon: BridgeLexicon } {
  const keyword = KeywordIndex.fromDocuments(passages.map((p) => ({ id: p.id, text: p.embedText })), { tokenizer: createTokenizer() });
  return { keyword, lexicon: BridgeLexicon.build(keyword.terms()) };
}

/** An HNSW graph holding `vectors[i]` as passage id i (inserted in id order, so equal input gives an equal graph). */
export function vectorIndexOf(dim: number, vectors: (Float32Array | number[])[], hnsw: HnswOptions): VectorIndex {
  const index = VectorIndex.create(dim, vectors.length, hnsw);
  vectors.forEach((v, id) => index.add(id, v));
  return index;
}

/** Writes every file of a finished in-memory build (an incremental update) and swaps it in; returns the sealed manifest. */
export function writeBuild(writer: BuildWriter, content: BuildContent, beforeSwap?: () => void): Manifest {
  const { corpus, keyword, lexicon, vectors } = content;
  for (const [name, rows] of [[FILES.articles, corpus.articles], [FILES.passages, corpus.passages]] as const) {
    const lines = new LineSink(writer.open(name));
    for (const row of rows) lines.push(row);
    lines.close();
  }
  return sealBuild(writer, { keyword, lexicon, vectors }, {
    builtAt: new Date().toISOString(),
    model: content.model,
    chunking: content.chunking,
    hnsw: content.hnsw,
    seeds: corpus.seeds,
    counts: { files: corpus.seeds.length, articles: corpus.articles.length, passages: corpus.passages.length },
  }, beforeSwap);
}
export { workerCount, type MachineLoad } from "./build-workers.js";
