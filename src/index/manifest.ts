import type { ChunkOptions } from "../ingest/types.js";
import type { HnswOptions } from "./vectors.js";

/**
 * Bumped whenever the on-disk layout changes; an index of another version is refused.
 * v2: the manifest carries a checksum of itself, so a damaged manifest is caught like a damaged file.
 * v3: articles and passages as NDJSON and the keyword index as binary arrays, written as the build
 *     streams (no file is one JavaScript string, so no V8 string limit near 0.9M passages).
 * v4: article ids name their content (`<source>#<n>-<hash>`, issue #31), so a button made before a
 *     page was replaced never opens another story; a v3 index is rebuilt.
 */
export const FORMAT_VERSION = 4;

export interface FileEntry {
  bytes: number;
  sha256: string;
}

export interface SeedEntry {
  name: string;
  sha256: string;
  bytes: number;
  articles: number;
  passages: number;
}

/** `manifest.json`: what an index was built from and with, and what its files must be. */
export interface Manifest {
  formatVersion: number;
  builtAt: string;
  model: {
    id: string;
    /** Vector dimension; null when the model could not be loaded and the index is keyword-only. */
    dim: number | null;
    available: boolean;
    warning?: string;
  };
  chunking: ChunkOptions;
  hnsw: Omit<HnswOptions, "efSearch"> & { space: "cosine" };
  /** The seed pages in the index, sorted by name (the order articles and passages follow). */
  seeds: SeedEntry[];
  counts: { files: number; articles: number; passages: number };
  /** Every data file of the build with its size and checksum, verified on load. */
  files: Record<string, FileEntry>;
  /** SHA-256 of the manifest's JSON without this field (fields in written order). */
  checksum: string;
}

/** What a build decides; the writer adds the format version, the file list and the checksum. */
export type ManifestContent = Omit<Manifest, "formatVersion" | "files" | "checksum">;

/** Names of the files a build writes (the vectors file only when the model was available). */
export const FILES = {
  manifest: "manifest.json",
  articles: "articles.ndjson",
  passages: "passages.ndjson",
  keyword: "keyword.bin",
  lexicon: "lexicon.json",
  vectors: "vectors.hnsw",
} as const;
