import { describe, expect, it } from "vitest";
import { CHOOSE_INPUT_NAMES, type DecisionModel, type LogisticLayer } from "../../src/answer/decision.js";
import { FEATURE_NAMES } from "../../src/answer/features.js";
import type { LabelledQuestion } from "../../scripts/fit/collect.js";
import { chooseThresholds, LEFT_OUT_TARGET } from "../../scripts/fit/thresholds.js";

/**
 * chooseThresholds on questions whose one candidate the answer layer scores as `coverage` says:
 * p = 1 / (1 + e^−k·(coverage − 0.5)), so a question's probability is set by hand.
 */
const COVERAGE = FEATURE_NAMES.indexOf("coverage");
const TYPED = FEATURE_NAMES.indexOf("typedAnswerAsked");
const layer = (size: number, weight: (i: number) => number, bias = 0): LogisticLayer => ({
  weights: Array.from({ length: size }, (_, i) => weight(i)),
  bias,
  mean: Array<number>(size).fill(0),
  scale: Array<number>(size).fill(1),
});
const SLOPE = 40;
const answer = layer(FEATURE_NAMES.length, (i) => (i === COVERAGE ? SLOPE : 0), -SLOPE / 2);
const model: DecisionModel = {
  features: [...FEATURE_NAMES],
  choose: { zh: layer(CHOOSE_INPUT_NAMES.length, () => 0), en: layer(CHOOSE_INPUT_NAMES.length, () => 0) },
  answer: { zh: answer, en: answer },
  threshold: { zh: { typed: 0.5, untyped: 0.5 }, en: { typed: 0.5, untyped: 0.5 } },
};
/** The coverage at which the answer layer gives probability p. */
const coverageFor = (p: number) => 0.5 + Math.log(p / (1 - p)) / SLOPE;

let next = 0;
function question(set: string, p: number, kind: { right?: boolean; unanswerable?: boolean; nearTopic?: boolean; lang?: "zh" | "en" } = {}): LabelledQuestion {
  const x = Array<number>(FEATURE_NAMES.length).fill(0);
  x[COVERAGE] = coverageFor(p);
  x[TYPED] = 1;
  const right = kind.right ?? true;
  return {
    set,
    id: `q${next++}`,
    lang: kind.lang ?? "en",
    group: `g${next}`,
    unanswerable: kind.unanswerable ?? false,
    nearTopic: kind.nearTopic ?? false,
    rows: [{ x, y: right ? 1 : 0, answers: right ? 1 : 0 }],
  };
}
const times = (n: number, make: (i: number) => LabelledQuestion) => Array.from({ length: n }, (_, i) => make(i));

describe("chooseThresholds", () => {
  // Translated development questions on which right and wrong answers fall together: every
  // threshold gains between −2 and +1 there, and the one right answer at 0.855 makes 0.71 the best.
  // (Probabilities sit between grid steps, so no rounding decides a test.)
  const flatDev = [
    ...[0.455, 0.505, 0.555, 0.605, 0.655, 0.705].map((p) => question("squad-en", p, { right: p === 0.455 || p === 0.605 })),
    question("squad-en", 0.855),
    ...times(20, () => question("squad-en", 0.05, { unanswerable: true })),
  ];

  it("on development questions alone, follows the one question that tips a flat gain", () => {
    expect(chooseThresholds(model, flatDev, "en").typed).toBeCloseTo(0.71, 2);
  });

  it("counts the project's news questions in the gain, so that question no longer sets the threshold", () => {
    // The project answers right from 0.505 up, and must refuse what scores 0.155.
    const project = [...times(4, (i) => question("project", 0.505 + i * 0.1)), ...times(2, () => question("project", 0.155, { unanswerable: true }))];
    const { typed } = chooseThresholds(model, [...flatDev, ...project], "en");
    expect(typed).toBeGreaterThan(0.155);
    expect(typed).toBeLessThanOrEqual(0.505);
  });

  it("never answers a project question it should refuse, whatever the project's answers gain", () => {
    const project = [...times(4, () => question("project", 0.605)), question("project", 0.725, { unanswerable: true })];
    expect(chooseThresholds(model, [...flatDev, ...project], "en").typed).toBeGreaterThan(0.725);
  });

  it(`refuses at least ${LEFT_OUT_TARGET * 100} % of the left-out articles' questions`, () => {
    const leftOut = times(20, (i) => question("squad-en", i < 2 ? 0.905 : 0.055, { unanswerable: true }));
    const answers = times(10, () => question("squad-en", 0.705));
    // Two of 20 left-out questions score 0.905: only a threshold above them refuses 95 %.
    expect(chooseThresholds(model, [...leftOut, ...answers], "en").typed).toBeGreaterThan(0.905);
  });
});
