import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { benchHnsw, DEFAULT_HNSW_BENCH } from "../../bench/hnsw.js";
import { percentile } from "../../bench/stats.js";
import { DEFAULT_HNSW } from "../../src/index/vectors.js";
import { clusteredVectors, DEFAULT_CLUSTERS, exactTopK, makeMatrix, prng } from "../../bench/synthetic.js";

const dim = 24;
const options = { ...DEFAULT_CLUSTERS, dim, clusters: 10, intrinsic: 8 };

describe("synthetic vectors", () => {
  it("are the same for the same seed and differ for another draw seed", () => {
    const a = makeMatrix(50, dim, clusteredVectors(options));
    const b = makeMatrix(50, dim, clusteredVectors(options));
    const c = makeMatrix(50, dim, clusteredVectors(options, options.seed + 1));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it("are unit length, in the low-rank and the isotropic case", () => {
    for (const intrinsic of [8, dim]) {
      const m = makeMatrix(20, dim, clusteredVectors({ ...options, intrinsic }));
      for (let i = 0; i < 20; i++) {
        const norm = Math.hypot(...m.subarray(i * dim, (i + 1) * dim));
        expect(norm).toBeCloseTo(1, 5);
      }
    }
  });

  it("prng stays in [0, 1)", () => {
    const next = prng(7);
    for (let i = 0; i < 1000; i++) {
      const x = next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe("exactTopK", () => {
  it("matches a full sort by dot product", () => {
    const data = makeMatrix(300, dim, clusteredVectors(options));
    const query = makeMatrix(1, dim, clusteredVectors(options, 99));
    const dots = Array.from({ length: 300 }, (_, i) => {
      let s = 0;
      for (let j = 0; j < dim; j++) s += data[i * dim + j]! * query[j]!;
      return { i, s };
    }).sort((x, y) => y.s - x.s);
    expect(exactTopK(data, dim, query, 10)).toEqual(dots.slice(0, 10).map((d) => d.i));
  });
});

describe("percentile", () => {
  it("interpolates between ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("benchHnsw (smoke, tiny n)", () => {
  it("builds, reloads in a fresh process and reports a recall curve", async () => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
    try {
      const shipped = DEFAULT_HNSW.efSearch;
      const result = await benchHnsw({ ...DEFAULT_HNSW_BENCH, n: 400, dim, queries: 20, efs: [16, shipped], data: { ...options }, workDir });
      expect(result.sweep.map((p) => p.ef)).toEqual([16, shipped]);
      expect(result.chosen.ef).toBe(shipped);
      expect(result.chosen.recall).toBeGreaterThan(0.9);
      expect(result.fileBytes).toBeGreaterThan(400 * dim * 4);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
