/**
 * The per-page work of a build that needs nothing from the rest of the build: parse, chunk,
 * tokenize for BM25, embed. It runs on the main thread or in a worker process (page-worker.ts)
 * with the same code, so both give the same index.
 */
import type { Embedder } from "../embed/index.js";
import { chunkArticle, parseArticles, type SeedFile } from "../ingest/index.js";
import type { Article, ChunkOptions, Passage } from "../ingest/types.js";
import type { Tokenizer } from "../retrieve/tokenize.js";

/** Stages a page batch spends time in, in seconds (summed on the main thread, which overlaps workers). */
export interface BatchSeconds {
  clean: number;
  chunk: number;
  keyword: number;
  embed: number;
}

/** One page batch, processed: passage ids count from 0 within the batch. */
export interface ProcessedBatch {
  pages: { name: string; sha256: string; bytes: number; articles: Article[]; passages: number }[];
  passages: Passage[];
  /** BM25 tokens of each passage's embedText. */
  tokens: string[][];
  /** One vector per passage, or null without an embedder. */
  vectors: Float32Array[] | null;
  seconds: BatchSeconds;
}

/** Parses, chunks, tokenizes and embeds a batch of pages, in the order given. */
export async function processPages(files: SeedFile[], chunk: ChunkOptions, tokenizer: Tokenizer, embedder: Embedder | null): Promise<ProcessedBatch> {
  const seconds: BatchSeconds = { clean: 0, chunk: 0, keyword: 0, embed: 0 };
  const timed = async <T>(stage: keyof BatchSeconds, work: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    seconds[stage] += (performance.now() - t0) / 1000;
    return result;
  };
  const found = await timed("clean", () => files.map((file) => ({ file, articles: parseArticles(file.name, file.text) })));
  const passages: Passage[] = [];
  const pages = await timed("chunk", () =>
    found.map(({ file, articles }) => {
      const before = passages.length;
      for (const article of articles) passages.push(...chunkArticle(article, chunk, passages.length));
      return { name: file.name, sha256: file.sha256, bytes: file.bytes, articles, passages: passages.length - before };
    }),
  );
  const tokens = await timed("keyword", () => passages.map((p) => tokenizer(p.embedText)));
  const vectors = embedder ? await timed("embed", () => embedder.embedPassages(passages.map((p) => p.embedText))) : null;
  return { pages, passages, tokens, vectors, seconds };
}
