/**
 * A build as a stream of seed pages: each batch is parsed, chunked, written out as NDJSON lines,
 * keyword-indexed, embedded and inserted into the HNSW graph, then dropped. Memory holds the
 * keyword postings, the graph and one batch of text — not the corpus. Full builds and appends
 * (`index --add` of pages that sort last) both run through it.
 */
import path from "node:path";
import type { Embedder } from "../embed/index.js";
import type { SeedFile } from "../ingest/index.js";
import type { ChunkOptions } from "../ingest/types.js";
import { KeywordIndex } from "../retrieve/bm25.js";
import { BridgeLexicon } from "../retrieve/lexicon/bridge.js";
import { createTokenizer, type Tokenizer } from "../retrieve/tokenize.js";
import type { BuildStage, StageTimer } from "./build.js";
import { writeKeywordFile } from "./keyword-file.js";
import { processPages, type ProcessedBatch } from "./page-batch.js";
import { FILES, type Manifest, type ManifestContent, type SeedEntry } from "./manifest.js";
import { fileBlocks, type BuildWriter, type FileSink } from "./store.js";
import { VectorIndex, type HnswOptions } from "./vectors.js";

/** Appends JSON values as lines to a sink, a megabyte at a time. */
export class LineSink {
  private pending: string[] = [];
  private size = 0;
  constructor(private readonly sink: FileSink) {}

  push(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    this.pending.push(line);
    this.size += line.length;
    if (this.size >= 1 << 20) this.flush();
  }

  /** Raw bytes already in NDJSON form (the lines of a previous build, when appending). */
  pushBytes(data: Uint8Array): void {
    this.flush();
    this.sink.write(data);
  }

  close(): void {
    this.flush();
    this.sink.close();
  }

  private flush(): void {
    if (!this.pending.length) return;
    this.sink.write(Buffer.from(this.pending.join("")));
    this.pending = [];
    this.size = 0;
  }
}

/** Where a stream starts: empty for a full build; the live build's state for an append. */
export interface StreamStart {
  seeds: SeedEntry[];
  articles: number;
  passages: number;
  keyword: KeywordIndex;
  vectors: VectorIndex | null;
  /** The previous build's lexicon, extended with new terms instead of rebuilt when it can be. */
  lexicon?: BridgeLexicon;
}

export interface StreamOptions {
  writer: BuildWriter;
  chunk: ChunkOptions;
  hnsw: HnswOptions;
  /** Null: keyword-only. */
  embedder: Embedder | null;
  /** The build's seconds per stage, which batches add to (workers' time included). */
  timer: StageTimer;
  /** Capacity to reserve in a new HNSW graph (it grows when full). */
  expectedPassages?: number;
}

/** A new, empty start (a full build). */
export function emptyStart(): StreamStart {
  return { seeds: [], articles: 0, passages: 0, keyword: new KeywordIndex({ tokenizer: createTokenizer() }), vectors: null };
}

export class CorpusStream {
  readonly seeds: SeedEntry[];
  private articleCount: number;
  private passageCount: number;
  readonly keyword: KeywordIndex;
  private vectors: VectorIndex | null;
  readonly articleLines: LineSink;
  readonly passageLines: LineSink;
  private readonly startLexicon: { lexicon: BridgeLexicon; terms: number } | null;
  private tokenizer: Tokenizer | undefined;

  constructor(
    private readonly o: StreamOptions,
    start: StreamStart = emptyStart(),
  ) {
    this.seeds = start.seeds.map((s) => ({ ...s }));
    this.articleCount = start.articles;
    this.passageCount = start.passages;
    this.keyword = start.keyword;
    this.vectors = start.vectors;
    this.startLexicon = start.lexicon ? { lexicon: start.lexicon, terms: start.keyword.terms().length } : null;
    if (o.embedder && !this.vectors) this.vectors = VectorIndex.create(o.embedder.dim, Math.max(16, o.expectedPassages ?? 0), o.hnsw);
    this.articleLines = new LineSink(o.writer.open(FILES.articles));
    this.passageLines = new LineSink(o.writer.open(FILES.passages));
  }

  get passages(): number {
    return this.passageCount;
  }

  /** Parses, chunks, writes, indexes and embeds one batch of pages (in the order given), on this thread. */
  async addPages(files: SeedFile[]): Promise<void> {
    this.addProcessed(await processPages(files, this.o.chunk, (this.tokenizer ??= createTokenizer()), this.vectors ? this.o.embedder : null));
  }

  /** Adds a batch processed here or in a worker: ids continue from the last passage, then lines, BM25 and HNSW. */
  addProcessed(batch: ProcessedBatch): void {
    const { add, timedSync: timed } = this.o.timer;
    for (const [stage, seconds] of Object.entries(batch.seconds)) add(stage as BuildStage, seconds);
    const first = this.passageCount;
    timed("write", () => {
      for (const page of batch.pages) {
        for (const article of page.articles) this.articleLines.push(article);
        this.seeds.push({ name: page.name, sha256: page.sha256, bytes: page.bytes, articles: page.articles.length, passages: page.passages });
        this.articleCount += page.articles.length;
      }
      for (const passage of batch.passages) this.passageLines.push({ ...passage, id: first + passage.id });
    });
    this.passageCount += batch.passages.length;
    timed("keyword", () => batch.tokens.forEach((tokens, i) => this.keyword.addTokens(first + i, tokens)));
    const { vectors } = batch;
    if (this.vectors && vectors) timed("vectors", () => vectors.forEach((v, i) => this.vectors!.add(first + i, v)));
  }

  /**
   * The English bridge for the corpus so far. Appending keeps the keyword index's term order (new
   * terms follow the old), so extending the previous lexicon gives what a full build would.
   */
  private lexicon(): BridgeLexicon {
    const terms = this.keyword.terms();
    const start = this.startLexicon;
    return (start && start.lexicon.extendedWith(terms.slice(start.terms))) ?? BridgeLexicon.build(terms);
  }

  /** Copies the articles and passages of a previous build unchanged (before an append adds pages). */
  carry(buildDir: string): void {
    for (const [name, lines] of [[FILES.articles, this.articleLines], [FILES.passages, this.passageLines]] as const) {
      for (const block of fileBlocks(path.join(buildDir, name))) lines.pushBytes(block);
    }
  }

  /** Writes the keyword index, the lexicon and the graph, runs `beforeSwap`, and swaps the build in. */
  async finish(content: Pick<ManifestContent, "model" | "chunking" | "hnsw">, beforeSwap: (counts: ManifestContent["counts"]) => void = () => {}): Promise<Manifest> {
    const { writer } = this.o;
    const { timed } = this.o.timer;
    this.articleLines.close();
    this.passageLines.close();
    const lexicon = await timed("keyword", () => this.lexicon());
    return timed("write", () =>
      sealBuild(
        writer,
        { keyword: this.keyword, lexicon, vectors: this.vectors },
        {
          builtAt: new Date().toISOString(),
          ...content,
          seeds: this.seeds,
          counts: { files: this.seeds.length, articles: this.articleCount, passages: this.passageCount },
        },
        beforeSwap,
      ),
    );
  }
}

/** The indexes of a build, written after its articles and passages. */
export interface BuildIndexes {
  keyword: KeywordIndex;
  lexicon: BridgeLexicon;
  vectors: VectorIndex | null;
}

/** Writes the keyword index, the lexicon and the graph, then commits (swaps the build in). */
export function sealBuild(writer: BuildWriter, indexes: BuildIndexes, content: ManifestContent, beforeSwap: (counts: ManifestContent["counts"]) => void = () => {}): Manifest {
  const keywordFile = writer.open(FILES.keyword);
  writeKeywordFile(keywordFile, indexes.keyword.snapshot());
  keywordFile.close();
  writer.writeJson(FILES.lexicon, indexes.lexicon.toJSON());
  if (indexes.vectors) {
    indexes.vectors.save(path.join(writer.dir, FILES.vectors));
    writer.adopt(FILES.vectors);
  }
  beforeSwap(content.counts);
  return writer.commit(content);
}

export type { BuildStage };
