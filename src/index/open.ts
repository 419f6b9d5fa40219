import path from "node:path";
import { QaError } from "../errors.js";
import type { Article, Passage } from "../ingest/types.js";
import { KeywordIndex } from "../retrieve/bm25.js";
import { BridgeLexicon } from "../retrieve/lexicon/bridge.js";
import { createTokenizer, type Tokenizer } from "../retrieve/tokenize.js";
import { FILES, type Manifest } from "./manifest.js";
import { readKeywordFile } from "./keyword-file.js";
import { REBUILD_HINT, readJsonFile, readNdjsonFile, readVerifiedManifest, resolveCurrentBuild } from "./store.js";
import type { ArticleStore, KeywordSearcher, PassageStore, VectorSearcher } from "./stores.js";
import { DEFAULT_HNSW, VectorIndex } from "./vectors.js";

export interface OpenIndexOptions {
  indexDir: string;
  /** The configured embedding model; an index built with another one is refused (MODEL_MISMATCH). */
  model: string;
  /** HNSW search breadth. Default 128 (DEFAULT_HNSW). */
  efSearch?: number;
}

/** A verified index as retrieval and answering read it: each store behind its interface (stores.ts). */
export interface SearchIndex {
  /** The real folder of the build that was loaded (changes when a new build is swapped in). */
  buildDir: string;
  manifest: Manifest;
  articles: ArticleStore;
  /** Passages by id (ids are dense). */
  passages: PassageStore;
  /** Null when the index was built keyword-only (model unavailable at build time). */
  vectors: VectorSearcher | null;
  keyword: KeywordSearcher;
  /** English→Chinese vocabulary pruned to the corpus (for English questions). */
  lexicon: BridgeLexicon;
  tokenizer: Tokenizer;
}

/** An index loaded into this process: the in-memory implementations of the stores. */
export interface LoadedIndex extends SearchIndex {
  articles: Map<string, Article>;
  passages: Passage[];
  vectors: VectorIndex | null;
  keyword: KeywordIndex;
}

/** The live build's folder and verified manifest, refused (MODEL_MISMATCH) when built with another model. */
export function openManifest(options: Pick<OpenIndexOptions, "indexDir" | "model">, hashedWhileRead: readonly string[] = []): { buildDir: string; manifest: Manifest } {
  const buildDir = resolveCurrentBuild(options.indexDir);
  const manifest = readVerifiedManifest(buildDir, hashedWhileRead);
  if (manifest.model.id !== options.model) {
    throw new QaError(
      "MODEL_MISMATCH",
      `The index in ${options.indexDir} was built with the model "${manifest.model.id}", but EMBEDDING_MODEL is "${options.model}".`,
      `Set EMBEDDING_MODEL=${manifest.model.id} to use this index, or rebuild it for "${options.model}" with: npm run -s cli -- index`,
    );
  }
  return { buildDir, manifest };
}

/**
 * Opens the live build of INDEX_DIR: verifies every file against the manifest, checks the model,
 * then loads articles, passages, the keyword index and the HNSW graph.
 */
export function openIndex(options: OpenIndexOptions): LoadedIndex {
  // Articles and passages are hashed as they are parsed, not read a second time to verify them.
  const { buildDir, manifest } = openManifest(options, [FILES.articles, FILES.passages]);
  const listed = (name: string) => {
    const entry = manifest.files[name];
    if (!entry) throw new QaError("INDEX_CORRUPT", `The manifest of ${buildDir} does not list ${name}.`, REBUILD_HINT);
    return entry;
  };
  const articles = readNdjsonFile<Article>(buildDir, FILES.articles, listed(FILES.articles));
  const passages = readNdjsonFile<Passage>(buildDir, FILES.passages, listed(FILES.passages));
  if (!Array.isArray(articles) || !Array.isArray(passages) || passages.some((p, i) => p.id !== i)) {
    throw new QaError("INDEX_CORRUPT", `The articles or passages of ${buildDir} are malformed.`, REBUILD_HINT);
  }
  const tokenizer = createTokenizer();
  const keyword = KeywordIndex.fromSnapshot(readKeywordFile(buildDir, FILES.keyword), tokenizer);
  const lexicon = BridgeLexicon.fromJSON(readJsonFile<unknown>(buildDir, FILES.lexicon));
  let vectors: VectorIndex | null = null;
  if (manifest.model.available && manifest.model.dim) {
    if (!manifest.files[FILES.vectors]) {
      throw new QaError("INDEX_CORRUPT", `The manifest of ${buildDir} does not list ${FILES.vectors}.`, REBUILD_HINT);
    }
    try {
      vectors = VectorIndex.load(path.join(buildDir, FILES.vectors), manifest.model.dim, options.efSearch ?? DEFAULT_HNSW.efSearch);
    } catch (err) {
      throw new QaError("INDEX_CORRUPT", `The vector index of ${buildDir} cannot be read.`, REBUILD_HINT, { cause: err });
    }
  }
  return {
    buildDir,
    manifest,
    articles: new Map(articles.map((a) => [a.id, a])),
    passages,
    vectors,
    keyword,
    lexicon,
    tokenizer,
  };
}
