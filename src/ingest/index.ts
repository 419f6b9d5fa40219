/**
 * The ingest stage: read seed pages, clean them, split them into articles and chunk those into
 * passages. Other stages import from here only.
 */
export { readSeedFiles, type SeedFile, type SeedFolder } from "./seeds.js";
export { cleanPage, type Block, type BlockKind, type CleanPage, type PageMeta } from "./clean.js";
export { parseArticles } from "./segment.js";
export { chunkArticle, chunkArticles, DEFAULT_CHUNK_OPTIONS } from "./chunk.js";
export type { Article, ChunkOptions, Passage } from "./types.js";
