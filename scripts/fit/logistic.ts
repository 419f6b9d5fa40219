/**
 * L2-regularised logistic regression by batch gradient descent on standardised features: small,
 * dependency-free and deterministic (same data, same weights).
 */
export interface LogisticFit {
  weights: number[];
  bias: number;
  mean: number[];
  scale: number[];
}

export function fitLogistic(xs: number[][], ys: number[], options: { l2?: number; steps?: number; rate?: number; weights?: number[] } = {}): LogisticFit {
  const { l2 = 0.01, steps = 3000, rate = 0.5 } = options;
  const rowWeight = (i: number) => options.weights?.[i] ?? 1;
  const d = xs[0]?.length ?? 0;
  const n = xs.length;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / n) || 1);
  // One flat array of standardised rows: the loop below runs steps × n × d times.
  const zs = new Float64Array(n * d);
  xs.forEach((x, i) => x.forEach((v, j) => (zs[i * d + j] = (v - mean[j]!) / scale[j]!)));
  // Positives are rarer than negatives: weigh each class to half the loss so the threshold, not
  // the class balance of the data, decides how cautious the answer is.
  const positives = ys.filter((y) => y === 1).length;
  const classWeight = (y: number) => (y === 1 ? n / (2 * Math.max(1, positives)) : n / (2 * Math.max(1, n - positives)));
  const classWeights = Float64Array.from(ys, classWeight);
  const rowWeights = Float64Array.from(ys, (_, i) => rowWeight(i));
  const w = new Float64Array(d);
  const gw = new Float64Array(d);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    gw.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const row = i * d;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * zs[row + j]!;
      const err = (1 / (1 + Math.exp(-s)) - ys[i]!) * classWeights[i]! * rowWeights[i]!;
      for (let j = 0; j < d; j++) gw[j]! += err * zs[row + j]!;
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] = w[j]! - rate * (gw[j]! / n + l2 * w[j]!);
    b -= rate * (gb / n);
  }
  return { weights: Array.from(w), bias: b, mean, scale };
}
