import fs from "node:fs";
import path from "node:path";
import type { Embedder } from "../embed/index.js";
import { QaError } from "../errors.js";
import { makeStaging } from "../staging.js";
import { chunkArticles, readSeedFiles, type SeedFile, type SeedFolder } from "../ingest/index.js";
import { READ_ENCODINGS } from "../ingest/seeds.js";
import type { Article, Passage } from "../ingest/types.js";
import { countPassages, keywordIndexes, parseSeeds, stageTimer, underWriteLock, vectorIndexOf, writeBuild, type BuildStage, type Corpus } from "./build.js";
import type { Manifest, SeedEntry } from "./manifest.js";
import { appendPages, appendsAtEnd, checkedEmbedder } from "./append.js";
import { openIndex, openManifest, type LoadedIndex } from "./open.js";
import { crashPoint, settleSeedChanges, stageSeedChanges } from "./seed-journal.js";
import type { BuildWriter } from "./store.js";
import { DEFAULT_HNSW, type VectorIndex } from "./vectors.js";

export interface UpdateOptions {
  seedsDir: string;
  indexDir: string;
  /** The configured embedding model; it must be the one the index was built with (MODEL_MISMATCH otherwise). */
  model: string;
  /** Seed pages (.txt, any path) to add, or to replace the indexed page of the same file name. Default none. */
  add?: string[];
  /** Sources to take out: seed file names as in the manifest (a path counts by its file name). Applied before `add`. Default none. */
  remove?: string[];
  /** Loads the embedder for new passages; called only when the index has vectors and pages are added. */
  loadEmbedder: () => Promise<Embedder>;
  onProgress?: (stage: BuildStage, done: number, total: number) => void;
  /** Test only (QA_TEST_CRASH_AT): the process SIGKILLs itself at this stage of the update (see seed-journal.ts). */
  crashAt?: string;
}

export interface UpdateReport {
  /** The live manifest afterwards (the previous one when nothing changed). */
  manifest: Manifest;
  /** Pages new to the index, and pages whose content replaced an indexed page of the same name. */
  added: SeedEntry[];
  replaced: SeedEntry[];
  /** Sources taken out (their copies in SEEDS_DIR are deleted). */
  removed: string[];
  /** Pages to add whose SHA-256 is already indexed: nothing to do. */
  unchanged: string[];
  /** Sources to remove that the index does not hold; when there are any, nothing at all is changed. */
  unknown: string[];
  /** True when a new build was swapped in. */
  changed: boolean;
  seconds: number;
  stages: Partial<Record<BuildStage, number>>;
}

/** A page to add, read from a private copy: those exact bytes are indexed and copied into SEEDS_DIR. */
interface StagedPage extends SeedFile {
  staged: string;
  /** The path the caller gave (resolved). */
  from: string;
}

/** A passage of the updated corpus, with its id in the current build when it is kept from there. */
interface Entry {
  passage: Passage;
  oldId: number | null;
}

/**
 * Adds, replaces or removes seed pages without a full rebuild: only new pages are parsed, chunked and
 * embedded; kept passages reuse their stored vectors. Ids are renumbered in seed order, so the result
 * equals a full build of the same pages (dense ids, same files). Written aside and swapped in
 * atomically under the writer lock, like a full build. SEEDS_DIR is kept in step, so a later full
 * rebuild gives the same index.
 */
export async function updateIndex(options: UpdateOptions): Promise<UpdateReport> {
  const started = performance.now();
  const timer = stageTimer();
  const { stages, timed } = timer;
  const progress = options.onProgress ?? (() => {});
  requireSeedsDir(options.seedsDir);
  // Named after this process (staging.ts), so a copy left by a killed update is removed by the next
  // one; the seed journal keeps its own copies in INDEX_DIR.
  const staging = makeStaging("update");
  try {
    const incoming = await timed("read", () => stagePages(options.add ?? [], staging));
    const adding = new Set(incoming.map((p) => p.name));
    const removing = [...new Set((options.remove ?? []).map((s) => path.basename(s)))].filter((name) => !adding.has(name));

    return await underWriteLock(options.indexDir, async (startBuild) => {
      const { buildDir, manifest } = openManifest({ indexDir: options.indexDir, model: options.model });
      const indexed = new Map(manifest.seeds.map((s) => [s.name, s]));
      const unchanged = incoming.filter((p) => indexed.get(p.name)?.sha256 === p.sha256);
      const fresh = incoming.filter((p) => !unchanged.includes(p));
      const report = (changes: Partial<UpdateReport>): UpdateReport => ({
        manifest,
        added: [],
        replaced: [],
        removed: [],
        unchanged: unchanged.map((p) => p.name),
        unknown: [],
        changed: false,
        seconds: (performance.now() - started) / 1000,
        stages,
        ...changes,
      });
      const unknown = removing.filter((name) => !indexed.has(name));
      if (unknown.length) return report({ unchanged: [], unknown });
      for (const page of unchanged) copyIntoSeeds(page, options.seedsDir);
      if (!fresh.length && !removing.length) return report({});

      // The seed changes are journalled just before the swap and applied to SEEDS_DIR after it
      // (seed-journal.ts): a failure or a kill anywhere leaves seeds and index in step.
      const stageSeeds = (writer: BuildWriter) => () => {
        const add = fresh.filter((p) => !samePath(p.from, path.join(options.seedsDir, p.name))).map((p) => ({ name: p.name, file: p.staged }));
        stageSeedChanges(options.indexDir, { seedsDir: options.seedsDir, build: writer.id, add, remove: removing });
        crashPoint(options.crashAt, "staged");
      };
      const swapped = async (swap: Promise<Manifest>) => {
        let next: Manifest;
        try {
          next = await swap;
        } catch (err) {
          settleSeedChanges(options.indexDir); // rolled back — or replayed, when the failure came after the swap
          throw err;
        }
        crashPoint(options.crashAt, "swapped");
        settleSeedChanges(options.indexDir, options.crashAt);
        return changed(next);
      };
      const changed = (next: Manifest) => {
        const entryOf = (name: string) => next.seeds.find((s) => s.name === name)!;
        return report({
          manifest: next,
          added: fresh.filter((p) => !indexed.has(p.name)).map((p) => entryOf(p.name)),
          replaced: fresh.filter((p) => indexed.has(p.name)).map((p) => entryOf(p.name)),
          removed: removing,
          changed: true,
          seconds: (performance.now() - started) / 1000,
        });
      };
      if (appendsAtEnd(manifest, fresh, removing)) {
        const writer = startBuild();
        return swapped(appendPages({ buildDir, manifest, pages: fresh, writer, loadEmbedder: options.loadEmbedder, timer, beforeSwap: stageSeeds(writer) }));
      }

      const current = openIndex({ indexDir: options.indexDir, model: options.model });
      const added = await timed("clean", () => parseSeeds(fresh, (done, total) => progress("clean", done, total)));
      added.passages = await timed("chunk", () => chunkArticles(added.articles, manifest.chunking));
      const dropped = new Set([...removing, ...adding]);
      const { corpus, entries } = mergeCorpus(current, added, dropped);
      if (!corpus.seeds.length) {
        throw new QaError("SEEDS_EMPTY", `Removing ${removing.join(", ")} would leave the index empty.`, "Add other pages first (index --add <file>), then remove these.");
      }
      countPassages(corpus);
      const { keyword, lexicon } = await timed("keyword", () => keywordIndexes(corpus.passages));
      const vectors = current.vectors ? await reuseVectors(current, entries, options, timed, progress) : null;

      const writer = startBuild();
      const content = { corpus, keyword, lexicon, vectors, model: manifest.model, chunking: manifest.chunking, hnsw: manifest.hnsw };
      return swapped(timed("write", () => writeBuild(writer, content, stageSeeds(writer))));
    });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Copies the pages into a private folder and reads them with the seed reader, so they are checked
 * exactly like SEEDS_DIR pages (UTF-8, not empty, not binary) and cannot change while indexed.
 */
async function stagePages(paths: string[], staging: string): Promise<StagedPage[]> {
  const seen = new Map<string, string>();
  for (const given of paths) {
    const name = path.basename(given);
    const unusable = (why: string, hint: string, cause?: unknown) =>
      new QaError("SEED_UNREADABLE", `Cannot add ${given}: ${why}.`, hint, { cause });
    if (!name.toLowerCase().endsWith(".txt")) throw unusable("only .txt pages are indexed", "Save the page as text with a .txt name.");
    if (seen.has(name)) throw unusable(`${seen.get(name)} has the same file name`, "Pages are known by file name; rename one of them.");
    seen.set(name, given);
    try {
      fs.copyFileSync(given, path.join(staging, name));
    } catch (cause) {
      throw unusable("the file cannot be read", "Check the path and its permissions.", cause);
    }
  }
  if (!paths.length) return [];
  let folder: SeedFolder;
  try {
    folder = await readSeedFiles(staging);
  } catch (err) {
    if (!(err instanceof QaError) || err.code !== "SEEDS_EMPTY") throw err;
    folder = { files: [], warnings: [] };
  }
  const bad = [...seen.keys()].filter((name) => !folder.files.some((f) => f.name === name));
  if (bad.length) {
    const why = folder.warnings.length ? folder.warnings.join(" ") : `${bad.join(", ")}: empty, binary or not text.`;
    throw new QaError("SEED_UNREADABLE", `Cannot add ${bad.join(", ")}. ${why}`, `Give text pages in ${READ_ENCODINGS} (no binary, no empty files).`);
  }
  return folder.files.map((f) => ({ ...f, staged: path.join(staging, f.name), from: path.resolve(seen.get(f.name)!) }));
}

/** The current corpus without the dropped sources, plus the new pages, in seed-name order with ids renumbered. */
function mergeCorpus(current: LoadedIndex, added: Corpus, dropped: Set<string>): { corpus: Corpus; entries: Entry[] } {
  const articlesOf = new Map<string, Article[]>();
  const entriesOf = new Map<string, Entry[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const article of current.articles.values()) if (!dropped.has(article.source)) push(articlesOf, article.source, article);
  for (const passage of current.passages) {
    const source = current.articles.get(passage.articleId)!.source;
    if (!dropped.has(source)) push(entriesOf, source, { passage, oldId: passage.id });
  }
  const sourceOf = new Map(added.articles.map((a) => [a.id, a.source]));
  for (const article of added.articles) push(articlesOf, article.source, article);
  for (const passage of added.passages) push(entriesOf, sourceOf.get(passage.articleId)!, { passage, oldId: null });

  // Same order as a full build: pages by name (as readSeedFiles sorts them), articles and passages in page order.
  const seeds = [...current.manifest.seeds.filter((s) => !dropped.has(s.name)), ...added.seeds].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const entries = seeds.flatMap((s) => entriesOf.get(s.name) ?? []).map((e, id) => ({ ...e, passage: { ...e.passage, id } }));
  const corpus = {
    seeds: seeds.map((s) => ({ ...s })),
    articles: seeds.flatMap((s) => articlesOf.get(s.name) ?? []),
    passages: entries.map((e) => e.passage),
  };
  return { corpus, entries };
}

/** The HNSW graph of the updated corpus: stored vectors for kept passages, the embedder only for new ones. */
async function reuseVectors(
  current: LoadedIndex,
  entries: Entry[],
  options: UpdateOptions,
  timed: ReturnType<typeof stageTimer>["timed"],
  progress: NonNullable<UpdateOptions["onProgress"]>,
): Promise<VectorIndex> {
  const { model, hnsw } = current.manifest;
  const dim = model.dim!;
  const fresh = entries.filter((e) => e.oldId === null);
  let embedded: Float32Array[] = [];
  if (fresh.length) {
    const embedder = await checkedEmbedder(options.loadEmbedder, current.manifest);
    const texts = fresh.map((e) => e.passage.embedText);
    embedded = await timed("embed", () => embedder.embedPassages(texts, (done, total) => progress("embed", done, total)));
  }
  return timed("vectors", () => {
    // The live build's graph is already loaded: read kept vectors back from it, not from the file again.
    const saved = current.vectors!;
    let next = 0;
    const all = entries.map((e) => (e.oldId === null ? embedded[next++]! : saved.vector(e.oldId)));
    // A fresh graph rather than markDelete + add: ids are renumbered, and no deleted nodes pile up.
    return vectorIndexOf(dim, all, { m: hnsw.m, efConstruction: hnsw.efConstruction, efSearch: DEFAULT_HNSW.efSearch });
  });
}

/**
 * SEEDS_MISSING when SEEDS_DIR is not there: an update must not create it with the added page
 * alone, or the next full build would go live with that page only.
 */
function requireSeedsDir(seedsDir: string): void {
  if (fs.statSync(seedsDir, { throwIfNoEntry: false })?.isDirectory()) return;
  throw new QaError(
    "SEEDS_MISSING",
    `Seeds folder not found: ${path.resolve(seedsDir)}. An update keeps SEEDS_DIR in step with the index, so it needs the folder the index was built from.`,
    "Point SEEDS_DIR at the folder holding the indexed pages (npm run -s cli -- status lists them), or restore it, then run again.",
  );
}

/** Re-adding an indexed page unchanged: puts its bytes back into SEEDS_DIR when the copy there differs or is gone. */
function copyIntoSeeds(page: StagedPage, seedsDir: string): void {
  const target = path.join(seedsDir, page.name);
  if (samePath(page.from, target)) return;
  if (fs.existsSync(target) && fs.readFileSync(target).equals(fs.readFileSync(page.staged))) return;
  const temp = path.join(seedsDir, `.${page.name}.tmp-${process.pid}`);
  fs.copyFileSync(page.staged, temp);
  fs.renameSync(temp, target);
}

function samePath(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}
