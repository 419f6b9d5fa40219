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
  // Fields in locals: the hot loop below then reads no object properties.
  const { data, mask, rows, tokens, dim } = h;
  const out: Float32Array[] = [];
  const sums = new Float64Array(dim);
  for (let i = 0; i < rows; i++) {
    const row = new Float32Array(dim);
    const base = i * tokens * dim;
    if (pooling === "cls") {
      row.set(data.subarray(base, base + dim));
    } else {
      // Token-major, so the hidden states are read in memory order; per dimension the sum still
      // runs over tokens in order, as the library's loop does.
      sums.fill(0);
      let count = 0;
      // A padded token (mask 0) would add x·0 = ±0 to every sum, which changes no finite sum: it
      // is skipped. Mask 1 multiplies by one, which changes nothing either.
      for (let j = 0; j < tokens; j++) {
        if (Number(mask[i * tokens + j]) === 0) continue;
        count += 1;
        const at = base + j * dim;
        // Four dimensions a step (each dimension's own sum keeps its order): about twice as fast.
        let k = 0;
        for (; k + 3 < dim; k += 4) {
          sums[k]! += data[at + k]!;
          sums[k + 1]! += data[at + k + 1]!;
          sums[k + 2]! += data[at + k + 2]!;
          sums[k + 3]! += data[at + k + 3]!;
        }
        for (; k < dim; k++) sums[k]! += data[at + k]!;
      }
      for (let k = 0; k < dim; k++) row[k] = sums[k]! / count;
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
