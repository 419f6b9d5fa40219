/**
 * A worker thread of a full build: it loads its own tokenizer and embedding model and processes
 * the page batches it is sent (page-batch.ts), so parsing, tokenizing and embedding run beside
 * the main thread's BM25 and HNSW inserts. Started by page-pool.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createEmbedder, type EmbedderOptions } from "../embed/index.js";
import type { SeedFile } from "../ingest/index.js";
import type { ChunkOptions } from "../ingest/types.js";
import { createTokenizer } from "../retrieve/tokenize.js";
import { processPages } from "./page-batch.js";

/** What the pool passes to each worker. */
export interface PageWorkerData {
  chunk: ChunkOptions;
  /** Null: keyword-only build. */
  embedder: EmbedderOptions | null;
}

const { chunk, embedder: embedderOptions } = workerData as PageWorkerData;
const port = parentPort!;
const embedder = embedderOptions ? await createEmbedder(embedderOptions) : null;
const tokenizer = createTokenizer();

port.on("message", async ({ id, files }: { id: number; files: SeedFile[] }) => {
  try {
    const batch = await processPages(files, chunk, tokenizer, embedder);
    // The vectors' buffers move to the main thread instead of being copied.
    port.postMessage({ id, batch }, (batch.vectors ?? []).map((v) => v.buffer as ArrayBuffer));
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
port.postMessage({ ready: true });
