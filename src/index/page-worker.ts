/**
 * A page worker of a full build, run as a child process (page-pool.ts): it loads its own tokenizer
 * and embedding model and processes the page batches it is sent (page-batch.ts), so parsing,
 * tokenizing and embedding run beside the main process's BM25 and HNSW inserts.
 */
import { firstMessage, onParentGone, toParent } from "../child.js";
import { createEmbedder, type EmbedderOptions } from "../embed/index.js";
import type { SeedFile } from "../ingest/index.js";
import type { ChunkOptions } from "../ingest/types.js";
import { createTokenizer } from "../retrieve/tokenize.js";
import { processPages, type ProcessedBatch } from "./page-batch.js";

/** What the pool sends each worker first. */
export interface PageWorkerData {
  chunk: ChunkOptions;
  /** Null: keyword-only build. */
  embedder: EmbedderOptions | null;
}

/** What a worker sends back: ready once its model is loaded, then one reply per batch. */
export type PageWorkerMessage = { ready: true } | { id: number; batch: ProcessedBatch } | { id: number; error: string };

onParentGone();
const { chunk, embedder: embedderOptions } = await firstMessage<PageWorkerData>();
const embedder = embedderOptions ? await createEmbedder(embedderOptions) : null;
const tokenizer = createTokenizer();

process.on("message", async ({ id, files }: { id: number; files: SeedFile[] }) => {
  try {
    toParent({ id, batch: await processPages(files, chunk, tokenizer, embedder) } satisfies PageWorkerMessage);
  } catch (err) {
    toParent({ id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) } satisfies PageWorkerMessage);
  }
});
toParent({ ready: true } satisfies PageWorkerMessage);
