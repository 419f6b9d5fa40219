import path from "node:path";
import type { Embedder } from "../embed/index.js";
import { QaError, describeError } from "../errors.js";
import { chunkArticles, parseArticles, readSeedFiles } from "../ingest/index.js";
import type { Article, ChunkOptions, Passage } from "../ingest/types.js";
import { KeywordIndex } from "../retrieve/bm25.js";
import { BridgeLexicon } from "../retrieve/lexicon/bridge.js";
import { createTokenizer } from "../retrieve/tokenize.js";
import { acquireWriteLock } from "./lock.js";
import { FILES, type Manifest, type SeedEntry } from "./manifest.js";
import { BuildWriter } from "./store.js";
import { VectorIndex, type HnswOptions } from "./vectors.js";

export type BuildStage = "read" | "clean" | "chunk" | "keyword" | "embed" | "vectors" | "write";

export interface BuildOptions {
  seedsDir: string;
  indexDir: string;
  /** Model id recorded in the manifest (and checked when the index is opened). */
  model: string;
  chunk: ChunkOptions;
  hnsw: HnswOptions;
  /** Loads the embedder; when it throws, the index is built keyword-only with a warning. */
  loadEmbedder: () => Promise<Embedder>;
  onProgress?: (stage: BuildStage, done: number, total: number) => void;
}

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

/** What a build produces in memory before it is written (shared by full and incremental builds). */
export interface Corpus {
  seeds: SeedEntry[];
  articles: Article[];
  passages: Passage[];
}

/**
 * Rebuilds the whole index from the seed files: clean → articles → passages → keyword index →
 * embeddings → HNSW, written to a temporary build and swapped in only when complete.
 */
export async function buildIndex(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const stages = {} as Record<BuildStage, number>;
  const timed = async <T>(stage: BuildStage, work: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    stages[stage] = (stages[stage] ?? 0) + (performance.now() - t0) / 1000;
    return result;
  };
  const progress = options.onProgress ?? (() => {});

  const { files, warnings } = await timed("read", () => readSeedFiles(options.seedsDir));
  const release = acquireWriteLock(options.indexDir);
  const writer = new BuildWriter(options.indexDir);
  try {
    const corpus = await timed("clean", () => {
      const seeds: SeedEntry[] = [];
      const articles: Article[] = [];
      files.forEach((file, i) => {
        const found = parseArticles(file.name, file.text);
        articles.push(...found);
        seeds.push({ name: file.name, sha256: file.sha256, bytes: file.bytes, articles: found.length, passages: 0 });
        progress("clean", i + 1, files.length);
      });
      return { seeds, articles, passages: [] as Passage[] };
    });
    corpus.passages = await timed("chunk", () => chunkArticles(corpus.articles, options.chunk));
    countPassages(corpus);

    const { keyword, lexicon } = await timed("keyword", () => {
      const keyword = KeywordIndex.fromDocuments(corpus.passages.map((p) => ({ id: p.id, text: p.embedText })), { tokenizer: createTokenizer() });
      // The English bridge keeps only dictionary entries whose Chinese the corpus uses.
      return { keyword, lexicon: BridgeLexicon.build(keyword.terms()) };
    });

    let model: Manifest["model"] = { id: options.model, dim: null, available: false };
    const embedder = await options.loadEmbedder().catch((err: unknown) => {
      const warning = `Embedding model ${options.model} could not be loaded; the index is keyword-only. ${describeError(err)}`;
      warnings.push(warning);
      model = { ...model, warning };
      return null;
    });
    if (embedder) {
      const vectors = await timed("embed", () =>
        embedder.embedPassages(corpus.passages.map((p) => p.embedText), (done, total) => progress("embed", done, total)),
      );
      const index = await timed("vectors", () => {
        const hnsw = VectorIndex.create(embedder.dim, corpus.passages.length, options.hnsw);
        vectors.forEach((v, i) => hnsw.add(corpus.passages[i]!.id, v));
        return hnsw;
      });
      await timed("write", () => {
        index.save(path.join(writer.dir, FILES.vectors));
        writer.adopt(FILES.vectors);
      });
      model = { id: embedder.modelId, dim: embedder.dim, available: true };
    }

    const manifest = await timed("write", () => {
      writer.writeJson(FILES.articles, corpus.articles);
      writer.writeJson(FILES.passages, corpus.passages);
      writer.writeJson(FILES.keyword, keyword.toJSON());
      writer.writeJson(FILES.lexicon, lexicon.toJSON());
      return writer.commit({
        builtAt: new Date().toISOString(),
        model,
        chunking: options.chunk,
        hnsw: { m: options.hnsw.m, efConstruction: options.hnsw.efConstruction, space: "cosine" },
        seeds: corpus.seeds,
        counts: { files: corpus.seeds.length, articles: corpus.articles.length, passages: corpus.passages.length },
      });
    });
    return {
      manifest,
      files: corpus.seeds.length,
      articles: corpus.articles.length,
      passages: corpus.passages.length,
      seconds: (performance.now() - started) / 1000,
      stages,
      warnings,
    };
  } catch (err) {
    writer.abort();
    if (err instanceof QaError) throw err;
    throw new QaError("INDEX_CORRUPT", `Index build failed: ${describeError(err)}`, "The previous index is untouched. Fix the cause and run the build again.", { cause: err });
  } finally {
    release();
  }
}

function countPassages(corpus: Corpus): void {
  const bySource = new Map<string, number>();
  const sourceOf = new Map(corpus.articles.map((a) => [a.id, a.source]));
  for (const p of corpus.passages) {
    const source = sourceOf.get(p.articleId)!;
    bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  for (const seed of corpus.seeds) seed.passages = bySource.get(seed.name) ?? 0;
}
