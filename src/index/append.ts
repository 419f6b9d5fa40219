/**
 * `index --add` of pages that sort after every indexed page — a daily paper's new issue — without
 * reopening the archive: the previous build's articles and passages are copied byte for byte, the
 * saved keyword index and HNSW graph are loaded and extended with the new passages only, so the
 * work (parsing, tokenizing, embedding, graph inserts) is proportional to the pages added. Ids
 * continue from the last one, which is the seed order, so the files equal a full build's
 * (the graph aside: its insertion history differs).
 */
import path from "node:path";
import type { Embedder } from "../embed/index.js";
import { QaError } from "../errors.js";
import type { SeedFile } from "../ingest/index.js";
import { KeywordIndex } from "../retrieve/bm25.js";
import { BridgeLexicon } from "../retrieve/lexicon/bridge.js";
import { createTokenizer } from "../retrieve/tokenize.js";
import type { StageTimer } from "./build.js";
import { readKeywordFile } from "./keyword-file.js";
import { FILES, type Manifest } from "./manifest.js";
import { readJsonFile, type BuildWriter } from "./store.js";
import { CorpusStream } from "./stream.js";
import { DEFAULT_HNSW, VectorIndex } from "./vectors.js";

/** True when the change only adds pages whose names sort after every indexed page. */
export function appendsAtEnd(manifest: Manifest, adding: readonly SeedFile[], removing: readonly string[]): boolean {
  if (removing.length || !adding.length) return false;
  const last = manifest.seeds.reduce((max, s) => (s.name > max ? s.name : max), "");
  return adding.every((page) => page.name > last);
}

export interface AppendOptions {
  buildDir: string;
  manifest: Manifest;
  /** The new pages, in name order. */
  pages: SeedFile[];
  writer: BuildWriter;
  /** Called only when the index has vectors and the pages have passages. */
  loadEmbedder: () => Promise<Embedder>;
  timer: StageTimer;
  /** Runs after every file is written, just before the swap (SEEDS_DIR is updated there). */
  beforeSwap: () => void;
}

/** Appends the pages to the live build into `writer`'s new build and swaps it in; returns its manifest. */
export async function appendPages(o: AppendOptions): Promise<Manifest> {
  const { manifest, buildDir } = o;
  const { timed } = o.timer;
  const keyword = await timed("keyword", () => KeywordIndex.fromSnapshot(readKeywordFile(buildDir, FILES.keyword), createTokenizer()));
  const lexicon = BridgeLexicon.fromJSON(readJsonFile<unknown>(buildDir, FILES.lexicon));
  const dim = manifest.model.available ? manifest.model.dim : null;
  const vectors = dim ? await timed("vectors", () => VectorIndex.load(path.join(buildDir, FILES.vectors), dim)) : null;
  const embedder = vectors ? await checkedEmbedder(o.loadEmbedder, manifest) : null;
  const pages = [...o.pages].sort((a, b) => (a.name < b.name ? -1 : 1));
  const stream = new CorpusStream(
    { writer: o.writer, chunk: manifest.chunking, hnsw: { ...manifest.hnsw, efSearch: DEFAULT_HNSW.efSearch }, embedder, timer: o.timer },
    { seeds: manifest.seeds, articles: manifest.counts.articles, passages: manifest.counts.passages, keyword, vectors, lexicon },
  );
  await timed("write", () => stream.carry(buildDir));
  await stream.addPages(pages);
  return stream.finish({ model: manifest.model, chunking: manifest.chunking, hnsw: manifest.hnsw }, o.beforeSwap);
}

/** Loads the embedder and checks it is the model (and dimension) the index was built with (MODEL_MISMATCH otherwise). */
export async function checkedEmbedder(load: () => Promise<Embedder>, manifest: Manifest): Promise<Embedder> {
  const embedder = await load();
  const { id, dim } = manifest.model;
  if (embedder.modelId !== id || embedder.dim !== dim) {
    throw new QaError(
      "MODEL_MISMATCH",
      `The index holds ${dim}-dimension vectors of "${id}"; the loaded model is "${embedder.modelId}" (${embedder.dim}).`,
      `Set EMBEDDING_MODEL=${id}, or rebuild everything for the new model with: npm run -s cli -- index`,
    );
  }
  return embedder;
}
