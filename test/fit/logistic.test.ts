import { describe, expect, it } from "vitest";
import { fitLogistic, solveSymmetric } from "../../scripts/fit/logistic.js";

/** The fitted probability of a raw row, as decision.ts reads a layer. */
const probability = (fit: ReturnType<typeof fitLogistic>, x: number[]) =>
  1 / (1 + Math.exp(-(fit.bias + x.reduce((s, v, j) => s + (fit.weights[j]! * (v - fit.mean[j]!)) / fit.scale[j]!, 0))));

/** A small noisy problem: y = 1 mostly when 2·x0 − x1 > 0; x2 is noise. */
function noisy(n: number): { xs: number[][]; ys: number[] } {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [next() * 4 - 2, next() * 4 - 2, next()];
    xs.push(x);
    ys.push(2 * x[0]! - x[1]! + (next() - 0.5) * 2 > 0 ? 1 : 0);
  }
  return { xs, ys };
}

/** The penalised, class-weighted mean loss fitLogistic minimises, computed from scratch. */
function loss(fit: ReturnType<typeof fitLogistic>, xs: number[][], ys: number[], l2 = 0.01): number {
  const n = ys.length;
  const positives = ys.filter((y) => y === 1).length;
  let sum = 0;
  xs.forEach((x, i) => {
    const p = probability(fit, x);
    const classWeight = ys[i] === 1 ? n / (2 * positives) : n / (2 * (n - positives));
    sum += -classWeight * Math.log(ys[i] === 1 ? p : 1 - p);
  });
  return sum / n + (l2 / 2) * fit.weights.reduce((s, w) => s + w * w, 0);
}

describe("fitLogistic (Newton's method)", () => {
  it("finds the minimum: nudging any weight or the bias only raises the loss", () => {
    const { xs, ys } = noisy(400);
    const fit = fitLogistic(xs, ys);
    const best = loss(fit, xs, ys);
    for (let j = 0; j <= fit.weights.length; j++) {
      for (const step of [-0.01, 0.01]) {
        const nudged = j < fit.weights.length ? { ...fit, weights: fit.weights.map((w, k) => (k === j ? w + step : w)) } : { ...fit, bias: fit.bias + step };
        expect(loss(nudged, xs, ys)).toBeGreaterThan(best);
      }
    }
  });

  it("learns the direction in the data and little weight for noise", () => {
    const { xs, ys } = noisy(400);
    const fit = fitLogistic(xs, ys);
    expect(fit.weights[0]!).toBeGreaterThan(0);
    expect(fit.weights[1]!).toBeLessThan(0);
    expect(Math.abs(fit.weights[2]!)).toBeLessThan(Math.abs(fit.weights[1]!) / 4);
    expect(probability(fit, [1.5, -1.5, 0.5])).toBeGreaterThan(0.9);
    expect(probability(fit, [-1.5, 1.5, 0.5])).toBeLessThan(0.1);
  });

  it("counts a row of weight 2 as two copies of it", () => {
    const { xs, ys } = noisy(60);
    const weighted = fitLogistic(xs, ys, { weights: xs.map((_, i) => (i % 3 === 0 ? 2 : 1)) });
    const copies = fitLogistic([...xs, ...xs.filter((_, i) => i % 3 === 0)], [...ys, ...ys.filter((_, i) => i % 3 === 0)]);
    // The same fit, standardising and class balance included: weights are how the fit script
    // counts the project's questions 12 times without repeating their rows.
    for (const [a, b] of [[weighted.weights, copies.weights], [weighted.mean, copies.mean], [weighted.scale, copies.scale], [[weighted.bias], [copies.bias]]] as const) {
      a.forEach((v, j) => expect(v).toBeCloseTo(b[j]!, 9));
    }
  });

  it("stays finite on data a line separates, and on a constant column", () => {
    const xs = [[0, 5], [1, 5], [2, 5], [3, 5]];
    const fit = fitLogistic(xs, [0, 0, 1, 1]);
    expect([...fit.weights, fit.bias].every(Number.isFinite)).toBe(true);
    expect(fit.weights[1]).toBe(0);
    expect(probability(fit, [3, 5])).toBeGreaterThan(0.9);
    expect(probability(fit, [0, 5])).toBeLessThan(0.1);
  });

  it("gives the same weights for the same data", () => {
    const { xs, ys } = noisy(100);
    expect(fitLogistic(xs, ys)).toEqual(fitLogistic(xs, ys));
  });
});

describe("solveSymmetric", () => {
  it("solves a positive-definite system", () => {
    const h = Float64Array.from([4, 2, 0, 2, 5, 1, 0, 1, 3]);
    const x = solveSymmetric(h, Float64Array.from([2, 1, 4]), 3);
    const back = [0, 1, 2].map((i) => [0, 1, 2].reduce((s, j) => s + h[i * 3 + j]! * x[j]!, 0));
    back.forEach((v, i) => expect(v).toBeCloseTo([2, 1, 4][i]!, 10));
  });
});
