/**
 * L2-regularised logistic regression on standardised features, solved by Newton's method: small,
 * dependency-free and deterministic (same data, same weights). The loss is convex, so the answer
 * is its one minimum, whatever the start — a refit reproduces the committed layers, where a fixed
 * number of gradient steps stopped wherever the step count left it (and took most of a fit's half hour).
 */
export interface LogisticFit {
  weights: number[];
  bias: number;
  mean: number[];
  scale: number[];
}

export interface LogisticOptions {
  /** L2 penalty on the (standardised) weights, not on the bias. Default 0.01. */
  l2?: number;
  /** Per-row weights: a row of weight 2 counts as two copies of it (standardising and class balance included). Default 1 each. */
  weights?: number[];
  /** Newton steps at most; the fit stops earlier once the gradient is below `tolerance`. Default 50. */
  maxSteps?: number;
  /** Largest gradient component at which the minimum counts as reached. Default 1e-9. */
  tolerance?: number;
}

/** The mean loss and its gradient and Hessian over (w, b), b last. */
interface Curvature {
  loss: number;
  gradient: Float64Array;
  hessian: Float64Array;
}

export function fitLogistic(xs: number[][], ys: number[], options: LogisticOptions = {}): LogisticFit {
  const { l2 = 0.01, maxSteps = 50, tolerance = 1e-9 } = options;
  const d = xs[0]?.length ?? 0;
  const n = xs.length;
  // A row of weight w counts as w copies of it everywhere: in the standardising, the class balance
  // and the loss — so the fit can weigh rows instead of repeating them (the same fit, 12 × faster
  // for the project's questions, which count 12 times).
  const copies = Float64Array.from(xs, (_, i) => options.weights?.[i] ?? 1);
  const total = copies.reduce((s, w) => s + w, 0) || 1;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x, i) => s + copies[i]! * x[j]!, 0) / total);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x, i) => s + copies[i]! * (x[j]! - mean[j]!) ** 2, 0) / total) || 1);
  // One flat array of standardised rows with a trailing 1 for the bias.
  const k = d + 1;
  const zs = new Float64Array(n * k);
  xs.forEach((x, i) => {
    x.forEach((v, j) => (zs[i * k + j] = (v - mean[j]!) / scale[j]!));
    zs[i * k + d] = 1;
  });
  // Positives are rarer than negatives: weigh each class to half the loss so the threshold, not
  // the class balance of the data, decides how cautious the answer is.
  const positives = ys.reduce((s, y, i) => s + (y === 1 ? copies[i]! : 0), 0);
  const classWeight = (y: number) => (y === 1 ? total / (2 * (positives || 1)) : total / (2 * (total - positives || 1)));
  const rowWeights = Float64Array.from(ys, (y, i) => classWeight(y) * copies[i]!);

  const lossAt = (theta: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) loss += rowWeights[i]! * logLoss(dot(theta, zs, i * k, k), ys[i]!);
    return loss / total + penalty(theta, d, l2);
  };
  const curvatureAt = (theta: Float64Array): Curvature => {
    const gradient = new Float64Array(k);
    const hessian = new Float64Array(k * k);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const row = i * k;
      const s = dot(theta, zs, row, k);
      const p = sigmoid(s);
      const r = rowWeights[i]!;
      loss += r * logLoss(s, ys[i]!);
      const err = (p - ys[i]!) * r;
      const bend = p * (1 - p) * r;
      for (let a = 0; a < k; a++) {
        const za = zs[row + a]!;
        gradient[a]! += err * za;
        const bendA = bend * za;
        // The Hessian is symmetric: fill the lower triangle, mirror it below.
        for (let b = 0; b <= a; b++) hessian[a * k + b]! += bendA * zs[row + b]!;
      }
    }
    for (let a = 0; a < k; a++) {
      gradient[a] = gradient[a]! / total + (a < d ? l2 * theta[a]! : 0);
      for (let b = 0; b <= a; b++) {
        const h = hessian[a * k + b]! / total + (a === b && a < d ? l2 : 0);
        hessian[a * k + b] = h;
        hessian[b * k + a] = h;
      }
    }
    return { loss: loss / total + penalty(theta, d, l2), gradient, hessian };
  };

  let theta = new Float64Array(k);
  for (let step = 0; step < maxSteps; step++) {
    const { loss, gradient, hessian } = curvatureAt(theta);
    if (Math.max(...gradient.map(Math.abs)) < tolerance) break;
    const direction = solveSymmetric(hessian, gradient, k);
    // Halve the Newton step until the loss falls (rarely needed: the penalty keeps the loss curved).
    let t = 1;
    let next = theta.map((v, a) => v - direction[a]!);
    while (lossAt(next) > loss && t > 1e-8) {
      t /= 2;
      next = theta.map((v, a) => v - t * direction[a]!);
    }
    theta = next;
  }
  return { weights: Array.from(theta.subarray(0, d)), bias: theta[d]!, mean, scale };
}

const sigmoid = (s: number) => 1 / (1 + Math.exp(-s));
/** −log p(y | s), computed without overflow for large |s|. */
const logLoss = (s: number, y: number) => (y === 1 ? softplus(-s) : softplus(s));
const softplus = (s: number) => (s > 30 ? s : Math.log1p(Math.exp(s)));
const penalty = (theta: Float64Array, d: number, l2: number) => {
  let sum = 0;
  for (let j = 0; j < d; j++) sum += theta[j]! ** 2;
  return (l2 / 2) * sum;
};
function dot(theta: Float64Array, zs: Float64Array, row: number, k: number): number {
  let s = 0;
  for (let j = 0; j < k; j++) s += theta[j]! * zs[row + j]!;
  return s;
}

/** Solves H x = g for a symmetric positive-definite H (k × k, row-major) by Cholesky factorisation. */
export function solveSymmetric(hessian: Float64Array, g: Float64Array, k: number): Float64Array {
  const lower = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = hessian[i * k + j]!;
      for (let m = 0; m < j; m++) sum -= lower[i * k + m]! * lower[j * k + m]!;
      // A column that is constant after standardising has no curvature but the penalty's; guard the
      // bias column the same way so a degenerate fit stays finite.
      lower[i * k + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / lower[j * k + j]!;
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = g[i]!;
    for (let m = 0; m < i; m++) sum -= lower[i * k + m]! * y[m]!;
    y[i] = sum / lower[i * k + i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let m = i + 1; m < k; m++) sum -= lower[m * k + i]! * x[m]!;
    x[i] = sum / lower[i * k + i]!;
  }
  return x;
}
