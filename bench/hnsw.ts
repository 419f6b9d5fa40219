/**
 * HNSW at scale: seeded clustered vectors through the product's own VectorIndex adapter, timed
 * against an exact cosine scan. Reports build time, file size, RSS of a fresh load, and a
 * recall/latency curve over efSearch.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEFAULT_HNSW, VectorIndex, type HnswOptions } from "../src/index/vectors.js";
import { DEFAULT_RETRIEVE } from "../src/retrieve/hybrid.js";
import { runFresh } from "./fresh.js";
import { percentile, MIB, note, rss, since, sum } from "./stats.js";
import { clusteredVectors, DEFAULT_CLUSTERS, exactTopK, makeMatrix, type ClusterOptions } from "./synthetic.js";

const PASSES = 3;

export interface HnswBenchOptions {
  n: number;
  dim: number;
  /** Seeded queries drawn from the same clusters (not in the index). Default 200. */
  queries: number;
  k: number;
  /** Neighbours hybrid retrieval really asks HNSW for (DEFAULT_RETRIEVE.candidates); also measured. */
  candidates: number;
  /** efSearch values swept. */
  efs: number[];
  /** Build parameters; the shipped DEFAULT_HNSW unless overridden. */
  hnsw: HnswOptions;
  data: Omit<ClusterOptions, "dim">;
  /** Folder for the saved index file. */
  workDir: string;
}

export const DEFAULT_HNSW_BENCH: Omit<HnswBenchOptions, "workDir"> = {
  n: 100_000,
  dim: 384,
  queries: 200,
  k: 10,
  candidates: DEFAULT_RETRIEVE.candidates,
  efs: [16, 32, 64, 128, 256],
  hnsw: DEFAULT_HNSW,
  data: DEFAULT_CLUSTERS,
};

export interface EfPoint {
  ef: number;
  recall: number;
  p50Ms: number;
  p95Ms: number;
  /** Median exact-scan time per query / median HNSW time per query (medians resist noise). */
  speedup: number;
  /** Recall and p50 when asking for `candidates` neighbours, as hybrid retrieval does. */
  recallWide: number;
  p50WideMs: number;
}

export interface HnswBenchResult {
  n: number;
  dim: number;
  candidates: number;
  hnsw: HnswOptions;
  data: Omit<ClusterOptions, "dim">;
  generateS: number;
  buildS: number;
  insertsPerS: number;
  fileBytes: number;
  bytesPerVector: number;
  /** A fresh process loading the saved file: time and RSS growth. */
  loadMs: number;
  loadRssBytes: number;
  /** This process's RSS after the build (data matrix + index + runtime). */
  peakRssBytes: number;
  exact: { p50Ms: number; meanMs: number };
  sweep: EfPoint[];
  /** The point at the shipped efSearch. */
  chosen: EfPoint;
}

export async function benchHnsw(options: HnswBenchOptions): Promise<HnswBenchResult> {
  const { n, dim, k } = options;
  const data = { ...options.data, dim };
  note(`hnsw: generating ${n.toLocaleString("en")} × ${dim} clustered vectors (${data.clusters} clusters, intrinsic dim ${data.intrinsic}, seed ${data.seed})`);
  let t = performance.now();
  const matrix = makeMatrix(n, dim, clusteredVectors(data));
  const queries = makeMatrix(options.queries, dim, clusteredVectors(data, data.seed + 1));
  const generateS = since(t) / 1000;
  const row = (m: Float32Array, i: number) => m.subarray(i * dim, (i + 1) * dim);

  note(`hnsw: exact search for ${options.queries} queries`);
  const exactMs: number[] = [];
  const exactIds = Array.from({ length: options.queries }, (_, q) => {
    const t0 = performance.now();
    const ids = exactTopK(matrix, dim, row(queries, q), Math.max(k, options.candidates));
    exactMs.push(since(t0));
    return ids;
  });
  const truth = exactIds.map((ids) => new Set(ids.slice(0, k)));
  const truthWide = exactIds.map((ids) => new Set(ids.slice(0, options.candidates)));

  note(`hnsw: building (M ${options.hnsw.m}, efConstruction ${options.hnsw.efConstruction})`);
  const index = VectorIndex.create(dim, n, options.hnsw);
  t = performance.now();
  const step = Math.max(1, Math.floor(n / 10));
  for (let i = 0; i < n; i++) {
    index.add(i, row(matrix, i));
    if ((i + 1) % step === 0) note(`hnsw: ${(((i + 1) / n) * 100).toFixed(0)}% inserted, ${(since(t) / 1000).toFixed(0)} s`);
  }
  const buildS = since(t) / 1000;
  const peakRssBytes = rss();

  mkdirSync(options.workDir, { recursive: true });
  const file = path.join(options.workDir, `synthetic-${n}.hnsw`);
  index.save(file);
  const fileBytes = statSync(file).size;
  const loaded = runFresh<{ loadMs: number; rssDelta: number; size: number }>("hnsw-load", file, String(dim));
  if (loaded.size !== n) throw new Error(`reloaded index has ${loaded.size} vectors, expected ${n}`);

  const exactP50 = percentile(exactMs, 50);
  const wide = options.candidates;
  const sweep = options.efs.map((ef) => {
    index.setEf(ef);
    const top = searchAll(index, (q) => row(queries, q), options.queries, k, truth);
    const cand = searchAll(index, (q) => row(queries, q), options.queries, wide, truthWide);
    const point: EfPoint = { ef, recall: top.recall, p50Ms: top.p50Ms, p95Ms: top.p95Ms, speedup: exactP50 / top.p50Ms, recallWide: cand.recall, p50WideMs: cand.p50Ms };
    note(`hnsw: ef ${ef}: recall@${k} ${point.recall.toFixed(3)}, p50 ${point.p50Ms.toFixed(3)} ms; recall@${wide} ${point.recallWide.toFixed(3)}`);
    return point;
  });
  const defaultEf = options.hnsw.efSearch;
  const chosen = sweep.find((p) => p.ef === defaultEf) ?? sweep[0]!;
  index.setEf(defaultEf);
  return {
    n,
    dim,
    candidates: wide,
    hnsw: options.hnsw,
    data: options.data,
    generateS,
    buildS,
    insertsPerS: n / buildS,
    fileBytes,
    bytesPerVector: fileBytes / n,
    loadMs: loaded.loadMs,
    loadRssBytes: loaded.rssDelta,
    peakRssBytes,
    exact: { p50Ms: exactP50, meanMs: sum(exactMs) / exactMs.length },
    sweep,
    chosen,
  };
}

export const mb = (bytes: number) => bytes / MIB;

/**
 * Runs every query PASSES times and keeps each query's median time: a sub-millisecond search is
 * easily hit by a scheduler hiccup on a busy 2-core machine. Hits are identical across passes.
 */
function searchAll(index: VectorIndex, query: (q: number) => Float32Array, count: number, k: number, truth: Set<number>[]) {
  for (let q = 0; q < Math.min(20, count); q++) index.search(query(q), k); // warm-up
  const runs: number[][] = Array.from({ length: count }, () => []);
  let found = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (let q = 0; q < count; q++) {
      const t0 = performance.now();
      const hits = index.search(query(q), k);
      runs[q]!.push(since(t0));
      if (pass === 0) found += hits.filter((h) => truth[q]!.has(h.id)).length;
    }
  }
  const times = runs.map((r) => percentile(r, 50));
  return { recall: found / (k * count), p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}
