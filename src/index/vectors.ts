import hnswlib from "hnswlib-node";

/** Options of the HNSW graph. Defaults follow hnswlib's own recommendations for ~384-dim text vectors. */
export interface HnswOptions {
  /** Links per node. Default 16. */
  m: number;
  /**
   * Candidate list size while building. Default 100: at 100k synthetic 384-d vectors it builds 1.6x
   * faster than 200 with the same recall@10 (0.988 at efSearch 128; recall@40 0.960 vs 0.964).
   */
  efConstruction: number;
  /**
   * Candidate list size while searching (recall/speed trade-off). Default 128: at 100k vectors it
   * gives recall@10 0.99 at ~1 ms (64 gave 0.95), and fusion asks for 40 candidates (see npm run bench).
   */
  efSearch: number;
}

export const DEFAULT_HNSW: HnswOptions = { m: 16, efConstruction: 100, efSearch: 128 };

export interface VectorHit {
  id: number;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

/**
 * The only place that touches hnswlib-node: a cosine HNSW index over integer ids.
 * Kept tiny so the rest of the code stays pure and the native part is swappable.
 */
export class VectorIndex {
  private constructor(
    private readonly hnsw: hnswlib.HierarchicalNSW,
    readonly dim: number,
  ) {}

  static create(dim: number, capacity: number, options: Partial<HnswOptions> = {}, seed = 100): VectorIndex {
    const o = { ...DEFAULT_HNSW, ...options };
    const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
    hnsw.initIndex({ maxElements: Math.max(1, capacity), m: o.m, efConstruction: o.efConstruction, randomSeed: seed, allowReplaceDeleted: true });
    hnsw.setEf(o.efSearch);
    return new VectorIndex(hnsw, dim);
  }

  static load(file: string, dim: number, efSearch = DEFAULT_HNSW.efSearch): VectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW("cosine", dim);
    hnsw.readIndexSync(file, true);
    hnsw.setEf(efSearch);
    return new VectorIndex(hnsw, dim);
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  /** Adds (or replaces) a vector, growing the graph when it is full. */
  add(id: number, vector: Float32Array | number[]): void {
    if (vector.length !== this.dim) throw new RangeError(`vector has ${vector.length} dimensions, index has ${this.dim}`);
    if (this.hnsw.getCurrentCount() >= this.hnsw.getMaxElements()) {
      this.hnsw.resizeIndex(Math.max(16, this.hnsw.getMaxElements() * 2));
    }
    this.hnsw.addPoint(Array.from(vector), id, true);
  }

  setEf(ef: number): void {
    this.hnsw.setEf(ef);
  }

  search(query: Float32Array | number[], k: number): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), n);
    return neighbors.map((id, i) => ({ id, similarity: 1 - (distances[i] ?? 1) }));
  }

  /** The stored vector of an id (normalised, as hnswlib keeps it for cosine), so it need not be embedded again. */
  vector(id: number): number[] {
    return this.hnsw.getPoint(id);
  }

  save(file: string): void {
    this.hnsw.writeIndexSync(file);
  }
}
