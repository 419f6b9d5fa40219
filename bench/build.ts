/**
 * The seed build, timed per stage through the product's own buildIndex, plus what the result
 * costs per passage on disk and (in a fresh process) in RAM.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "../src/config/index.js";
import { buildIndex, buildOptionsFor, type BuildReport, type BuildStage } from "../src/index/build.js";
import { runFresh } from "./fresh.js";
import { note } from "./stats.js";

/** Bench stage names (issue wording) → the BuildReport stages they add up. */
export const STAGE_GROUPS: ReadonlyArray<[label: string, stages: BuildStage[]]> = [
  ["read + clean + segment", ["read", "clean"]],
  ["chunk", ["chunk"]],
  ["keyword index", ["keyword"]],
  ["embed", ["embed"]],
  ["HNSW insert", ["vectors"]],
  ["write", ["write"]],
];

export interface RamReading {
  passages: number;
  /** RSS / JS heap growth of openIndex in a fresh process. */
  indexRss: number;
  indexHeap: number;
  /** RSS growth of loading the embedding model after it. */
  modelRss: number;
}

export interface BuildBenchResult {
  report: BuildReport;
  seconds: number;
  passagesPerS: number;
  /** Stage label → seconds; "other" is model loading and glue (total − stages). */
  stages: Array<{ label: string; seconds: number }>;
  disk: { files: Record<string, number>; total: number; perPassage: number };
  /** The seed index as built, and the same seeds copied `copies` times (for the per-passage slope). */
  ram: { seeds: RamReading; copies: number; scaled: RamReading; perPassageRss: number; perPassageHeap: number; scaledDiskPerPassage: number };
  /** The environment file the other benches use to open this index. */
  envFile: string;
  config: Config;
}

/**
 * The seed index is small (~100 passages), so its RAM is mostly fixed cost (tokenizer dictionary,
 * lexicon). Building it again from COPIES copies of each page gives a second point; the slope
 * between the two is the marginal RAM per passage. Copies repeat vocabulary, so the keyword
 * part of the slope is a lower bound for genuinely new text.
 */
const COPIES = 8;

/** The minimal environment of a bench run: fixture model, temp index, nothing from the user's .env. */
export function benchEnv(indexDir: string, seedsDir: string): Record<string, string> {
  return {
    MODELS_DIR: path.resolve("test/fixtures/models"),
    EMBEDDING_MODEL: "tiny-zh",
    INDEX_DIR: indexDir,
    SEEDS_DIR: seedsDir,
    LOG_LEVEL: "silent",
  };
}

async function build(config: Config): Promise<BuildReport> {
  const report = await buildIndex(buildOptionsFor(config));
  if (!report.manifest.model.available) throw new Error(`the fixture model did not load: ${report.warnings.join("; ")}`);
  return report;
}

function writeEnv(file: string, env: Record<string, string>): Config {
  writeFileSync(file, JSON.stringify(env));
  return loadConfig(env);
}

const diskBytes = (report: BuildReport) => Object.values(report.manifest.files).reduce((a, f) => a + f.bytes, 0);

export async function benchBuild(workDir: string, seedsDir: string): Promise<BuildBenchResult> {
  const envFile = path.join(workDir, "env.json");
  const config = writeEnv(envFile, benchEnv(path.join(workDir, "index"), seedsDir));
  note(`build: indexing ${seedsDir} with ${config.embeddingModel} into ${config.indexDir}`);
  const report = await build(config);
  const stages = STAGE_GROUPS.map(([label, names]) => ({ label, seconds: names.reduce((s, name) => s + (report.stages[name] ?? 0), 0) }));
  const staged = stages.reduce((s, x) => s + x.seconds, 0);
  stages.push({ label: "other (model load)", seconds: Math.max(0, report.seconds - staged) });
  const files = Object.fromEntries(Object.entries(report.manifest.files).map(([name, f]) => [name, f.bytes]));
  const total = diskBytes(report);

  note(`build: the seeds × ${COPIES}, for RAM per passage`);
  const copiesDir = path.join(workDir, `seeds-x${COPIES}`);
  mkdirSync(copiesDir, { recursive: true });
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith(".txt"))) {
    for (let c = 0; c < COPIES; c++) copyFileSync(path.join(seedsDir, name), path.join(copiesDir, `c${c}_${name}`));
  }
  const scaledEnv = path.join(workDir, "env-scaled.json");
  const scaledReport = await build(writeEnv(scaledEnv, benchEnv(path.join(workDir, "index-scaled"), copiesDir)));
  note("build: measuring RAM of the loaded indexes in fresh processes");
  const seeds = runFresh<RamReading>("index-memory", envFile);
  const scaled = runFresh<RamReading>("index-memory", scaledEnv);
  const dp = scaled.passages - seeds.passages;
  return {
    report,
    seconds: report.seconds,
    passagesPerS: report.passages / report.seconds,
    stages,
    disk: { files, total, perPassage: total / report.passages },
    ram: {
      seeds,
      copies: COPIES,
      scaled,
      perPassageRss: (scaled.indexRss - seeds.indexRss) / dp,
      perPassageHeap: (scaled.indexHeap - seeds.indexHeap) / dp,
      scaledDiskPerPassage: (diskBytes(scaledReport) - total) / dp,
    },
    envFile,
    config,
  };
}
