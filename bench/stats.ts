/** Small numeric helpers shared by the benchmarks. */

/** The p-th percentile (0–100) by linear interpolation between closest ranks; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function mean(values: readonly number[]): number {
  return values.length ? sum(values) / values.length : Number.NaN;
}

export const MIB = 1024 * 1024;

/** Resident set size of this process in bytes. */
export function rss(): number {
  return process.memoryUsage().rss;
}

/** Rounds to `digits` decimals, for figures in tables and JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds since `t0` (a performance.now() reading). */
export function since(t0: number): number {
  return performance.now() - t0;
}

/** Writes a progress note to stderr (stdout is reserved for the table and the JSON line). */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Time left at the rate so far, "ETA 1h 05m", "ETA 3m 20s", "ETA 12s"; empty until there is a
 * rate to go by (nothing done yet, or under a second elapsed); "done" at the end.
 */
export function describeEta(done: number, total: number, elapsedMs: number): string {
  if (done <= 0 || elapsedMs < 1000 || total <= done) return done >= total && total > 0 ? "done" : "";
  const left = Math.round(((total - done) * elapsedMs) / done / 1000);
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  if (h) return `ETA ${h}h ${String(m).padStart(2, "0")}m`;
  return m ? `ETA ${m}m ${String(s).padStart(2, "0")}s` : `ETA ${s}s`;
}
