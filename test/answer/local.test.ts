import { describe, expect, it } from "vitest";
import type { Concept } from "../../src/answer/concepts.js";
import { localWeights } from "../../src/answer/local.js";
import type { Article } from "../../src/ingest/types.js";

/**
 * Within-article weights: a question word the article repeats in most sentences (its topic) tells
 * its sentences apart less than one it names once.
 */
const article: Article = {
  id: "a#1",
  source: "a.txt",
  paper: null,
  date: null,
  page: null,
  headline: "公理书院",
  subheadline: null,
  byline: null,
  paragraphs: ["公理书院是一间高中书院。公理书院位于铜锣湾。公理书院创办于1911年。", "现任校长为阮女士。"],
  captions: [],
};
const concept = (label: string, weight = 1): Concept => ({ label, alternatives: [label], weight, anchor: false });

describe("localWeights", () => {
  const local = localWeights(article, [concept("公理书院"), concept("校长")], [
    { pair: "公理", weight: 1 },
    { pair: "校长", weight: 1 },
  ]);

  it("weighs the word one sentence names above the topic every sentence names", () => {
    const topic = local.coverage("公理书院是一间高中书院。");
    const answer = local.coverage("现任校长为阮女士。");
    expect(answer).toBeGreaterThan(topic);
    expect(topic + answer).toBeCloseTo(1);
  });

  it("does the same over character pairs", () => {
    expect(local.pairRecall("现任校长为阮女士。")).toBeGreaterThan(local.pairRecall("公理书院位于铜锣湾。"));
  });

  it("weighs a word the headline names as one every sentence names: the article is about it", () => {
    // 学院 and 校长 are each in one sentence (0.5 each without a headline); the headline names 学院.
    const titled: Article = { ...article, headline: "公理学院", paragraphs: ["公理学院是一间学院。本院位于铜锣湾。现任校长为阮女士。"] };
    const both = localWeights(titled, [concept("学院"), concept("校长")], []);
    expect(both.coverage("现任校长为阮女士。")).toBeGreaterThan(0.8);
    expect(both.coverage("公理学院是一间学院。")).toBeLessThan(0.2);
  });

  it("keeps a word the article never uses in the total: no sentence of it answers the question fully", () => {
    const absent = localWeights(article, [concept("校长"), concept("学费")], []);
    expect(absent.coverage("现任校长为阮女士。")).toBeLessThan(0.5);
    expect(absent.coverage("现任校长为阮女士。")).toBeGreaterThan(0);
    const none = localWeights(article, [concept("农场")], []);
    expect(none.coverage("现任校长为阮女士。")).toBe(0);
  });
});
