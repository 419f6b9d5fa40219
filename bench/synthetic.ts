/**
 * Seeded synthetic vectors for the HNSW benchmark, and the exact search it is measured against.
 * Everything here is deterministic for a given seed, so two runs see the same data and queries.
 */
import { mulberry32 } from "../scripts/prng.js";

/** The bench's seeded uniform source (see scripts/prng.ts). */
export const prng = mulberry32;

/** Standard normal samples (Box–Muller) from a uniform source. */
export function gaussian(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = 1 - uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

export interface ClusterOptions {
  dim: number;
  /** Number of gaussian clusters (topics). Default 1000. */
  clusters: number;
  /**
   * Dimensions the data really varies in. Text embeddings sit near a low-dimensional surface
   * (estimates for sentence encoders are in the tens), so points are drawn in `intrinsic`
   * dimensions and mapped into `dim` by a fixed random linear map, plus a little full-rank noise.
   * `intrinsic === dim` gives isotropic clusters, which in 384 dimensions lie far apart and are
   * easy for HNSW; of the settings measured (16, 32, 64, 384) the default 32 was the hardest,
   * its clusters overlapping so a query's neighbours span several of them. Default 32.
   */
  intrinsic: number;
  /**
   * Spread of a point around its cluster centre, relative to the spread of the centres. Default 1:
   * clusters as wide as the gaps between them, so topics overlap as news topics do (0.5 gives
   * well-separated clusters, an easier case).
   */
  spread: number;
  /** Full-rank noise added after the map, relative to the vector's length. Default 0.05. */
  noise: number;
  seed: number;
}

export const DEFAULT_CLUSTERS: Omit<ClusterOptions, "dim"> = { clusters: 1000, intrinsic: 32, spread: 1, noise: 0.05, seed: 42 };

/**
 * A generator of unit vectors from `clusters` gaussian blobs in an `intrinsic`-dimensional space,
 * mapped into `dim` dimensions. `next(out)` fills `out`; the stream is fixed by the seed, and two
 * streams with the same `seed` share centres and map (pass `drawSeed` to draw other points).
 */
export function clusteredVectors(options: ClusterOptions, drawSeed = options.seed): { next(out: Float32Array): void } {
  const { dim, clusters, spread } = options;
  const latent = Math.min(options.intrinsic, dim);
  const shared = gaussian(prng(options.seed));
  const centres = new Float64Array(clusters * latent);
  for (let i = 0; i < centres.length; i++) centres[i] = shared();
  // Column-scaled so a latent vector of length r maps to a vector of length ≈ r.
  const map = latent < dim ? Float64Array.from({ length: dim * latent }, () => shared() / Math.sqrt(dim)) : null;
  const uniform = prng(drawSeed ^ 0x9e3779b9);
  const normal = gaussian(uniform);
  const z = new Float64Array(latent);
  const noise = options.noise * Math.sqrt(latent / dim);
  return {
    next(out) {
      const base = Math.floor(uniform() * clusters) * latent;
      for (let r = 0; r < latent; r++) z[r] = centres[base + r]! + spread * normal();
      if (!map) {
        for (let j = 0; j < dim; j++) out[j] = z[j]!;
      } else {
        for (let j = 0; j < dim; j++) {
          let sum = 0;
          const row = j * latent;
          for (let r = 0; r < latent; r++) sum += map[row + r]! * z[r]!;
          out[j] = sum + noise * normal();
        }
      }
      normalize(out);
    },
  };
}

/** n vectors of `dim` in one flat row-major Float32Array (unit length each). */
export function makeMatrix(n: number, dim: number, stream: { next(out: Float32Array): void }): Float32Array {
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) stream.next(data.subarray(i * dim, (i + 1) * dim));
  return data;
}

export function normalize(v: Float32Array): void {
  let sum = 0;
  for (let j = 0; j < v.length; j++) sum += v[j]! * v[j]!;
  const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  for (let j = 0; j < v.length; j++) v[j]! *= inv;
}

/**
 * Exact top-k by cosine over unit rows (so cosine = dot product): a full scan with a small
 * sorted buffer and no allocation per row. This is the baseline HNSW is compared with, so it is
 * kept tight (a four-accumulator unroll measured no faster in V8, so the loop stays plain).
 */
export function exactTopK(data: Float32Array, dim: number, query: Float32Array, k: number): number[] {
  const n = data.length / dim;
  const ids = new Int32Array(k).fill(-1);
  const scores = new Float64Array(k).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const base = i * dim;
    let dot = 0;
    for (let j = 0; j < dim; j++) dot += data[base + j]! * query[j]!;
    if (dot <= scores[k - 1]!) continue;
    let p = k - 1;
    while (p > 0 && scores[p - 1]! < dot) {
      scores[p] = scores[p - 1]!;
      ids[p] = ids[p - 1]!;
      p--;
    }
    scores[p] = dot;
    ids[p] = i;
  }
  return Array.from(ids);
}
