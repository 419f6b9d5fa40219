/**
 * The seams between the answering core and where passages, keywords and vectors live. Today
 * each is in this process (arrays, KeywordIndex over typed arrays, VectorIndex over hnswlib); an
 * adapter for an external engine — Qdrant or OpenSearch for vectors, OpenSearch or Elasticsearch
 * for BM25, a key-value or SQL store for passages — is one module implementing one of these.
 * Retrieval (src/retrieve/hybrid.ts) and the answerer read only these shapes.
 */
import type { Article, Passage } from "../ingest/types.js";
import type { KeywordHit, QueryTerm } from "../retrieve/bm25.js";
import type { VectorHit } from "./vectors.js";

/**
 * Passages by dense integer id (`passages[id]`), iterable in id order. The answerer also walks
 * them (passages of an article), so an external store's adapter gives a read-only array view
 * (e.g. ids and article ids in RAM, text fetched on access).
 */
export type PassageStore = ReadonlyArray<Passage>;

/** Articles by id (`<source>#<n>`). */
export type ArticleStore = ReadonlyMap<string, Article>;

/** BM25 keyword search over passage ids, and the document frequencies the answerer weighs terms by. */
export interface KeywordSearcher {
  /** Number of indexed passages. */
  readonly size: number;
  search(query: string | readonly QueryTerm[], k: number): KeywordHit[];
  documentFrequency(term: string): number;
}

/** Nearest passages by cosine similarity of their embeddings. */
export interface VectorSearcher {
  readonly dim: number;
  /** Number of indexed vectors. */
  readonly size: number;
  search(query: Float32Array | number[], k: number): VectorHit[];
}
