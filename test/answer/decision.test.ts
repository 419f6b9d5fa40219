import { describe, expect, it } from "vitest";
import { CHOOSE_INPUT_NAMES, checkModel, chooseInputs, decide, type DecisionModel } from "../../src/answer/decision.js";
import { decisionProfileFor } from "../../src/answer/profiles.js";
import { FEATURE_NAMES, type Candidate } from "../../src/answer/features.js";
import { DEFAULT_ANSWER_TUNING } from "../../src/answer/tuning.js";

/**
 * The decision on made-up candidates and a hand-made model: `choose` picks, `answer` and the
 * threshold of the question's language and group decide. No fitted weight is asserted — those change with every `npm run fit`.
 */
const layerOver = (names: string[]) => (weights: Record<string, number>, bias = 0) => ({
  weights: names.map((f) => weights[f] ?? 0),
  bias,
  mean: new Array<number>(names.length).fill(0),
  scale: new Array<number>(names.length).fill(1),
});
const layer = layerOver(FEATURE_NAMES);
const chooseLayer = layerOver(CHOOSE_INPUT_NAMES);
// Chooses by sentence coverage; answers by coverage too, with a stricter bar for English.
const model: DecisionModel = {
  features: [...FEATURE_NAMES],
  choose: { zh: chooseLayer({ sentenceCoverage: 10 }), en: chooseLayer({ sentenceCoverage: 10 }) },
  answer: { zh: layer({ coverage: 10 }, -5), en: layer({ coverage: 10 }, -5) },
  threshold: { zh: { typed: 0.5, untyped: 0.5 }, en: { typed: 0.9, untyped: 0.9 } },
};

function candidate(lang: "zh" | "en", coverage: number, sentenceCoverage: number, wantsTypedAnswer = false): Candidate {
  const selection = { coverage, sentenceCoverage, articleCoverage: coverage, articleRank: 0, dateMissing: false, missingAnchors: [], absent: [], maxWeight: 1, focusCredit: 1, figure: null, score: 0, sentence: { text: "q", start: 0, end: 1 } };
  // "why": the reply leads with the quote, so the lead features are the same for every candidate here.
  const analysis = { lang, text: "q", kind: "why", qualifiers: [], unit: null, wantsTypedAnswer, dates: [], own: [], concepts: [], focus: null, previous: null, asksAnew: true, searchText: "q", tuning: DEFAULT_ANSWER_TUNING };
  return { analysis, selection, sentenceRank: 0, keywordScore: 1, keywordMargin: 0, vectorRank: null, bigramRecall: 0, articleBigramRecall: 0, articleMissingPair: 0, unknownPairs: 0, trigramRecall: 0, cloze: { left: 0, right: 0, inOrder: 0 }, qualifierConflict: false, articleQualifierConflict: false, anchorUnrelated: false, first: null, addedBigramRecall: 0, localCoverage: 0, localPairRecall: 0, peers: { coverage, bigramRecall: 0, typedAnswer: false } } as unknown as Candidate;
}

describe("decide", () => {
  it("picks the candidate the choose layer ranks first, and answers when it is probable enough", () => {
    const weak = candidate("zh", 0.9, 0.1);
    const strong = candidate("zh", 0.8, 0.9);
    const d = decide(model, [weak, strong]);
    expect(d.best).toBe(strong);
    expect(d.found).toBe(true);
    expect(d.probability).toBeCloseTo(1 / (1 + Math.exp(-3)));
  });

  it("gives choose's probability of each candidate, highest for the one it picks", () => {
    const weak = candidate("zh", 0.9, 0.1);
    const strong = candidate("zh", 0.8, 0.9);
    const { chosen } = decide(model, [weak, strong]);
    expect(chosen).toHaveLength(2);
    expect(chosen.every((p) => p > 0 && p < 1)).toBe(true);
    expect(chosen[1]).toBeGreaterThan(chosen[0]!);
    expect(decide(model, []).chosen).toEqual([]);
  });

  it("reads each candidate against the question's others: its value, its gap behind the best, and whether it is the best", () => {
    const at = FEATURE_NAMES.indexOf("coverage");
    const n = FEATURE_NAMES.length;
    const [low, high] = chooseInputs([FEATURE_NAMES.map((_, j) => (j === at ? 0.2 : 0)), FEATURE_NAMES.map((_, j) => (j === at ? 0.7 : 0))]);
    expect([low![at], low![n + at], low![2 * n + at]]).toEqual([0.2, expect.closeTo(-0.5), 0]);
    expect([high![at], high![n + at], high![2 * n + at]]).toEqual([0.7, 0, 1]);
    // A choose layer that only asks "is it the best covered?" picks the better covered candidate.
    const byBest: DecisionModel = { ...model, choose: { zh: chooseLayer({ "coverage:best": 5 }), en: chooseLayer({}) } };
    const weak = candidate("zh", 0.3, 0.9);
    const strong = candidate("zh", 0.8, 0.1);
    expect(decide(byBest, [weak, strong]).best).toBe(strong);
  });

  it("refuses a weights file whose choose layer reads bare features only (before chooseInputs)", () => {
    expect(() => checkModel({ ...model, choose: { zh: layer({}), en: layer({}) } })).toThrow(expect.objectContaining({ code: "MODEL_MISMATCH" }));
  });

  it("refuses below the threshold of the question's language", () => {
    expect(decide(model, [candidate("zh", 0.6, 0.6)]).found).toBe(true);
    expect(decide(model, [candidate("en", 0.6, 0.6)]).found).toBe(false);
  });

  it("holds a question that asks for a typed answer to its own group's threshold", () => {
    const grouped: DecisionModel = { ...model, threshold: { ...model.threshold, zh: { typed: 0.9, untyped: 0.5 } } };
    expect(decide(grouped, [candidate("zh", 0.6, 0.6)]).found).toBe(true);
    expect(decide(grouped, [candidate("zh", 0.6, 0.6, true)]).found).toBe(false);
  });

  it("refuses when there is no candidate", () => {
    expect(decide(model, [])).toEqual({ best: null, probability: 0, found: false, chosen: [] });
  });

  it("refuses a weights file fitted on another feature list", () => {
    expect(() => checkModel({ ...model, features: model.features.slice(1) })).toThrow(/npm run fit|fitted on features/);
    // Every committed profile is fitted on this build's features.
    for (const name of ["keyword-only", "tiny-zh"]) expect(() => decisionProfileFor(name === "keyword-only" ? null : name)).not.toThrow();
  });

  it("refuses a weights file with one threshold per language (before the question groups), with a code", () => {
    const old = { ...model, threshold: { zh: 0.41, en: 0.21 } } as unknown as DecisionModel;
    expect(() => checkModel(old)).toThrow(expect.objectContaining({ code: "MODEL_MISMATCH", hint: expect.stringMatching(/npm run fit/) }));
  });
});
