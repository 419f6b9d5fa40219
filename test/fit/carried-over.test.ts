import { describe, expect, it } from "vitest";
import { carriedOver } from "../../scripts/fit/collect.js";
import { CHOOSE_INPUT_NAMES, checkModel, type DecisionModel, type LogisticLayer } from "../../src/answer/decision.js";
import { FEATURE_NAMES } from "../../src/answer/features.js";

/**
 * `npm run fit` replays conversation turns with the committed model, so a branch that adds or drops
 * a feature must still be able to read the old weights file: weights are carried over by name.
 */
const layerOver = (names: string[], weight: (name: string) => number): LogisticLayer => ({
  weights: names.map(weight),
  bias: 0.5,
  mean: names.map(() => 0),
  scale: names.map(() => 1),
});

describe("carriedOver", () => {
  // A weights file from a build without `coverage`, whose choose layer read the bare features.
  const older = FEATURE_NAMES.filter((n) => n !== "coverage");
  const old: DecisionModel = {
    features: older,
    choose: { zh: layerOver(older, () => 1), en: layerOver(older, () => 1) },
    answer: { zh: layerOver(older, () => 2), en: layerOver(older, () => 2) },
    threshold: { zh: 0.4, en: 0.3 } as unknown as DecisionModel["threshold"],
  };
  const carried = carriedOver(old);

  it("gives a feature the old file lacks weight 0 and keeps the others by name", () => {
    const at = FEATURE_NAMES.indexOf("coverage");
    expect(carried.answer.zh.weights[at]).toBe(0);
    expect(carried.answer.zh.weights.filter((w) => w === 2)).toHaveLength(older.length);
  });

  it("reads an old choose layer of bare features as the values of chooseInputs, gaps and bests at 0", () => {
    expect(carried.choose.zh.weights).toHaveLength(CHOOSE_INPUT_NAMES.length);
    const n = FEATURE_NAMES.length;
    expect(carried.choose.zh.weights.slice(n).every((w) => w === 0)).toBe(true);
    expect(carried.choose.zh.weights.slice(0, n).filter((w) => w === 1)).toHaveLength(older.length);
  });

  it("serves one threshold per language to both question groups, so the result passes checkModel", () => {
    expect(carried.threshold.zh).toEqual({ typed: 0.4, untyped: 0.4 });
    expect(checkModel(carried)).toBe(carried);
  });
});
