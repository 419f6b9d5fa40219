/**
 * Pooling of a model's hidden states into one unit vector per text, on the raw typed arrays.
 * transformers.js pools through its Tensor proxy, one trapped property read per element, which
 * made pooling half of a build's embedding time. The arithmetic here is the library's, step for
 * step (mean in doubles stored as float32, the L2 norm accumulated in float32), so the vectors are
 * bit-identical to the pipeline's.
 */
import type { Pooling } from "./profiles.js";

/** Hidden states [rows, tokens, dim] and the attention mask [rows, tokens] of one model call. */
export interface HiddenStates {
  data: Float32Array;
  mask: ArrayLike<number | bigint>;
  rows: number;
  tokens: number;
  dim: number;
}

/** One fresh Float32Array per row: mean over unmasked tokens, or the first token (CLS); optionally L2-normalised. */
export function poolRows(h: HiddenStates, pooling: Pooling, normalize: boolean): Float32Array[] {
  const out: Float32Array[] = [];
  for (let i = 0; i < h.rows; i++) {
    const row = new Float32Array(h.dim);
    const base = i * h.tokens * h.dim;
    if (pooling === "cls") {
      row.set(h.data.subarray(base, base + h.dim));
    } else {
      // Token-major, so the hidden states are read in memory order; per dimension the sum still
      // runs over tokens in order, as the library's loop does.
      const sums = new Float64Array(h.dim);
      let count = 0;
      // A padded token (mask 0) would add x·0 = ±0 to every sum, which changes no finite sum: it
      // is skipped. Mask 1 multiplies by one, which changes nothing either.
      for (let j = 0; j < h.tokens; j++) {
        if (Number(h.mask[i * h.tokens + j]) === 0) continue;
        count += 1;
        const at = base + j * h.dim;
        for (let k = 0; k < h.dim; k++) sums[k]! += h.data[at + k]!;
      }
      for (let k = 0; k < h.dim; k++) row[k] = sums[k]! / count;
    }
    if (normalize) normalizeInPlace(row);
    out.push(row);
  }
  return out;
}

function normalizeInPlace(row: Float32Array): void {
  let squares = 0;
  for (let k = 0; k < row.length; k++) squares = Math.fround(squares + row[k]! ** 2);
  const norm = Math.fround(squares ** 0.5);
  for (let k = 0; k < row.length; k++) row[k] = row[k]! / norm;
}
