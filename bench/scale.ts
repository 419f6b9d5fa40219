/**
 * The archive-scale bench: N passages of real-shaped synthetic pages (bench/pages.ts) built,
 * opened and asked the eval questions in this process, then one more page added with
 * `index --add`. Wall-clock and CPU seconds are both reported: on a shared machine the wall
 * clock measures the neighbours as much as the code.
 */
import { mkdirSync, readdirSync, renameSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config/index.js";
import { openQaService } from "../src/core/service.js";
import { createEmbedder, embedderOptionsFor } from "../src/embed/index.js";
import { buildIndex, buildOptionsFor, workerCount, type BuildReport } from "../src/index/build.js";
import { machineLoadFor } from "../src/index/build-workers.js";
import { updateIndex } from "../src/index/update.js";
import { readSeedFiles } from "../src/ingest/index.js";
import { benchEnv } from "./build.js";
import { pageMaterial, pagesFor, writePages } from "./pages.js";
import { loadQuestions, timeAll } from "./questions.js";
import { describeEta, MIB, note, percentile } from "./stats.js";
import { idleEstimate, ThreadCpuTracker } from "./threads.js";

export interface ScaleBenchResult {
  passages: number;
  pages: number;
  keywordOnly: boolean;
  buildS: number;
  /** CPU seconds of this process during the build (user + system, all threads). */
  buildCpuS: number;
  passagesPerS: number;
  embedS: number;
  /** CPU seconds of the build's main thread and of its busiest other thread (a worker, onnxruntime). */
  buildMainCpuS: number;
  buildOtherCpuS: number;
  /** Wall seconds the build would take on this machine's cores if they were idle (threadCpu). */
  buildIdleS: number;
  /** Passages per second of the embedding stage alone, for the configured model. */
  embedPerS: number;
  stages: BuildReport["stages"];
  openS: number;
  openCpuS: number;
  /** Peak resident set of the process (build + open + questions). */
  rssMb: number;
  p50Ms: number;
  p95Ms: number;
  /** Mean CPU milliseconds per question (warm-up included). */
  askCpuMs: number;
  addPageS: number;
  addPageCpuS: number;
  addPassages: number;
  /** Load average at start and end (1 min): how busy the machine was. */
  load: [number, number];
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

export interface ScaleOptions {
  /** Build without the embedding model (BM25 only): the format, memory and open time at sizes the embedding would take hours to reach. */
  keywordOnly: boolean;
  /** BUILD_WORKERS for the build. Default "auto", the product's default. */
  workers?: number | "auto";
}

/** Build settings a scale run may be given in the environment (the rest of the bench's settings are fixed). */
const TUNING = ["EMBED_BATCH_SIZE", "EMBED_THREADS", "EMBED_INTER_THREADS", "HNSW_M", "HNSW_EF_CONSTRUCTION"];

function tuning(): Record<string, string> {
  return Object.fromEntries(TUNING.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
}

export async function benchScale(workDir: string, seedsDir: string, passages: number, questionsFile: string, options: ScaleOptions = { keywordOnly: false }): Promise<ScaleBenchResult> {
  const load0 = os.loadavg()[0]!;
  const material = pageMaterial((await readSeedFiles(seedsDir)).files);
  const pages = pagesFor(passages, material);
  const pagesDir = path.join(workDir, `scale-${passages}`);
  note(`scale: writing ${pages} synthetic pages (~${passages} passages) into ${pagesDir}`);
  writePages(pagesDir, pages + 1, material);
  // The last page (the newest issue) is held back for `index --add`.
  const held = path.join(workDir, "held");
  mkdirSync(held, { recursive: true });
  const last = readdirSync(pagesDir).sort().pop()!;
  renameSync(path.join(pagesDir, last), path.join(held, last));

  const config = loadConfig({ ...benchEnv(path.join(workDir, `index-${passages}`), pagesDir), ...tuning(), BUILD_WORKERS: String(options.workers ?? "auto") });
  note(`scale: building (${options.keywordOnly ? "keyword-only" : config.embeddingModel}, EMBED_THREADS ${config.embedThreads.intraOp || "auto"}, BUILD_WORKERS ${config.buildWorkers}: ${workerCount(config.buildWorkers, pages, 16, await machineLoadFor(config.buildWorkers, pages, 16))} now)`);
  const embedder = options.keywordOnly ? null : await createEmbedder(embedderOptionsFor(config));
  const loadEmbedder = async () => embedder ?? Promise.reject(new Error("keyword-only bench run"));
  const cpu0 = process.cpuUsage();
  const threads = new ThreadCpuTracker();
  let noted = 0;
  const onProgress = (_stage: string, done: number, total: number) => {
    threads.sample();
    // A note every 5 % (a 1M build runs for a long time): pages, passages so far, rate and ETA.
    if (done < total && done - noted < total / 20) return;
    noted = done;
    const elapsed = performance.now() - buildStart;
    note(`scale: ${done}/${total} pages after ${(elapsed / 1000).toFixed(0)} s, RSS ${(process.memoryUsage().rss / MIB).toFixed(0)} MB, load ${os.loadavg()[0]!.toFixed(1)}; ${describeEta(done, total, elapsed)}`);
  };
  const buildStart = performance.now();
  const report = await buildIndex(buildOptionsFor(config, { onProgress, loadEmbedder }));
  const buildCpuS = cpuSeconds(cpu0);
  const perThread = threads.report();
  note(`scale: build CPU by thread: ${perThread.top}`);
  note(`scale: ${report.passages} passages in ${report.seconds.toFixed(1)} s (${buildCpuS.toFixed(1)} CPU s)`);

  const t0 = performance.now();
  const cpuOpen = process.cpuUsage();
  const service = await openQaService(config, { embedder, llm: null });
  const openS = (performance.now() - t0) / 1000;
  const openCpuS = cpuSeconds(cpuOpen);
  note(`scale: opened in ${openS.toFixed(2)} s; asking the eval questions`);
  const cpuAsk = process.cpuUsage();
  const questions = loadQuestions(questionsFile);
  const timed = await timeAll((q) => service.answer(q), questions, 1);
  const askCpuMs = (cpuSeconds(cpuAsk) * 1000) / (questions.length + 10);
  await service.close();

  note(`scale: index --add ${last}`);
  const cpuAdd = process.cpuUsage();
  const added = await updateIndex({
    seedsDir: config.seedsDir,
    indexDir: config.indexDir,
    model: config.embeddingModel,
    add: [path.join(held, last)],
    loadEmbedder,
  });
  const embedS = report.stages.embed ?? 0;
  return {
    passages: report.passages,
    pages,
    keywordOnly: options.keywordOnly,
    buildS: report.seconds,
    buildCpuS,
    passagesPerS: report.passages / report.seconds,
    buildMainCpuS: perThread.mainS,
    buildOtherCpuS: perThread.busiestOtherS,
    buildIdleS: idleEstimate(perThread),
    embedS,
    embedPerS: embedS > 0 ? report.passages / embedS : 0,
    stages: report.stages,
    openS,
    openCpuS,
    rssMb: (process.resourceUsage().maxRSS * 1024) / MIB,
    p50Ms: percentile(timed.totals, 50),
    p95Ms: percentile(timed.totals, 95),
    askCpuMs,
    addPageS: added.seconds,
    addPageCpuS: cpuSeconds(cpuAdd),
    addPassages: added.manifest.counts.passages - report.passages,
    load: [load0, os.loadavg()[0]!],
  };
}
