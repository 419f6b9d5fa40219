/**
 * Measurements that need a fresh process (cold start, RSS of a load), run by `fresh.ts`.
 * Heavy modules are imported dynamically, after the baseline reading, so it excludes them.
 * Prints exactly one JSON line on stdout.
 *
 *   child.ts hnsw-load <file> <dim>        RSS and time to load a saved HNSW graph
 *   child.ts index-memory <env.json>       RSS of openIndex, then of the embedding model
 *   child.ts cold-start <env.json> <q>     import, openQaService and first-question times
 */
import { readFileSync } from "node:fs";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rss = () => {
  gc();
  return process.memoryUsage().rss;
};

async function hnswLoad(file: string, dim: number) {
  const { VectorIndex } = await import("../src/index/vectors.js");
  const before = rss();
  const t0 = performance.now();
  const index = VectorIndex.load(file, dim);
  const loadMs = performance.now() - t0;
  return { loadMs, rssDelta: rss() - before, size: index.size };
}

async function indexMemory(envFile: string) {
  const { loadConfig } = await import("../src/config/index.js");
  const { openIndex } = await import("../src/index/open.js");
  const { createEmbedder } = await import("../src/embed/index.js");
  const config = loadConfig(JSON.parse(readFileSync(envFile, "utf8")) as Record<string, string>);
  const r0 = rss();
  const h0 = process.memoryUsage().heapUsed;
  const index = openIndex({ indexDir: config.indexDir, model: config.embeddingModel });
  const r1 = rss();
  const h1 = process.memoryUsage().heapUsed;
  await createEmbedder({ model: config.embeddingModel, modelsDir: config.modelsDir });
  const r2 = rss();
  return { passages: index.passages.length, indexRss: r1 - r0, indexHeap: h1 - h0, modelRss: r2 - r1 };
}

async function coldStart(envFile: string, question: string) {
  const t0 = performance.now();
  const { loadConfig } = await import("../src/config/index.js");
  const { openQaService } = await import("../src/core/service.js");
  const t1 = performance.now();
  const service = await openQaService(loadConfig(JSON.parse(readFileSync(envFile, "utf8")) as Record<string, string>));
  const t2 = performance.now();
  await service.answer(question);
  const t3 = performance.now();
  await service.close();
  return { importMs: t1 - t0, openMs: t2 - t1, firstAnswerMs: t3 - t2, rss: rss() };
}

const [mode, a = "", b = ""] = process.argv.slice(2);
const modes: Record<string, () => Promise<object>> = {
  "hnsw-load": () => hnswLoad(a, Number(b)),
  "index-memory": () => indexMemory(a),
  "cold-start": () => coldStart(a, b),
};
const run = modes[mode ?? ""];
if (!run) {
  process.stderr.write(`unknown mode "${mode}"; one of: ${Object.keys(modes).join(", ")}\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await run())}\n`);
