import { beforeAll, describe, expect, it } from "vitest";
import { createAnswerer, createCandidateFinder, type AnswererDeps } from "../../src/answer/answerer.js";
import { checkModel, type DecisionModel } from "../../src/answer/decision.js";
import { profileOf } from "../../src/answer/profiles.js";
import { LEAD_GROUPS, LEAD_INPUT_NAMES, VALUE_FEATURES, valueCandidates, type LeadGroup, type LeadModel } from "../../src/answer/values.js";
import { dayOf } from "../../src/config/index.js";
import { embedderFor } from "../../src/embed/index.js";
import { openIndex } from "../../src/index/open.js";
import { createQueryTranslator } from "../../src/retrieve/english.js";
import { buildFixtureIndex, FIXTURE_TODAY, fixtureConfig } from "../helpers/fixture-index.js";

/**
 * Values are candidates: a reply's lead is picked among the chosen sentence's values by the
 * profile's lead layer (values.ts), and no value leads when none is probable enough. Real seeds,
 * real index, fixture model; the layers here are made up so that nothing asserts a fitted weight.
 */
const today = dayOf(FIXTURE_TODAY);
const FIGURE_QUESTION = "昌吉州今年新增城镇就业多少人？";
let deps: AnswererDeps;
let committed: DecisionModel;

beforeAll(async () => {
  const config = fixtureConfig();
  await buildFixtureIndex(config);
  const index = openIndex({ indexDir: config.indexDir, model: config.embeddingModel, efSearch: config.hnsw.efSearch });
  const embedder = await embedderFor(config);
  deps = { index, translator: createQueryTranslator({ lexicon: index.lexicon }), embedQuery: async (q) => (await embedder.embedQueries([q]))[0]! };
  committed = profileOf(index).model;
}, 240_000);

const everyGroup = (t: number) => Object.fromEntries(LEAD_GROUPS.map((g) => [g, t])) as Record<LeadGroup, number>;

/** A lead layer that scores every value alike at `p`, with that threshold. */
function flatLead(p: number, threshold: number): LeadModel {
  const bias = Math.log(p / (1 - p));
  const layer = { weights: LEAD_INPUT_NAMES.map(() => 0), bias, mean: LEAD_INPUT_NAMES.map(() => 0), scale: LEAD_INPUT_NAMES.map(() => 1) };
  return { features: [...LEAD_INPUT_NAMES], layer, threshold: { zh: everyGroup(threshold), en: everyGroup(threshold) } };
}

/** A lead layer that prefers the value `feature` marks, above the threshold. */
function preferring(feature: string): LeadModel {
  const at = LEAD_INPUT_NAMES.indexOf(feature);
  const layer = { weights: LEAD_INPUT_NAMES.map((_, i) => (i === at ? 8 : 0)), bias: -4, mean: LEAD_INPUT_NAMES.map(() => 0), scale: LEAD_INPUT_NAMES.map(() => 1) };
  return { features: [...LEAD_INPUT_NAMES], layer, threshold: { zh: everyGroup(0.5), en: everyGroup(0.5) } };
}

const ask = (lead: LeadModel | undefined, question: string) => createAnswerer({ ...deps, options: { model: { ...committed, lead } } })(question, { today });

describe("values as candidates", () => {
  it("lists each value of a sentence the question could be answered with, once, with every value feature", async () => {
    const { candidates } = await createCandidateFinder(deps)(FIGURE_QUESTION, { today });
    const withValues = candidates.find((c) => valueCandidates(c).length > 1)!;
    const values = valueCandidates(withValues);
    expect(new Set(values.map((v) => `${v.value.start}:${v.value.text}`)).size).toBe(values.length);
    for (const v of values) {
      expect(withValues.selection.sentence.text.slice(v.value.start, v.value.end)).toBe(v.value.text);
      expect(v.x).toHaveLength(Object.keys(VALUE_FEATURES).length);
      expect(v.x.every((n) => Number.isFinite(n) && n >= 0 && n <= 1)).toBe(true);
    }
  });

  it("leads with the hand-set value when the profile has no lead layer", async () => {
    const hand = await ask(undefined, FIGURE_QUESTION);
    expect(hand.reply).toBe("answer");
    expect(hand.figure).toMatch(/\d/);
    // The headline (天山天池国际滑雪场开板) binds the lead sentence's date (…12月1日，伴随响亮的汽笛声…).
    expect((await ask(undefined, "天山天池国际滑雪场什么时候开板？")).figure).toBe("12月1日");
  });

  it("gives the sentence as evidence, not a figure, when the lead layer trusts no value of it", async () => {
    const hand = await ask(undefined, FIGURE_QUESTION);
    const doubtful = await ask(flatLead(0.4, 0.5), FIGURE_QUESTION);
    expect(doubtful.reply).toBe("evidence");
    expect(doubtful.found).toBe(false);
    expect(doubtful.figure).toBeNull();
    // The same sentence is quoted: the reader still sees what the paper reports.
    expect(doubtful.citations[0]?.quote).toBe(hand.citations[0]?.quote);
  });

  it("leads with the value the layer prefers, always one of the quoted sentence", async () => {
    for (const feature of ["order", "handLead"]) {
      const reply = await ask(preferring(feature), FIGURE_QUESTION);
      expect(reply.reply).toBe("answer");
      expect(reply.citations[0]!.quote).toContain(reply.figure!);
    }
  });

  it("never makes an answer of a question the hand-set binding leaves without a value", async () => {
    // No mayor is named on the five pages: however much the layer trusts values, no name leads.
    const reply = await ask(flatLead(0.99, 0.5), "昌吉市市长是谁？");
    expect(reply.reply).not.toBe("answer");
  });

  it("refuses a profile whose lead layer was fitted on another value feature list", () => {
    const stale = { ...committed, lead: { ...flatLead(0.5, 0.5), features: ["answerProbability", "binding"] } };
    expect(() => checkModel(stale)).toThrow(expect.objectContaining({ code: "MODEL_MISMATCH" }));
  });
});
