/**
 * `npm run bench`: seed build, warm question latency, cold start, memory per passage, and HNSW at
 * scale on seeded synthetic vectors. Tables on stdout, notes on stderr; with `--json`, one JSON
 * line last on stdout. Figures only: nothing here asserts on time.
 *
 *   npm run bench                        defaults (n = 100,000; under 5 minutes on 2 cores)
 *   npm run bench -- --json              … plus the JSON summary line
 *   npm run bench -- --large             HNSW at n = 1,000,000 (or --n <count>)
 *   npm run bench -- --only hnsw --intrinsic 384 --ef 64,128,256,512
 *   npm run bench -- --scale 1000000     archive scale: build, open, ask and add at N passages (0 skips it)
 *   npm run bench -- --only scale --scale 100000 --json
 *   npm run bench -- --only scale --scale 1000000 --keyword-only   format, memory and open at 1M without embedding
 *   npm run bench -- --only scale --workers 0   the build with BUILD_WORKERS=0 (default: auto)
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BuildBenchResult } from "./build.js";
import { benchHnsw, DEFAULT_HNSW_BENCH, type HnswBenchResult } from "./hnsw.js";
import type { QuestionBenchResult } from "./questions.js";
import { renderBuild, renderHnsw, renderQuestions, renderScale, summaryJson } from "./render.js";
import type { ScaleBenchResult } from "./scale.js";
import { note, since } from "./stats.js";

const { values: args } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    large: { type: "boolean", default: false },
    n: { type: "string" },
    queries: { type: "string" },
    ef: { type: "string" },
    intrinsic: { type: "string" },
    m: { type: "string" },
    "ef-construction": { type: "string" },
    "ef-search": { type: "string" },
    rounds: { type: "string", default: "3" },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
    scale: { type: "string" },
    "keyword-only": { type: "boolean", default: false },
    workers: { type: "string", default: "auto" },
  },
});

const int = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
};
const only = args.only;
/** The archive-scale bench's default size: the target figures are at 100,000 passages. */
const DEFAULT_SCALE = 100_000;
const PARTS = ["build", "hnsw", "scale"];
if (only !== undefined && !PARTS.includes(only)) throw new Error(`--only must be one of: ${PARTS.join(", ")} (got "${only}")`);
const wants = (part: string) => only === undefined || only === part;
/** Passages of the scale bench; 0 skips it. */
const scalePassages = args.scale === "0" ? 0 : int("scale", args.scale, DEFAULT_SCALE);

const d = DEFAULT_HNSW_BENCH;
const hnsw = {
  m: int("m", args.m, d.hnsw.m),
  efConstruction: int("ef-construction", args["ef-construction"], d.hnsw.efConstruction),
  efSearch: int("ef-search", args["ef-search"], d.hnsw.efSearch),
};
const efs = args.ef ? args.ef.split(",").map((e) => int("ef", e.trim(), 0)) : d.efs;

const machine = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")} (1 / 5 / 15 min)`;
process.stdout.write(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; at start: ${machine()}\n\n`,
);

const workDir = mkdtempSync(path.join(os.tmpdir(), "changji-bench-"));
const started = performance.now();
let build: BuildBenchResult | null = null;
let questions: QuestionBenchResult | null = null;
let scale: HnswBenchResult | null = null;
let archive: ScaleBenchResult | null = null;
try {
  if (wants("build")) {
    // Loaded lazily: `--only hnsw` needs nothing of the app beyond the VectorIndex adapter.
    const { benchBuild } = await import("./build.js");
    const { benchQuestions } = await import("./questions.js");
    build = await benchBuild(workDir, path.resolve("seeds"));
    process.stdout.write(`${renderBuild(build)}\n\n`);
    questions = await benchQuestions(build.config, build.envFile, path.resolve("test/eval/questions.jsonl"), int("rounds", args.rounds, 3));
    process.stdout.write(`${renderQuestions(questions)}\n\n`);
  }
  if (wants("hnsw")) {
    scale = await benchHnsw({
      ...d,
      n: int("n", args.n, args.large ? 1_000_000 : d.n),
      queries: int("queries", args.queries, d.queries),
      efs: [...new Set([...efs, hnsw.efSearch])].sort((a, b) => a - b),
      hnsw,
      data: { ...d.data, intrinsic: int("intrinsic", args.intrinsic, d.data.intrinsic) },
      workDir,
    });
    process.stdout.write(`${renderHnsw(scale)}\n\n`);
  }
  if (wants("scale") && scalePassages > 0) {
    const { benchScale } = await import("./scale.js");
    archive = await benchScale(workDir, path.resolve("seeds"), scalePassages, path.resolve("test/eval/questions.jsonl"), {
      keywordOnly: args["keyword-only"],
      workers: args.workers === "auto" ? "auto" : args.workers === "0" ? 0 : int("workers", args.workers, 0),
    });
    process.stdout.write(`${renderScale(archive)}\n\n`);
  }
  process.stdout.write(`Finished in ${(since(started) / 1000).toFixed(0)} s; at the end: ${machine()}\n`);
  if (args.keep) note(`files kept in ${workDir}`);
  if (args.json) process.stdout.write(`${JSON.stringify(summaryJson(build, questions, scale, archive))}\n`);
} finally {
  if (!args.keep) rmSync(workDir, { recursive: true, force: true });
}
